package dev.bongsu.statuspage.updates;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.replica.SharedRecords;
import dev.bongsu.model.store.SchemaVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Human incident updates, kept durably in SQLite ({@code updates.db}) and in memory for readers; every database
 * call runs on one dedicated worker thread, never on an event loop. Updates are shared records (kind
 * {@code updates}): text ids unique across servers, a version per change, deletes kept as tombstones that readers
 * never see.
 */
public final class UpdatesStore implements SharedRecords {
    private static final Logger LOG = Logger.getLogger(UpdatesStore.class.getName());
    /** The version of {@link UpdatesSchema}'s tables ({@link SchemaVersion}): raise it, and migrate, when they change. */
    static final int SCHEMA_VERSION = 1;

    private final Vertx vertx;
    private final Path file;
    private final UpdateIds ids = new UpdateIds();
    private final Map<String, IncidentUpdate> byId = new ConcurrentHashMap<>();
    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, List<IncidentUpdate>> byIncident = Map.of();
    private WorkerExecutor worker;
    private Connection connection;
    private volatile boolean closed;

    /** A store in this SQLite file (created with its directory when missing); call {@link #open()} first. */
    public UpdatesStore(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    /** Opens the database, creates or migrates the table and loads every update into memory. */
    public Future<Void> open() {
        worker = vertx.createSharedWorkerExecutor("bongsu-statuspage-updates", 1);
        return run(() -> {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            int version = SchemaVersion.check(connection, file, SCHEMA_VERSION);
            UpdatesSchema.prepare(connection, ids.migrationPrefix());
            if (version != SCHEMA_VERSION) {
                SchemaVersion.record(connection, SCHEMA_VERSION);
            }
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, incident_id, status, text_ko, text_en, at_ms, edited_ms, version, deleted "
                         + "FROM update_records")) {
                while (rs.next()) {
                    UpdateStatus status = UpdateStatus.parse(rs.getString(3)).orElse(UpdateStatus.INVESTIGATING);
                    long edited = rs.getLong(7);
                    Instant editedAt = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
                    IncidentUpdate u = new IncidentUpdate(rs.getString(1), rs.getString(2), status,
                            new LocalizedText(rs.getString(4), rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)), editedAt,
                            rs.getLong(8), rs.getInt(9) != 0);
                    byId.put(u.id(), u);
                }
            }
            reindex();
            LOG.info("status page updates store " + file + " opened with " + byId.size() + " updates");
            return null;
        });
    }

    /** Stores a new update durably, then makes it visible to readers. */
    public Future<IncidentUpdate> add(String incidentId, UpdateStatus status, LocalizedText text, Instant at) {
        return run(() -> saveLocal(new IncidentUpdate(ids.next(at), incidentId, status, text, at, null, 1, false)));
    }

    /** Replaces the status and text of an update of this incident; empty when there is no such update (or it is deleted). */
    public Future<Optional<IncidentUpdate>> edit(String incidentId, String updateId, UpdateStatus status, LocalizedText text, Instant at) {
        return run(() -> {
            Optional<IncidentUpdate> u = live(incidentId, updateId);
            return u.isEmpty() ? u : Optional.of(saveLocal(u.get().edited(status, text, at)));
        });
    }

    /** Deletes an update of this incident (a tombstone is kept); empty when there is no such update. */
    public Future<Optional<IncidentUpdate>> delete(String incidentId, String updateId, Instant at) {
        return run(() -> {
            Optional<IncidentUpdate> u = live(incidentId, updateId);
            return u.isEmpty() ? u : Optional.of(saveLocal(u.get().removed(at)));
        });
    }

    /** An update that is not deleted, by id. */
    public Optional<IncidentUpdate> find(String updateId) {
        return Optional.ofNullable(byId.get(updateId)).filter(u -> !u.deleted());
    }

    /** The updates of one incident that are not deleted, oldest first. */
    public List<IncidentUpdate> updatesFor(String incidentId) {
        return byIncident.getOrDefault(incidentId, List.of());
    }

    /** Every update that is not deleted, by incident, each list oldest first. */
    public Map<String, List<IncidentUpdate>> byIncident() {
        return byIncident;
    }

    @Override
    public String kind() {
        return "updates";
    }

    @Override
    public Future<List<JsonObject>> all() {
        return run(() -> byId.values().stream().map(UpdateRecords::toJson).toList());
    }

    @Override
    public Future<Void> apply(JsonObject record) {
        IncidentUpdate incoming;
        try {
            incoming = UpdateRecords.fromJson(record);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return run(() -> {
            IncidentUpdate current = byId.get(incoming.id());
            if (SharedRecords.newer(UpdateRecords.toJson(incoming), current == null ? null : UpdateRecords.toJson(current))) {
                write(incoming);
            }
            return null;
        });
    }

    @Override
    public void onLocalChange(Consumer<JsonObject> listener) {
        listeners.add(listener);
    }

    /** Closes the database; closing twice does nothing. */
    public Future<Void> close() {
        if (worker == null || closed) {
            return Future.succeededFuture();
        }
        closed = true;
        return worker.executeBlocking(() -> {
            if (connection != null) {
                connection.close();
            }
            return null;
        }).<Void>mapEmpty().onComplete(x -> worker.close());
    }

    /** Runs on the store's worker thread; a closed store fails the future instead of throwing. */
    private <T> Future<T> run(java.util.concurrent.Callable<T> task) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("the updates store " + file + " is closed"));
        }
        return worker.executeBlocking(task);
    }

    private Optional<IncidentUpdate> live(String incidentId, String updateId) {
        return Optional.ofNullable(byId.get(updateId)).filter(u -> !u.deleted() && u.incidentId().equals(incidentId));
    }

    private IncidentUpdate saveLocal(IncidentUpdate u) throws Exception {
        write(u);
        JsonObject record = UpdateRecords.toJson(u);
        for (Consumer<JsonObject> l : listeners) {
            try {
                l.accept(record.copy());
            } catch (RuntimeException e) {
                LOG.warning("status page updates: a change listener failed for update " + u.id() + ": " + e);
            }
        }
        return u;
    }

    /** Writes durably, then makes the change visible to readers. Runs on the worker thread. */
    private void write(IncidentUpdate u) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO update_records (id, incident_id, status, text_ko, "
                + "text_en, at_ms, edited_ms, version, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                + "incident_id = excluded.incident_id, status = excluded.status, text_ko = excluded.text_ko, "
                + "text_en = excluded.text_en, at_ms = excluded.at_ms, edited_ms = excluded.edited_ms, "
                + "version = excluded.version, deleted = excluded.deleted")) {
            ps.setString(1, u.id());
            ps.setString(2, u.incidentId());
            ps.setString(3, u.status().wireName());
            ps.setString(4, u.text().ko());
            ps.setString(5, u.text().en());
            ps.setLong(6, u.at().toEpochMilli());
            if (u.editedAt() == null) {
                ps.setNull(7, java.sql.Types.INTEGER);
            } else {
                ps.setLong(7, u.editedAt().toEpochMilli());
            }
            ps.setLong(8, u.version());
            ps.setInt(9, u.deleted() ? 1 : 0);
            ps.executeUpdate();
        }
        byId.put(u.id(), u);
        reindex();
    }

    private void reindex() {
        Map<String, List<IncidentUpdate>> out = new HashMap<>();
        for (IncidentUpdate u : byId.values()) {
            if (!u.deleted()) {
                out.computeIfAbsent(u.incidentId(), k -> new ArrayList<>()).add(u);
            }
        }
        out.replaceAll((k, list) -> {
            list.sort(Comparator.comparing(IncidentUpdate::at).thenComparing(IncidentUpdate::id));
            return List.copyOf(list);
        });
        byIncident = Map.copyOf(out);
    }
}
