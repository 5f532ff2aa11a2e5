package dev.bongsu.statuspage.updates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * The tables of {@code updates.db}: {@code update_records} with text ids, versions and tombstones. A file of the
 * first format (table {@code updates}, numbered ids) is migrated once, in one transaction: every row is kept, with
 * the id {@code old-<random>-<number>}, so that numbers from two servers' files never clash when shared.
 */
final class UpdatesSchema {
    private static final Logger LOG = Logger.getLogger(UpdatesSchema.class.getName());

    private UpdatesSchema() {
    }

    /** Creates what is missing and migrates old rows; returns how many were migrated. */
    static int prepare(Connection c, String migrationPrefix) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS update_records (id TEXT PRIMARY KEY, incident_id TEXT NOT NULL, "
                    + "status TEXT NOT NULL, text_ko TEXT NOT NULL, text_en TEXT NOT NULL, at_ms INTEGER NOT NULL, "
                    + "edited_ms INTEGER, version INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0)");
            st.execute("CREATE INDEX IF NOT EXISTS update_records_incident ON update_records(incident_id)");
            int migrated = 0;
            if (hasTable(c, "updates")) {
                try (var ps = c.prepareStatement("INSERT OR IGNORE INTO update_records (id, incident_id, status, text_ko, text_en, "
                        + "at_ms, edited_ms, version, deleted) SELECT ? || id, incident_id, status, text_ko, text_en, at_ms, NULL, 1, 0 "
                        + "FROM updates")) {
                    ps.setString(1, migrationPrefix);
                    migrated = ps.executeUpdate();
                }
                st.execute("DROP TABLE updates");
            }
            c.commit();
            if (migrated > 0) {
                LOG.info("status page updates: " + migrated + " updates of the first format migrated to text ids (" + migrationPrefix + "…)");
            }
            return migrated;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
