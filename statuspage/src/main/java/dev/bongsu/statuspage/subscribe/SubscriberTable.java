package dev.bongsu.statuspage.subscribe;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables of {@code subscribers.db}: {@code subscribers} (one row per subscriber with the version of its last
 * change) and {@code subscriber_tombstones} (id, version and time of a removal: no personal data, so that a removal
 * reaches the other server of a cluster and is never undone by its older copy). Deleted rows are overwritten on disk
 * ({@code secure_delete}), so an erased address does not linger in free pages. Runs on the database thread only.
 */
final class SubscriberTable {
    private SubscriberTable() {
    }

    /** Creates what is missing. */
    static Void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA secure_delete=ON");
            st.execute("CREATE TABLE IF NOT EXISTS subscribers (id TEXT PRIMARY KEY, channel TEXT NOT NULL, address TEXT NOT NULL, "
                    + "address_key TEXT NOT NULL, lang TEXT NOT NULL, scope TEXT NOT NULL, secret TEXT NOT NULL, "
                    + "created_ms INTEGER NOT NULL, confirmed_ms INTEGER)");
            st.execute("CREATE INDEX IF NOT EXISTS subscribers_address ON subscribers(address_key)");
            if (!hasColumn(c, "subscribers", "version")) {
                // files written before replication: every row starts at version 1
                st.execute("ALTER TABLE subscribers ADD COLUMN version INTEGER NOT NULL DEFAULT 1");
            }
            st.execute("CREATE TABLE IF NOT EXISTS subscriber_tombstones (id TEXT PRIMARY KEY, version INTEGER NOT NULL, "
                    + "removed_ms INTEGER NOT NULL)");
        }
        return null;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equalsIgnoreCase(rs.getString("name"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The key that makes two addresses the same subscriber: the address in lower case. */
    static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** A subscriber with the version of its last change. */
    record Row(Subscriber subscriber, long version) {
    }

    /** Every subscriber row. */
    static List<Row> loadAll(Connection c) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, channel, address, lang, scope, secret, created_ms, confirmed_ms, version FROM subscribers")) {
            while (rs.next()) {
                long confirmed = rs.getLong(8);
                Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
                out.add(new Row(new Subscriber(rs.getString(1), Subscriber.Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        scope(rs.getString(5)), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), confirmedAt), rs.getLong(9)));
            }
        }
        return out;
    }

    /** Every tombstone: id → version. */
    static Map<String, Long> loadTombstones(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, version FROM subscriber_tombstones")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /**
     * Removes subscriber rows and keeps a tombstone of each (id → version of the removal) in one transaction; a
     * tombstone of an id that had no row here is kept too. An erasure also empties the write-ahead log.
     */
    static void bury(Connection c, Map<String, Long> tombstones, Instant removedAt, boolean erase) throws SQLException {
        if (tombstones.isEmpty()) {
            return;
        }
        c.setAutoCommit(false);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM subscribers WHERE id = ?");
             PreparedStatement put = c.prepareStatement("INSERT INTO subscriber_tombstones (id, version, removed_ms) VALUES (?, ?, ?) "
                     + "ON CONFLICT(id) DO UPDATE SET version = excluded.version, removed_ms = excluded.removed_ms")) {
            for (Map.Entry<String, Long> t : tombstones.entrySet()) {
                del.setString(1, t.getKey());
                del.executeUpdate();
                put.setString(1, t.getKey());
                put.setLong(2, t.getValue());
                put.setLong(3, removedAt.toEpochMilli());
                put.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        if (erase) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    /** Deletes the tombstones of removals made before {@code before}; their ids. */
    static List<String> purgeTombstones(Connection c, Instant before) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM subscriber_tombstones WHERE removed_ms < ?")) {
            ps.setLong(1, before.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscriber_tombstones WHERE removed_ms < ?")) {
                ps.setLong(1, before.toEpochMilli());
                ps.executeUpdate();
            }
        }
        return ids;
    }

    /** Inserts or replaces one row, at {@code version}, and drops a tombstone of the same id (a newer copy came back). */
    static void save(Connection c, Subscriber s, long version) throws SQLException {
        try (PreparedStatement drop = c.prepareStatement("DELETE FROM subscriber_tombstones WHERE id = ?")) {
            drop.setString(1, s.id());
            drop.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscribers (id, channel, address, address_key, lang, scope, "
                + "secret, created_ms, confirmed_ms, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                + "channel = excluded.channel, address = excluded.address, address_key = excluded.address_key, lang = excluded.lang, "
                + "scope = excluded.scope, secret = excluded.secret, created_ms = excluded.created_ms, confirmed_ms = excluded.confirmed_ms, "
                + "version = excluded.version")) {
            ps.setString(1, s.id());
            ps.setString(2, s.channel().name());
            ps.setString(3, s.address());
            ps.setString(4, key(s.address()));
            ps.setString(5, s.lang());
            ps.setString(6, scopeJson(s.scope()).encode());
            ps.setString(7, s.secret());
            ps.setLong(8, s.createdAt().toEpochMilli());
            if (s.confirmedAt() == null) {
                ps.setNull(9, Types.INTEGER);
            } else {
                ps.setLong(9, s.confirmedAt().toEpochMilli());
            }
            ps.setLong(10, version);
            ps.executeUpdate();
        }
    }

    /** The scope as stored and as the admin API shows it. */
    static JsonObject scopeJson(SubscriberScope s) {
        return new JsonObject().put("providers", sorted(s.providers())).put("categories", sorted(s.categories()))
                .put("services", sorted(s.services()));
    }

    private static JsonArray sorted(Set<String> values) {
        return new JsonArray(values.stream().sorted().map(v -> (Object) v).toList());
    }

    /** The scope from its stored (or replicated) JSON. */
    static SubscriberScope scope(JsonObject o) {
        return new SubscriberScope(set(o.getJsonArray("providers")), set(o.getJsonArray("categories")), set(o.getJsonArray("services")));
    }

    private static SubscriberScope scope(String json) {
        return scope(new JsonObject(json));
    }

    private static Set<String> set(JsonArray a) {
        Set<String> out = new HashSet<>();
        if (a != null) {
            a.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
