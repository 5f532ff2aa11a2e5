package dev.bongsu.aggregator.store.sqlite;

import dev.bongsu.aggregator.store.StoreOpenException;
import dev.bongsu.aggregator.store.StoreStats;
import dev.bongsu.aggregator.store.TimeSeriesStore;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.config.StorageConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The embedded time-series store: {@code results.db} under {@code storage.dir}, SQLite in WAL mode.
 *
 * <p>Writes go to one dedicated writer thread behind a bounded queue ({@link SqliteStoreOptions#maxQueuedRows()}):
 * queued writes are committed together in one transaction, and a write that does not fit is refused at once with
 * a failed future ({@link dev.bongsu.aggregator.store.StoreSaturatedException}) and counted as dropped, so the
 * event loop never waits. Reads run on a small worker pool with their own connections, concurrently with the
 * writer. Every returned future completes on the Vert.x context of the caller. Raw results older than
 * {@code rawRetention} and rollups older than {@code rollupRetention} are deleted every
 * {@link SqliteStoreOptions#pruneInterval()} in small transactions between the writes.
 */
public final class SqliteTimeSeriesStore implements TimeSeriesStore {
    /** Name of the database file under {@code storage.dir}. */
    public static final String FILE_NAME = "results.db";

    private static final Logger LOG = Logger.getLogger(SqliteTimeSeriesStore.class.getName());
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private final Vertx vertx;
    private final Path file;
    private final StorageConfig config;
    private final Clock clock;
    private final SqliteWriter writer;
    private final SqliteReader reader;
    private final WorkerExecutor readPool;
    private final AtomicBoolean pruning = new AtomicBoolean();
    private long pruneTimer = -1;

    private SqliteTimeSeriesStore(Vertx vertx, Path file, StorageConfig config, Clock clock, SqliteWriter writer,
                                  SqliteReader reader, WorkerExecutor readPool) {
        this.vertx = vertx;
        this.file = file;
        this.config = config;
        this.clock = clock;
        this.writer = writer;
        this.reader = reader;
        this.readPool = readPool;
    }

    /** Opens (creating or migrating) {@code results.db} under {@code config.dir()} with the default options and the system clock. */
    public static Future<SqliteTimeSeriesStore> open(Vertx vertx, StorageConfig config) {
        return open(vertx, config, Clock.systemUTC(), SqliteStoreOptions.defaults());
    }

    /**
     * Opens (creating or migrating) {@code results.db} under {@code config.dir()}; {@code clock} decides what is past
     * retention. Fails with a {@link StoreOpenException} naming the file when it cannot be created, read or written.
     */
    public static Future<SqliteTimeSeriesStore> open(Vertx vertx, StorageConfig config, Clock clock, SqliteStoreOptions options) {
        Path file = config.dir().resolve(FILE_NAME).toAbsolutePath();
        return vertx.executeBlocking(() -> openBlocking(vertx, config, file, clock, options))
                .map(store -> {
                    store.pruneTimer = vertx.setPeriodic(options.pruneInterval().toMillis(), id -> store.pruneInBackground());
                    LOG.info("time series in " + file + " (SQLite, raw results kept " + config.rawRetention()
                            + ", rollups " + config.rollupRetention() + ")");
                    return store;
                });
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public Future<Void> writeResults(List<ProbeResult> results) {
        return writer.writeResults(vertx.getOrCreateContext(), results);
    }

    @Override
    public Future<Void> writeRollups(List<Rollup> rollups) {
        return writer.writeRollups(vertx.getOrCreateContext(), rollups);
    }

    @Override
    public Future<List<ProbeResult>> results(String checkId, Instant from, Instant to, int limit) {
        return readPool.executeBlocking(() -> reader.results(checkId, from.toEpochMilli(), to.toEpochMilli(), limit), false);
    }

    @Override
    public Future<List<Rollup>> serviceRollups(String serviceId, Instant from, Instant to) {
        return readPool.executeBlocking(() -> reader.serviceRollups(serviceId, from.toEpochMilli(), to.toEpochMilli()), false);
    }

    @Override
    public Future<List<ServiceBucket>> serviceHistory(String serviceId, Instant from, Instant to, Duration step) {
        if (step.toMillis() < 1) {
            return Future.failedFuture(new IllegalArgumentException("step must be at least 1 ms, found " + step));
        }
        return readPool.executeBlocking(
                () -> reader.serviceHistory(serviceId, from.toEpochMilli(), to.toEpochMilli(), step.toMillis()), false);
    }

    /** Deletes now what is past retention, in small transactions between writes; returns the rows deleted. */
    public Future<Long> prune() {
        long now = clock.millis();
        return writer.prune(vertx.getOrCreateContext(),
                now - config.rawRetention().toMillis(), now - config.rollupRetention().toMillis());
    }

    @Override
    public StoreStats stats() {
        return new StoreStats("sqlite", writer.queuedRows(), writer.written(), writer.writeFailures(), writer.dropped(),
                writer.lastWriteMs(), Map.of("prunedRows", writer.pruned(), "fileBytes", writer.fileBytes(), "up", writer.failing() ? 0L : 1L));
    }

    /** Writes everything already queued, then closes the file; later writes fail. */
    @Override
    public Future<Void> close() {
        vertx.cancelTimer(pruneTimer);
        return writer.close(vertx.getOrCreateContext())
                .eventually(() -> vertx.executeBlocking(() -> {
                    reader.close();
                    return null;
                }))
                .eventually(readPool::close)
                .mapEmpty();
    }

    private void pruneInBackground() {
        if (pruning.compareAndSet(false, true)) {
            prune().onComplete(ar -> pruning.set(false));
        }
    }

    private static SqliteTimeSeriesStore openBlocking(Vertx vertx, StorageConfig config, Path file, Clock clock,
                                                      SqliteStoreOptions options) {
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreOpenException("cannot create the storage directory " + dir + " for " + file + ": "
                    + describe(e) + " (storage.dir)", e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreOpenException("cannot write " + file + ": the storage directory " + dir
                    + " is not writable (storage.dir)", null);
        }
        if (Files.exists(file) && (!Files.isRegularFile(file) || !Files.isWritable(file))) {
            throw new StoreOpenException("cannot write " + file + ": it is not a writable regular file", null);
        }
        List<Connection> opened = new ArrayList<>();
        try {
            Connection w = connect(file, opened);
            try (Statement s = w.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new SQLException("the file system refused write-ahead logging (journal mode "
                                + (rs.isClosed() ? "unknown" : rs.getString(1)) + ")");
                    }
                }
                s.execute("PRAGMA synchronous = NORMAL");
            }
            SqliteSchema.ensure(w, file);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < options.readThreads(); i++) {
                Connection r = connect(file, opened);
                try (Statement s = r.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                }
                readers.add(r);
            }
            SqliteWriter writer = new SqliteWriter(w, file, options.maxQueuedRows(), options.maxRowsPerTransaction());
            WorkerExecutor readPool = vertx.createSharedWorkerExecutor("bongsu-sqlite-read-" + file, options.readThreads());
            return new SqliteTimeSeriesStore(vertx, file, config, clock, writer, new SqliteReader(file, readers), readPool);
        } catch (SQLException e) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Already failing; the first error is the one worth reporting.
                }
            }
            throw new StoreOpenException("cannot open " + file + ": " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("not a database")
                    ? "; the file is damaged or not a Bongsu results database: move it aside and Bongsu starts an empty one" : ""), e);
        }
    }

    private static Connection connect(Path file, List<Connection> opened) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        opened.add(c);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        }
        return c;
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
