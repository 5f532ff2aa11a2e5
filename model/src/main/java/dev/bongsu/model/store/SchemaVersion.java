package dev.bongsu.model.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The schema version of a SQLite file, kept in {@code PRAGMA user_version}: 0 for a new file or one written before
 * Bongsu recorded versions, else the version of the tables the Bongsu that last opened it made. A store checks it
 * before it creates or migrates its tables and records its own version after: an older version is migrated forward
 * by the store's schema code, a newer one (written by a newer Bongsu, i.e. a downgrade) is refused.
 */
public final class SchemaVersion {
    private SchemaVersion() {
    }

    /**
     * The version {@code file} has; fails with {@link NewerSchemaException} when it is above {@code known}, the
     * version this Bongsu's code for the file knows.
     */
    public static int check(Connection c, Path file, int known) throws SQLException {
        int found = read(c);
        if (found > known) {
            throw newer(file, found, known);
        }
        return found;
    }

    /**
     * The refusal of {@code file} of version {@code found} by code that knows up to {@code known}, for a store that
     * keeps its version elsewhere than in {@code user_version}.
     */
    public static NewerSchemaException newer(Path file, int found, int known) {
        return new NewerSchemaException(file + " has schema version " + found + " but this Bongsu" + runningVersion()
                + " knows up to " + known + ": it was written by a newer Bongsu. Downgrading is not supported: "
                + "run the newer version or restore the backup taken before the upgrade.");
    }

    /** Records that the file's tables are now those of {@code version}. */
    public static void record(Connection c, int version) throws SQLException {
        if (version < 1) {
            throw new IllegalArgumentException("a schema version is 1 or more, found " + version);
        }
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + version);
        }
    }

    /** The version recorded in the file, 0 when none is. */
    public static int read(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** " (0.1.0)" from the runnable jar's build information, or nothing when it is not on the class path. */
    private static String runningVersion() {
        Properties p = new Properties();
        try (InputStream in = SchemaVersion.class.getResourceAsStream("/bongsu-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "";
        }
        String v = p.getProperty("version", "");
        return v.isBlank() || v.contains("${") ? "" : " (" + v.strip() + ")";
    }
}
