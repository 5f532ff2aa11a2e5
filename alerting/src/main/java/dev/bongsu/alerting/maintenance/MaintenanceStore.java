package dev.bongsu.alerting.maintenance;

import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.maintenance.MaintenanceReader;
import dev.bongsu.model.replica.SharedRecords;
import dev.bongsu.model.store.SqliteDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Every scheduled maintenance: the YAML windows (fixed, the same on every server) and those made through the admin
 * API, kept durably in maintenance.db and in memory for routing and the page; safe to read from any thread. The API
 * ones are {@link SharedRecords} of kind {@value #KIND}, replicated between the servers of a cluster. Every change is
 * written on the database's one thread before it is visible.
 */
public final class MaintenanceStore implements MaintenanceReader, SharedRecords {
    /** The kind of shared record. */
    public static final String KIND = "maintenance";
    private static final Logger LOG = Logger.getLogger(MaintenanceStore.class.getName());
    private static final Comparator<MaintenanceWindow> ORDER = Comparator
            .comparing((MaintenanceWindow w) -> w.createdAt() == null ? java.time.Instant.EPOCH : w.createdAt())
            .thenComparing(MaintenanceWindow::id);

    private final SqliteDatabase db;
    private volatile List<MaintenanceWindow> configured;
    private final List<Consumer<JsonObject>> shareListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile List<MaintenanceWindow> made = List.of();
    private volatile List<MaintenanceWindow> all;

    /** A store in {@code file} besides the configured windows; call {@link #open()} first. */
    public MaintenanceStore(Vertx vertx, Path file, List<MaintenanceWindow> configured) {
        this.db = new SqliteDatabase(vertx, "maintenance", file);
        this.configured = List.copyOf(configured);
        this.all = this.configured;
    }

    /** Opens the database, creates the table when missing and loads what it holds. */
    public Future<Void> open() {
        return db.open(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS maintenance (id TEXT PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL)");
            }
            return null;
        }).compose(v -> db.run(MaintenanceStore::load)).map(list -> {
            made = list;
            reindex();
            LOG.info("maintenance store " + db.file() + " opened with " + list.size() + " maintenance(s) made through the API, "
                    + configured.size() + " configured");
            return null;
        });
    }

    /** Closes the database. */
    public Future<Void> close() {
        return db.close();
    }

    @Override
    public List<MaintenanceWindow> maintenances() {
        return all;
    }

    @Override
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** A window by id, YAML or API. */
    public Optional<MaintenanceWindow> find(String id) {
        return all.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /**
     * Replaces the windows of the configuration file with those of a reloaded one; windows made through the admin API
     * are kept. Listeners (the status page) are told.
     */
    public void replaceConfigured(List<MaintenanceWindow> next) {
        synchronized (this) {
            configured = List.copyOf(next);
            reindex();
        }
        changed();
    }

    /** Whether the window comes from the configuration file (and cannot be changed through the API). */
    public boolean configured(String id) {
        return configured.stream().anyMatch(w -> w.id().equals(id));
    }

    /** Stores a new or changed API window (its version already set), then makes it visible and tells listeners. */
    public Future<MaintenanceWindow> save(MaintenanceWindow w) {
        return db.run(c -> {
            write(c, w);
            replace(w);
            return w;
        }).onSuccess(saved -> {
            JsonObject record = MaintenanceRecords.toJson(saved);
            shareListeners.forEach(l -> l.accept(record.copy()));
            changed();
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Future<List<JsonObject>> all() {
        return Future.succeededFuture(made.stream().map(MaintenanceRecords::toJson).toList());
    }

    @Override
    public Future<Void> apply(JsonObject record) {
        MaintenanceWindow incoming;
        try {
            incoming = MaintenanceRecords.fromJson(record);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return db.run(c -> {
            JsonObject current = made.stream().filter(w -> w.id().equals(incoming.id())).findFirst()
                    .map(MaintenanceRecords::toJson).orElse(null);
            boolean applied = SharedRecords.newer(MaintenanceRecords.toJson(incoming), current);
            if (applied) {
                write(c, incoming);
                replace(incoming);
                LOG.info("maintenance " + incoming.id() + " version " + incoming.version() + " applied from another server");
            }
            return applied;
        }).map(applied -> {
            if (applied) {
                changed();
            }
            return null;
        });
    }

    @Override
    public void onLocalChange(Consumer<JsonObject> listener) {
        shareListeners.add(listener);
    }

    private void changed() {
        for (Runnable r : changeListeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warning("maintenance: a change listener failed: " + e);
            }
        }
    }

    private synchronized void replace(MaintenanceWindow w) {
        List<MaintenanceWindow> next = new ArrayList<>(made);
        next.removeIf(x -> x.id().equals(w.id()));
        next.add(w);
        next.sort(ORDER);
        made = List.copyOf(next);
        reindex();
    }

    private void reindex() {
        List<MaintenanceWindow> both = new ArrayList<>(configured);
        both.addAll(made);
        all = List.copyOf(both);
    }

    private static void write(Connection c, MaintenanceWindow w) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO maintenance (id, version, record) VALUES (?,?,?)")) {
            p.setString(1, w.id());
            p.setLong(2, w.version());
            p.setString(3, MaintenanceRecords.toJson(w).encode());
            p.executeUpdate();
        }
    }

    private static List<MaintenanceWindow> load(Connection c) throws SQLException {
        List<MaintenanceWindow> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, record FROM maintenance")) {
            while (rs.next()) {
                try {
                    out.add(MaintenanceRecords.fromJson(new JsonObject(rs.getString(2))));
                } catch (RuntimeException e) {
                    // kept in the file for the operator, left out of routing and the page
                    LOG.warning("maintenance " + rs.getString(1) + " in the store cannot be read, left out: " + e.getMessage());
                }
            }
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }
}
