package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of subscriptions-outbox.db: {@code notices} (each public notice once, by key) and {@code messages} (one row
 * per notice and subscriber). Blocking; called on the database thread only.
 */
final class SubscriberOutboxStore {
    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String DEAD = "dead";
    static final String DROPPED = "dropped";

    private static final String COLUMNS = "m.id, m.subscriber_id, m.notice_key, m.status, m.attempts, m.created_at, m.next_attempt_at, m.reason, n.body";

    private SubscriberOutboxStore() {
    }

    static Void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS notices (
                      key TEXT PRIMARY KEY,
                      subject_id TEXT NOT NULL,
                      event TEXT NOT NULL,
                      body TEXT NOT NULL,
                      created_at INTEGER NOT NULL)""");
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS messages (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      notice_key TEXT NOT NULL REFERENCES notices(key),
                      subscriber_id TEXT NOT NULL,
                      status TEXT NOT NULL,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      created_at INTEGER NOT NULL,
                      next_attempt_at INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL,
                      reason TEXT,
                      UNIQUE (notice_key, subscriber_id))""");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS messages_status ON messages(status, id)");
        }
        return null;
    }

    /**
     * Stores a notice and one pending message per subscriber in one transaction; nothing when the key is already
     * stored. Returns the new rows (empty for a repeated key).
     */
    static List<SubscriberOutboxRow> insert(Connection c, PublicNotice n, List<String> subscriberIds, Instant now) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR IGNORE INTO notices (key, subject_id, event, body, created_at) VALUES (?,?,?,?,?)")) {
                p.setString(1, n.key());
                p.setString(2, n.subjectId());
                p.setString(3, n.event());
                p.setString(4, encode(n).encode());
                p.setLong(5, now.toEpochMilli());
                if (p.executeUpdate() == 0) {
                    c.rollback();
                    return List.of();
                }
            }
            List<SubscriberOutboxRow> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO messages (notice_key, subscriber_id, status, attempts, created_at,"
                    + " next_attempt_at, updated_at) VALUES (?,?,'pending',0,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                for (String id : subscriberIds) {
                    p.setString(1, n.key());
                    p.setString(2, id);
                    p.setLong(3, now.toEpochMilli());
                    p.setLong(4, now.toEpochMilli());
                    p.setLong(5, now.toEpochMilli());
                    p.executeUpdate();
                    try (ResultSet keys = p.getGeneratedKeys()) {
                        keys.next();
                        out.add(new SubscriberOutboxRow(keys.getLong(1), id, n, 0, now, now, null));
                    }
                }
            }
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Sets a message's status (one statement: a delivered message is marked as soon as the receiver said so). */
    static void update(Connection c, long id, String status, int attempts, Instant next, String reason, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE messages SET status=?, attempts=?, next_attempt_at=?, reason=?, updated_at=? WHERE id=?")) {
            p.setString(1, status);
            p.setInt(2, attempts);
            p.setLong(3, next.toEpochMilli());
            p.setString(4, reason);
            p.setLong(5, now.toEpochMilli());
            p.setLong(6, id);
            p.executeUpdate();
        }
    }

    static List<SubscriberOutboxRow> pending(Connection c) throws SQLException {
        List<SubscriberOutboxRow> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM messages m JOIN notices n ON n.key = m.notice_key"
                        + " WHERE m.status='pending' ORDER BY m.id")) {
            while (rs.next()) {
                out.add(new SubscriberOutboxRow(rs.getLong(1), rs.getString(2), decode(new JsonObject(rs.getString(9))), rs.getInt(5),
                        Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)));
            }
        }
        return out;
    }

    /** The subjects whose opening was announced and whose resolution was not (yet). */
    static List<String> openAnnounced(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT subject_id FROM notices GROUP BY subject_id"
                        + " HAVING SUM(event='incident.opened') > 0 AND SUM(event='incident.resolved') = 0")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Message counts by status. */
    static JsonObject counts(Connection c) throws SQLException {
        JsonObject out = new JsonObject();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM messages GROUP BY status")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Removes finished messages, and notices without messages, last changed before {@code before}. */
    static int purge(Connection c, Instant before) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM messages WHERE status<>'pending' AND updated_at < ?");
                PreparedStatement n = c.prepareStatement("DELETE FROM notices WHERE created_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.notice_key = notices.key)"
                        + " AND (event <> 'incident.opened' OR EXISTS (SELECT 1 FROM notices r WHERE r.subject_id = notices.subject_id"
                        + " AND r.event = 'incident.resolved'))")) {
            p.setLong(1, before.toEpochMilli());
            n.setLong(1, before.toEpochMilli());
            return p.executeUpdate() + n.executeUpdate();
        }
    }

    static JsonObject encode(PublicNotice n) {
        return new JsonObject()
                .put("key", n.key())
                .put("subjectId", n.subjectId())
                .put("event", n.event())
                .put("services", new JsonArray(n.services()))
                .put("title", text(n.title()))
                .put("text", text(n.text()))
                .put("path", n.path())
                .put("at", n.at().toString());
    }

    static PublicNotice decode(JsonObject o) {
        List<String> services = new ArrayList<>();
        o.getJsonArray("services").forEach(s -> services.add((String) s));
        return new PublicNotice(o.getString("key"), o.getString("subjectId"), o.getString("event"), services, text(o.getJsonObject("title")),
                text(o.getJsonObject("text")), o.getString("path"), Instant.parse(o.getString("at")));
    }

    private static JsonObject text(LocalizedText t) {
        return t == null ? null : new JsonObject().put("ko", t.ko()).put("en", t.en());
    }

    private static LocalizedText text(JsonObject o) {
        return o == null ? null : new LocalizedText(o.getString("ko"), o.getString("en"));
    }
}
