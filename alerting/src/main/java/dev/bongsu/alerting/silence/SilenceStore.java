package dev.bongsu.alerting.silence;

import io.vertx.core.json.JsonArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Silences in the {@code silences} table of outbox.db; blocking, called on the database thread only. */
public final class SilenceStore {
    private SilenceStore() {
    }

    /** Creates the table when missing. */
    public static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS silences (
                      id TEXT PRIMARY KEY,
                      matchers TEXT NOT NULL,
                      starts_at INTEGER NOT NULL,
                      ends_at INTEGER NOT NULL,
                      author TEXT NOT NULL,
                      comment TEXT NOT NULL,
                      created_at INTEGER NOT NULL,
                      version INTEGER NOT NULL DEFAULT 1)""");
        }
        // outbox.db files from before replication have no version column: every silence there is version 1.
        boolean hasVersion = false;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(silences)")) {
            while (rs.next()) {
                hasVersion |= "version".equals(rs.getString("name"));
            }
        }
        if (!hasVersion) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("ALTER TABLE silences ADD COLUMN version INTEGER NOT NULL DEFAULT 1");
            }
        }
    }

    /** Inserts or replaces a silence. */
    public static void save(Connection c, Silence s) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO silences"
                + " (id, matchers, starts_at, ends_at, author, comment, created_at, version) VALUES (?,?,?,?,?,?,?,?)")) {
            JsonArray m = new JsonArray();
            s.matchers().forEach(x -> m.add(x.toString()));
            p.setString(1, s.id());
            p.setString(2, m.encode());
            p.setLong(3, s.startsAt().toEpochMilli());
            p.setLong(4, s.endsAt().toEpochMilli());
            p.setString(5, s.author());
            p.setString(6, s.comment());
            p.setLong(7, s.createdAt().toEpochMilli());
            p.setLong(8, s.version());
            p.executeUpdate();
        }
    }

    /** Every silence, oldest first. */
    public static List<Silence> all(Connection c) throws SQLException {
        List<Silence> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, matchers, starts_at, ends_at, author, comment, created_at, version FROM silences ORDER BY created_at, id")) {
            while (rs.next()) {
                List<LabelMatcher> matchers = new ArrayList<>();
                new JsonArray(rs.getString(2)).forEach(x -> matchers.add(LabelMatcher.parse((String) x)));
                out.add(new Silence(rs.getString(1), matchers, Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getLong(8)));
            }
        }
        return out;
    }

    /** Deletes silences that ended before {@code before}. */
    public static int purge(Connection c, Instant before) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM silences WHERE ends_at < ?")) {
            p.setLong(1, before.toEpochMilli());
            return p.executeUpdate();
        }
    }
}
