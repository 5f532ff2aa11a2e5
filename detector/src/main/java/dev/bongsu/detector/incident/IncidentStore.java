package dev.bongsu.detector.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.ModelJson;
import dev.bongsu.model.store.SchemaVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The incident store: every incident transition in the embedded SQLite database {@code incidents.db}, and the
 * latest state of every incident for readers. All JDBC runs on Vert.x worker threads, one statement at a time.
 */
public final class IncidentStore implements IncidentReader, AutoCloseable {
    /** The database file under {@code storage.dir}. */
    public static final String FILE = "incidents.db";
    /** The version of the tables below ({@link SchemaVersion}): raise it, and migrate, when they change. */
    static final int SCHEMA_VERSION = 1;

    private static final String UPSERT = """
            INSERT INTO incidents (id, sequence, kind, state, started_at, resolved_at, json) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, kind = excluded.kind, state = excluded.state,
              started_at = excluded.started_at, resolved_at = excluded.resolved_at, json = excluded.json
            WHERE excluded.sequence > incidents.sequence""";
    private static final String INSERT_TRANSITION =
            "INSERT OR IGNORE INTO transitions (id, sequence, type, at, json) VALUES (?, ?, ?, ?, ?)";

    private final Vertx vertx;
    private final Path file;
    private final Connection connection;
    private final ObjectMapper json = ModelJson.newMapper();

    private IncidentStore(Vertx vertx, Path file, Connection connection) {
        this.vertx = vertx;
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when missing) {@code incidents.db} in {@code dir}, on a worker thread. */
    public static Future<IncidentStore> open(Vertx vertx, Path dir) {
        return vertx.executeBlocking(() -> openBlocking(vertx, dir));
    }

    private static IncidentStore openBlocking(Vertx vertx, Path dir) throws IOException, SQLException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("PRAGMA busy_timeout=5000");
            int version = SchemaVersion.check(c, file, SCHEMA_VERSION);
            st.execute("""
                    CREATE TABLE IF NOT EXISTS incidents (
                      id TEXT PRIMARY KEY, sequence INTEGER NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL,
                      started_at INTEGER NOT NULL, resolved_at INTEGER, json TEXT NOT NULL)""");
            st.execute("CREATE INDEX IF NOT EXISTS incidents_state ON incidents (state, started_at)");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS transitions (
                      id TEXT NOT NULL, sequence INTEGER NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL,
                      json TEXT NOT NULL, PRIMARY KEY (id, sequence))""");
            if (version != SCHEMA_VERSION) {
                SchemaVersion.record(c, SCHEMA_VERSION);
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return new IncidentStore(vertx, file, c);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /**
     * Writes the transitions of one detector step in one database transaction; the future completes once they
     * are durable. A transition already stored (same id and sequence) is left as it is.
     */
    public Future<Void> write(List<IncidentTransition> transitions) {
        if (transitions.isEmpty()) {
            return Future.succeededFuture();
        }
        List<IncidentTransition> copy = List.copyOf(transitions);
        return vertx.executeBlocking(() -> {
            writeBlocking(copy);
            return null;
        });
    }

    private synchronized void writeBlocking(List<IncidentTransition> transitions) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement up = connection.prepareStatement(UPSERT);
             PreparedStatement tr = connection.prepareStatement(INSERT_TRANSITION)) {
            for (IncidentTransition t : transitions) {
                Incident i = t.incident();
                String body = toJson(i);
                up.setString(1, i.id());
                up.setInt(2, i.sequence());
                up.setString(3, i.kind().wireName());
                up.setString(4, i.state().wireName());
                up.setLong(5, i.startedAt().toEpochMilli());
                if (i.resolvedAt() == null) {
                    up.setNull(6, Types.INTEGER);
                } else {
                    up.setLong(6, i.resolvedAt().toEpochMilli());
                }
                up.setString(7, body);
                up.executeUpdate();
                tr.setString(1, i.id());
                tr.setInt(2, i.sequence());
                tr.setString(3, t.type().wireName());
                tr.setLong(4, i.updatedAt().toEpochMilli());
                tr.setString(5, body);
                tr.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public Future<List<Incident>> incidents(IncidentQuery query) {
        return vertx.executeBlocking(() -> incidentsBlocking(query));
    }

    private synchronized List<Incident> incidentsBlocking(IncidentQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT json FROM incidents WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.state() != null) {
            sql.append(" AND state = ?");
            args.add(q.state().wireName());
        }
        if (q.from() != null) {
            sql.append(" AND (resolved_at IS NULL OR resolved_at >= ?)");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            sql.append(" AND started_at < ?");
            args.add(q.to().toEpochMilli());
        }
        sql.append(" ORDER BY started_at DESC, id LIMIT ?");
        args.add(Math.max(0, q.limit()));
        List<Incident> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(fromJson(rs.getString(1)));
                }
            }
        }
        return out;
    }

    @Override
    public Future<Optional<Incident>> incident(String id) {
        return vertx.executeBlocking(() -> incidentBlocking(id));
    }

    private synchronized Optional<Incident> incidentBlocking(String id) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT json FROM incidents WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(fromJson(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** Every stored transition of one incident, oldest first (the incident as it stood after each). */
    public Future<List<Incident>> history(String id) {
        return vertx.executeBlocking(() -> historyBlocking(id));
    }

    private synchronized List<Incident> historyBlocking(String id) throws SQLException {
        List<Incident> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT json FROM transitions WHERE id = ? ORDER BY sequence")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(fromJson(rs.getString(1)));
                }
            }
        }
        return out;
    }

    private String toJson(Incident i) {
        try {
            return json.writeValueAsString(i);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Incident fromJson(String text) {
        try {
            return json.readValue(text, Incident.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable incident row in " + file, e);
        }
    }

    /** Closes the database. */
    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing " + file + ": " + e.getMessage(), e);
        }
    }
}
