package dev.bongsu.alerting.ack;

import dev.bongsu.model.AckReader;
import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.replica.SharedRecords;
import dev.bongsu.model.store.SqliteDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * acks.db (SQLite): the acknowledgements, kept in memory for {@link AckReader} and on disk so none is lost on a
 * restart, and the generated link key when {@code alerting.ack.secret} is not set. The first acknowledgement of an
 * incident wins; later ones return it. As {@link SharedRecords} of kind {@value #KIND} acknowledgements are
 * replicated between the servers of a cluster (if two servers record one at the same moment, every server settles
 * on the same one).
 */
public final class AckStore implements AckReader, SharedRecords {
    /** The kind of replicated record. */
    public static final String KIND = "acks";
    private static final Logger LOG = Logger.getLogger(AckStore.class.getName());

    /** The outcome of acknowledging: the acknowledgement in force, and whether this call made it. */
    public record Outcome(Acknowledgement acknowledgement, boolean created) {
    }

    private final SqliteDatabase db;
    private final String configuredSecret;
    private final Map<String, Acknowledgement> byIncident = new ConcurrentHashMap<>();
    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private volatile byte[] key;

    /**
     * A store at {@code file}; nothing is opened until {@link #open()}.
     *
     * @param secret the configured link secret, or {@code null} to generate a key once and keep it in the file
     */
    public AckStore(Vertx vertx, Path file, String secret) {
        this.db = new SqliteDatabase(vertx, "acks", file);
        this.configuredSecret = secret;
    }

    /** Opens the file, loads every acknowledgement and the link key (generating and storing one the first time). */
    public Future<Void> open() {
        return db.open(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS acks (incident_id TEXT PRIMARY KEY, by_whom TEXT NOT NULL,"
                        + " at INTEGER NOT NULL, via TEXT NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS ack_key (id INTEGER PRIMARY KEY CHECK (id = 1), key TEXT NOT NULL)");
            }
            return null;
        }).compose(v -> db.run(c -> {
            loadAll(c);
            key = configuredSecret != null ? configuredSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8) : storedKey(c);
            return null;
        }));
    }

    /** Closes the database. */
    public Future<Void> close() {
        return db.close();
    }

    /** Whether {@link #open()} completed (the link key is known). */
    public boolean isOpen() {
        return key != null;
    }

    /** The key that signs links (after {@link #open()}). */
    public byte[] linkKey() {
        byte[] k = key;
        if (k == null) {
            throw new IllegalStateException("acks.db is not open");
        }
        return k.clone();
    }

    @Override
    public Optional<Acknowledgement> acknowledgement(String incidentId) {
        return Optional.ofNullable(byIncident.get(incidentId));
    }

    /** Every acknowledgement, newest first. */
    public List<Acknowledgement> list() {
        List<Acknowledgement> out = new ArrayList<>(byIncident.values());
        out.sort(Comparator.comparing(Acknowledgement::at).reversed().thenComparing(Acknowledgement::incidentId));
        return out;
    }

    /** Records an acknowledgement unless the incident has one already; completes once it is on disk. */
    public Future<Outcome> acknowledge(Acknowledgement ack) {
        return db.run(c -> {
            Acknowledgement existing = byIncident.get(ack.incidentId());
            if (existing != null) {
                return new Outcome(existing, false);
            }
            save(c, ack);
            byIncident.put(ack.incidentId(), ack);
            return new Outcome(ack, true);
        }).onSuccess(o -> {
            if (o.created()) {
                JsonObject record = toJson(o.acknowledgement());
                listeners.forEach(l -> l.accept(record));
            }
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Future<List<JsonObject>> all() {
        return Future.succeededFuture(byIncident.values().stream().map(AckStore::toJson).toList());
    }

    @Override
    public Future<Void> apply(JsonObject record) {
        Acknowledgement incoming;
        try {
            incoming = fromJson(record);
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException("not an acknowledgement record: " + e.getMessage()));
        }
        return db.run(c -> {
            Acknowledgement current = byIncident.get(incoming.incidentId());
            if (SharedRecords.newer(toJson(incoming), current == null ? null : toJson(current))) {
                save(c, incoming);
                byIncident.put(incoming.incidentId(), incoming);
                LOG.info("incident " + incoming.incidentId() + " acknowledged by " + incoming.by() + " (from another server)");
            }
            return null;
        });
    }

    @Override
    public void onLocalChange(Consumer<JsonObject> listener) {
        listeners.add(listener);
    }

    /** An acknowledgement as a replicated record and in the admin API. */
    public static JsonObject toJson(Acknowledgement a) {
        return new JsonObject().put("id", a.incidentId()).put("version", 1).put("incidentId", a.incidentId()).put("by", a.by())
                .put("at", a.at().toString()).put("via", a.via());
    }

    private static Acknowledgement fromJson(JsonObject o) {
        return new Acknowledgement(o.getString("incidentId"), o.getString("by"), Instant.parse(o.getString("at")), o.getString("via"));
    }

    private void loadAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT incident_id, by_whom, at, via FROM acks")) {
            while (rs.next()) {
                byIncident.put(rs.getString(1), new Acknowledgement(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4)));
            }
        }
    }

    private static void save(Connection c, Acknowledgement a) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO acks (incident_id, by_whom, at, via) VALUES (?,?,?,?)")) {
            p.setString(1, a.incidentId());
            p.setString(2, a.by());
            p.setLong(3, a.at().toEpochMilli());
            p.setString(4, a.via());
            p.executeUpdate();
        }
    }

    private static byte[] storedKey(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key FROM ack_key WHERE id = 1")) {
            if (rs.next()) {
                return Base64.getDecoder().decode(rs.getString(1));
            }
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ack_key (id, key) VALUES (1, ?)")) {
            p.setString(1, Base64.getEncoder().encodeToString(fresh));
            p.executeUpdate();
        }
        LOG.info("acknowledgement links: generated a signing key in acks.db (set alerting.ack.secret to share one across servers)");
        return fresh;
    }
}
