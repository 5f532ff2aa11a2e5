package dev.bongsu.alerting.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bongsu.alerting.notify.IncidentJson;
import dev.bongsu.alerting.notify.Notification;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the {@code notifications} table; blocking, called on the database thread only. */
final class OutboxStore {
    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String DEAD = "dead";
    static final String SUPPRESSED = "suppressed";
    static final String COALESCED = "coalesced";

    private static final String COLUMNS = "id, receiver, incident_id, idem_key, event, status, attempts, created_at, next_attempt_at, reason, notification";

    private OutboxStore() {
    }

    static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS notifications (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      receiver TEXT NOT NULL,
                      incident_id TEXT NOT NULL,
                      idem_key TEXT NOT NULL,
                      event TEXT NOT NULL,
                      status TEXT NOT NULL,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      created_at INTEGER NOT NULL,
                      next_attempt_at INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL,
                      reason TEXT,
                      notification TEXT)""");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS notifications_status ON notifications(status, id)");
        }
    }

    static OutboxRow insertPending(Connection c, Notification n, Instant now) throws SQLException {
        String json = encode(n);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO notifications (receiver, incident_id, idem_key, event, status, attempts,"
                + " created_at, next_attempt_at, updated_at, reason, notification) VALUES (?,?,?,?,?,0,?,?,?,NULL,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, n.receiver());
            p.setString(2, n.incident().id());
            p.setString(3, n.idempotencyKey());
            p.setString(4, n.eventName());
            p.setString(5, PENDING);
            p.setLong(6, now.toEpochMilli());
            p.setLong(7, now.toEpochMilli());
            p.setLong(8, now.toEpochMilli());
            p.setString(9, json);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new OutboxRow(keys.getLong(1), n.receiver(), n.incident().id(), n.idempotencyKey(), n.eventName(), PENDING, 0,
                        now, now, null, n);
            }
        }
    }

    static void insertRecord(Connection c, String receiver, String incidentId, String key, String event, String status, String reason,
            Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO notifications (receiver, incident_id, idem_key, event, status, attempts,"
                + " created_at, next_attempt_at, updated_at, reason, notification) VALUES (?,?,?,?,?,0,?,?,?,?,NULL)")) {
            p.setString(1, receiver);
            p.setString(2, incidentId);
            p.setString(3, key);
            p.setString(4, event);
            p.setString(5, status);
            p.setLong(6, now.toEpochMilli());
            p.setLong(7, now.toEpochMilli());
            p.setLong(8, now.toEpochMilli());
            p.setString(9, reason);
            p.executeUpdate();
        }
    }

    static void update(Connection c, long id, String status, int attempts, Instant next, String reason, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE notifications SET status=?, attempts=?, next_attempt_at=?, reason=?, updated_at=? WHERE id=?")) {
            p.setString(1, status);
            p.setInt(2, attempts);
            p.setLong(3, next.toEpochMilli());
            p.setString(4, reason);
            p.setLong(5, now.toEpochMilli());
            p.setLong(6, id);
            p.executeUpdate();
        }
    }

    static List<OutboxRow> pending(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM notifications WHERE status='pending' ORDER BY id", -1, null);
    }

    static List<OutboxRow> list(Connection c, String status, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM notifications WHERE status=? ORDER BY id DESC LIMIT ?", limit, status);
    }

    /** Counts by receiver and status. */
    static JsonObject counts(Connection c) throws SQLException {
        JsonObject out = new JsonObject();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT receiver, status, COUNT(*) FROM notifications GROUP BY receiver, status ORDER BY receiver")) {
            while (rs.next()) {
                JsonObject r = out.getJsonObject(rs.getString(1));
                if (r == null) {
                    r = new JsonObject();
                    out.put(rs.getString(1), r);
                }
                r.put(rs.getString(2), rs.getLong(3));
            }
        }
        return out;
    }

    /** (receiver, incident) pairs told of an incident (opened/updated written) and not yet of its resolution. */
    static List<String[]> notifiedUnresolved(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT receiver, incident_id FROM notifications WHERE status IN ('pending','sent','dead','coalesced')"
                        + " GROUP BY receiver, incident_id HAVING SUM(CASE WHEN event='incident.resolved' THEN 1 ELSE 0 END) = 0")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    static int purge(Connection c, Instant before) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM notifications WHERE status<>'pending' AND updated_at < ?")) {
            p.setLong(1, before.toEpochMilli());
            return p.executeUpdate();
        }
    }

    private static List<OutboxRow> query(Connection c, String sql, int limit, String status) throws SQLException {
        List<OutboxRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (status != null) {
                p.setString(1, status);
                p.setInt(2, limit);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String json = rs.getString(11);
                    out.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)),
                            rs.getString(10), json == null ? null : decode(json)));
                }
            }
        }
        return out;
    }

    static String encode(Notification n) {
        try {
            return IncidentJson.mapper().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode notification " + n.idempotencyKey(), e);
        }
    }

    static Notification decode(String json) {
        try {
            return IncidentJson.mapper().readValue(json, Notification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode a stored notification: " + e.getOriginalMessage(), e);
        }
    }
}
