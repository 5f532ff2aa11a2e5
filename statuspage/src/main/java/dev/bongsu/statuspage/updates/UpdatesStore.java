package dev.bongsu.statuspage.updates;

import dev.bongsu.model.LocalizedText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Human incident updates, kept durably in SQLite ({@code updates.db}) and in memory for readers; every database
 * call runs on one dedicated worker thread, never on an event loop.
 */
public final class UpdatesStore {
    private static final Logger LOG = Logger.getLogger(UpdatesStore.class.getName());

    private final Vertx vertx;
    private final Path file;
    private final Map<String, List<IncidentUpdate>> byIncident = new ConcurrentHashMap<>();
    private WorkerExecutor worker;
    private Connection connection;

    /** A store in this SQLite file (created with its directory when missing); call {@link #open()} first. */
    public UpdatesStore(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    /** Opens the database, creates the table when missing and loads every update into memory. */
    public Future<Void> open() {
        worker = vertx.createSharedWorkerExecutor("bongsu-statuspage-updates", 1);
        return worker.executeBlocking(() -> {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "incident_id TEXT NOT NULL, status TEXT NOT NULL, text_ko TEXT NOT NULL, text_en TEXT NOT NULL, "
                        + "at_ms INTEGER NOT NULL)");
                st.execute("CREATE INDEX IF NOT EXISTS updates_incident ON updates(incident_id)");
            }
            int n = 0;
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, incident_id, status, text_ko, text_en, at_ms FROM updates ORDER BY id")) {
                while (rs.next()) {
                    UpdateStatus status = UpdateStatus.parse(rs.getString(3)).orElse(UpdateStatus.INVESTIGATING);
                    remember(new IncidentUpdate(rs.getLong(1), rs.getString(2), status,
                            new LocalizedText(rs.getString(4), rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6))));
                    n++;
                }
            }
            LOG.info("status page updates store " + file + " opened with " + n + " updates");
            return null;
        });
    }

    /** Stores an update durably, then makes it visible to readers. */
    public Future<IncidentUpdate> add(String incidentId, UpdateStatus status, LocalizedText text, Instant at) {
        return worker.executeBlocking(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO updates (incident_id, status, text_ko, text_en, at_ms) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, incidentId);
                ps.setString(2, status.wireName());
                ps.setString(3, text.ko());
                ps.setString(4, text.en());
                ps.setLong(5, at.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    IncidentUpdate u = new IncidentUpdate(keys.getLong(1), incidentId, status, text, at);
                    remember(u);
                    return u;
                }
            }
        });
    }

    /** The updates of one incident, oldest first. */
    public List<IncidentUpdate> updatesFor(String incidentId) {
        return byIncident.getOrDefault(incidentId, List.of());
    }

    /** Every update, by incident, each list oldest first. */
    public Map<String, List<IncidentUpdate>> all() {
        return Map.copyOf(byIncident);
    }

    /** Closes the database. */
    public Future<Void> close() {
        if (worker == null) {
            return Future.succeededFuture();
        }
        return worker.executeBlocking(() -> {
            if (connection != null) {
                connection.close();
            }
            return null;
        }).<Void>mapEmpty().onComplete(x -> worker.close());
    }

    private void remember(IncidentUpdate u) {
        byIncident.compute(u.incidentId(), (k, old) -> {
            List<IncidentUpdate> list = new ArrayList<>(old == null ? List.of() : old);
            list.add(u);
            list.sort(Comparator.comparing(IncidentUpdate::at).thenComparing(IncidentUpdate::id));
            return List.copyOf(list);
        });
    }

}
