package dev.bongsu.statuspage.declared;

import dev.bongsu.model.replica.SharedRecords;
import dev.bongsu.model.store.SqliteDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * One kind of shared record in one table of a {@link SqliteDatabase} ({@code id}, {@code version}, the JSON), held in
 * memory for readers. Every change runs on the database's one thread, so a read-modify-write never races another;
 * a change is on disk before readers see it.
 */
final class RecordTable implements SharedRecords {
    private static final Logger LOG = Logger.getLogger(RecordTable.class.getName());

    private final SqliteDatabase db;
    private final String table;
    private final String kind;
    private final Map<String, JsonObject> byId = new ConcurrentHashMap<>();
    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> onAnyChange = new CopyOnWriteArrayList<>();

    RecordTable(SqliteDatabase db, String table, String kind) {
        this.db = db;
        this.table = table;
        this.kind = kind;
    }

    /** Creates the table when missing and loads its rows; runs on the database thread inside {@code open}. */
    void prepare(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT id, body FROM " + table)) {
                while (rs.next()) {
                    try {
                        byId.put(rs.getString(1), new JsonObject(rs.getString(2)));
                    } catch (RuntimeException e) {
                        LOG.warning("status page " + kind + ": row " + rs.getString(1) + " is not readable JSON, left out: " + e.getMessage());
                    }
                }
            }
        }
    }

    /** A record by id (tombstones included). */
    Optional<JsonObject> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every record held (tombstones included). */
    List<JsonObject> values() {
        return List.copyOf(byId.values());
    }

    /**
     * Changes one record on the database thread: {@code change} gets the current record ({@code null} when none) and
     * returns the new one, or {@code null} to change nothing. The new record is stored, then announced to
     * {@link #onLocalChange} listeners. Completes with the stored record, or {@code null} when nothing changed.
     */
    Future<JsonObject> change(String id, UnaryOperator<JsonObject> change) {
        return db.run(c -> {
            JsonObject current = byId.get(id);
            JsonObject next = change.apply(current == null ? null : current.copy());
            if (next == null) {
                return null;
            }
            write(c, next);
            for (Consumer<JsonObject> l : listeners) {
                try {
                    l.accept(next.copy());
                } catch (RuntimeException e) {
                    LOG.warning("status page " + kind + ": a change listener failed for " + id + ": " + e);
                }
            }
            return next;
        });
    }

    /** Calls {@code r} after every change, local or applied from another server. */
    void onAnyChange(Runnable r) {
        onAnyChange.add(r);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Future<List<JsonObject>> all() {
        return Future.succeededFuture(values().stream().map(JsonObject::copy).toList());
    }

    @Override
    public Future<Void> apply(JsonObject record) {
        String id = record.getValue("id") instanceof String s ? s : null;
        if (id == null || !(record.getValue("version") instanceof Number)) {
            return Future.failedFuture(new IllegalArgumentException("not a " + kind + " record: id and version are required"));
        }
        return db.run(c -> {
            if (SharedRecords.newer(record, byId.get(id))) {
                write(c, record.copy());
            }
            return null;
        });
    }

    @Override
    public void onLocalChange(Consumer<JsonObject> listener) {
        listeners.add(listener);
    }

    private void write(Connection c, JsonObject record) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, version, body) VALUES (?, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET version = excluded.version, body = excluded.body")) {
            ps.setString(1, record.getString("id"));
            ps.setLong(2, record.getLong("version"));
            ps.setString(3, record.encode());
            ps.executeUpdate();
        }
        byId.put(record.getString("id"), record);
        onAnyChange.forEach(Runnable::run);
    }
}
