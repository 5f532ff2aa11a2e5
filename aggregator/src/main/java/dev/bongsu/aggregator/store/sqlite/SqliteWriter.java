package dev.bongsu.aggregator.store.sqlite;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.aggregator.store.StoreSaturatedException;
import dev.bongsu.model.Rollup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that writes {@code results.db}. Callers enqueue without blocking; the thread takes queued writes
 * together, up to {@code maxRowsPerTransaction} rows, into one transaction. Rows accepted but not yet committed
 * are bounded by {@code maxQueuedRows}: beyond it a write is refused at once with a failed future and counted
 * as dropped. Futures complete on the context of the caller.
 */
final class SqliteWriter {
    private static final Logger LOG = Logger.getLogger(SqliteWriter.class.getName());

    private final Connection conn;
    private final Path file;
    private final long maxQueuedRows;
    private final int maxRowsPerTransaction;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Map<SeriesKey, Long> seriesIds = new HashMap<>();
    private final Thread thread;

    private final AtomicLong queuedRows = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong pruned = new AtomicLong();
    private final AtomicLong fileBytes = new AtomicLong();
    private volatile double lastWriteMs;
    private final AtomicBoolean full = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean failing;

    SqliteWriter(Connection conn, Path file, long maxQueuedRows, int maxRowsPerTransaction) throws SQLException {
        this.conn = conn;
        this.file = file;
        this.maxQueuedRows = maxQueuedRows;
        this.maxRowsPerTransaction = maxRowsPerTransaction;
        loadSeries();
        updateFileBytes();
        this.thread = new Thread(this::run, "bongsu-sqlite-writer");
        // Daemon so a forgotten close() cannot keep the JVM alive; close() drains the queue before it returns.
        thread.setDaemon(true);
        thread.start();
    }

    Future<Void> writeResults(Context ctx, List<ProbeResult> results) {
        return submit(new Task(ctx, TaskKind.RESULTS, results, List.of(), null));
    }

    Future<Void> writeRollups(Context ctx, List<Rollup> rollups) {
        return submit(new Task(ctx, TaskKind.ROLLUPS, List.of(), rollups, null));
    }

    /** Prunes by the given cutoffs; not bounded by the queue limit, the caller runs at most one at a time. */
    Future<Long> prune(Context ctx, long rawCutoff, long rollupCutoff) {
        Task task = new Task(ctx, TaskKind.PRUNE, List.of(), List.of(), new PruneJob(rawCutoff, rollupCutoff));
        return enqueue(task).map(v -> task.pruneJob.deleted());
    }

    /** Writes everything queued, then closes the connection and ends the thread. */
    Future<Void> close(Context ctx) {
        if (!closed.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        Task task = new Task(ctx, TaskKind.CLOSE, List.of(), List.of(), null);
        queue.add(task);
        return task.promise.future();
    }

    long queuedRows() {
        return queuedRows.get();
    }

    long written() {
        return written.get();
    }

    long writeFailures() {
        return writeFailures.get();
    }

    long dropped() {
        return dropped.get();
    }

    long pruned() {
        return pruned.get();
    }

    long fileBytes() {
        return fileBytes.get();
    }

    double lastWriteMs() {
        return lastWriteMs;
    }

    /** Whether the last write failed (until one succeeds again). */
    boolean failing() {
        return failing;
    }

    private Future<Void> submit(Task task) {
        if (task.rows == 0) {
            return Future.succeededFuture();
        }
        if (queuedRows.addAndGet(task.rows) > maxQueuedRows) {
            queuedRows.addAndGet(-task.rows);
            dropped.addAndGet(task.rows);
            if (full.compareAndSet(false, true)) {
                LOG.warning(file + ": write queue full (" + maxQueuedRows + " rows waiting), refusing writes until it drains");
            }
            return Future.failedFuture(new StoreSaturatedException(file + ": write queue full, " + task.rows
                    + " rows refused (limit " + maxQueuedRows + " rows waiting)"));
        }
        if (full.get() && queuedRows.get() <= maxQueuedRows / 2 && full.compareAndSet(true, false)) {
            LOG.info(file + ": write queue drained, accepting writes again (" + dropped.get() + " rows refused in total)");
        }
        return enqueue(task);
    }

    private Future<Void> enqueue(Task task) {
        if (closed.get()) {
            queuedRows.addAndGet(-task.rows);
            return Future.failedFuture(new IllegalStateException(file + ": store is closed"));
        }
        queue.add(task);
        return task.promise.future();
    }

    private void run() {
        while (true) {
            Task first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            switch (first.kind) {
                case CLOSE -> {
                    closeConnection(first);
                    return;
                }
                case PRUNE -> runPruneStep(first);
                default -> runWrites(first);
            }
        }
    }

    private void runWrites(Task first) {
        List<Task> group = new ArrayList<>();
        group.add(first);
        int rows = first.rows;
        for (Task next = queue.peek(); next != null && isWrite(next) && rows + next.rows <= maxRowsPerTransaction; next = queue.peek()) {
            group.add(queue.poll());
            rows += next.rows;
        }
        long start = System.nanoTime();
        Map<SeriesKey, Long> newSeries = new HashMap<>();
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement insertResult = conn.prepareStatement("INSERT OR IGNORE INTO result (series_id, t, ok, error,"
                    + " status, dns_us, connect_us, tls_us, first_byte_us, total_us, cert_days, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
                 RollupWriter rollups = new RollupWriter(conn)) {
                for (Task t : group) {
                    if (t.kind == TaskKind.RESULTS) {
                        for (ProbeResult r : t.results) {
                            bindResult(insertResult, seriesId(r.checkId(), r.serviceId(), r.vantage(), newSeries), r);
                            insertResult.addBatch();
                        }
                        insertResult.executeBatch();
                    } else {
                        for (Rollup r : t.rollups) {
                            rollups.write(seriesId(r.checkId(), r.serviceId(), r.vantage(), newSeries), r);
                        }
                    }
                }
                rollups.flushHours();
            }
            conn.commit();
            seriesIds.putAll(newSeries);
            lastWriteMs = (System.nanoTime() - start) / 1e6;
            written.addAndGet(rows);
            if (failing) {
                failing = false;
                LOG.info(file + ": writes succeed again (" + writeFailures.get() + " rows failed in total)");
            }
            for (Task t : group) {
                queuedRows.addAndGet(-t.rows);
                t.complete(null);
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            writeFailures.addAndGet(rows);
            if (!failing) {
                failing = true;
                LOG.warning(StorageFailures.describe(file, e) + ": " + rows + " rows not stored; later writes are tried as they come");
            }
            for (Task t : group) {
                queuedRows.addAndGet(-t.rows);
                t.fail(new SQLException(file + ": write failed: " + e.getMessage(), e));
            }
        } finally {
            autoCommit();
        }
    }

    private void runPruneStep(Task task) {
        try {
            conn.setAutoCommit(false);
            long before = task.pruneJob.deleted();
            boolean done = task.pruneJob.step(conn, seriesIds.values());
            conn.commit();
            pruned.addAndGet(task.pruneJob.deleted() - before);
            if (done) {
                updateFileBytes();
                task.complete(null);
            } else {
                queue.add(task); // behind the writes that arrived meanwhile
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            LOG.warning(file + ": pruning old rows failed: " + e.getMessage());
            task.fail(new SQLException(file + ": pruning failed: " + e.getMessage(), e));
        } finally {
            autoCommit();
        }
    }

    private void closeConnection(Task task) {
        try {
            conn.close();
            task.complete(null);
        } catch (SQLException e) {
            task.fail(new SQLException(file + ": closing failed: " + e.getMessage(), e));
        }
        // Anything enqueued concurrently with close() is failed rather than left hanging.
        for (Task t = queue.poll(); t != null; t = queue.poll()) {
            queuedRows.addAndGet(-t.rows);
            t.fail(new IllegalStateException(file + ": store is closed"));
        }
    }

    private static boolean isWrite(Task t) {
        return t.kind == TaskKind.RESULTS || t.kind == TaskKind.ROLLUPS;
    }

    private void bindResult(PreparedStatement s, long seriesId, ProbeResult r) throws SQLException {
        s.setLong(1, seriesId);
        s.setLong(2, r.startedAt());
        s.setInt(3, r.ok() ? 1 : 0);
        setText(s, 4, r.error() == null ? null : r.error().wireName());
        s.setInt(5, r.statusCode());
        setMicros(s, 6, r.timings().dnsMs());
        setMicros(s, 7, r.timings().connectMs());
        setMicros(s, 8, r.timings().tlsMs());
        setMicros(s, 9, r.timings().firstByteMs());
        Long total = RowFormat.micros(r.timings().totalMs());
        s.setLong(10, total == null ? 0 : total);
        if (r.certDaysLeft() == null) {
            s.setNull(11, Types.REAL);
        } else {
            s.setDouble(11, r.certDaysLeft());
        }
        setText(s, 12, r.detail());
    }

    private static void setMicros(PreparedStatement s, int i, double ms) throws SQLException {
        Long us = RowFormat.micros(ms);
        if (us == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setLong(i, us);
        }
    }

    /** Binds a text, or SQL NULL for {@code null}. */
    static void setText(PreparedStatement s, int i, String text) throws SQLException {
        if (text == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, text);
        }
    }

    private long seriesId(String checkId, String serviceId, String vantage, Map<SeriesKey, Long> newSeries) throws SQLException {
        SeriesKey key = new SeriesKey(checkId, vantage);
        Long id = seriesIds.get(key);
        if (id == null) {
            id = newSeries.get(key);
        }
        if (id == null) {
            try (PreparedStatement s = conn.prepareStatement("INSERT INTO series (check_id, service_id, vantage) VALUES (?,?,?)")) {
                s.setString(1, checkId);
                s.setString(2, serviceId);
                s.setString(3, vantage);
                s.executeUpdate();
            }
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                id = rs.getLong(1);
            }
            newSeries.put(key, id);
        }
        return id;
    }

    private void loadSeries() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT id, check_id, vantage FROM series")) {
            while (rs.next()) {
                seriesIds.put(new SeriesKey(rs.getString(2), rs.getString(3)), rs.getLong(1));
            }
        }
    }

    private void updateFileBytes() {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) {
            if (rs.next()) {
                fileBytes.set(rs.getLong(1));
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "page count unavailable", e);
        }
    }

    private void rollbackQuietly() {
        try {
            conn.rollback();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "rollback after a failed write failed too", e);
        }
    }

    private void autoCommit() {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "could not restore auto-commit", e);
        }
    }

    private record SeriesKey(String checkId, String vantage) {
    }

    private enum TaskKind { RESULTS, ROLLUPS, PRUNE, CLOSE }

    /** One queued piece of work and the promise of its caller, completed on the caller's context. */
    private static final class Task {
        final Context ctx;
        final int rows;
        final TaskKind kind;
        final List<ProbeResult> results;
        final List<Rollup> rollups;
        final PruneJob pruneJob;
        final Promise<Void> promise = Promise.promise();

        Task(Context ctx, TaskKind kind, List<ProbeResult> results, List<Rollup> rollups, PruneJob pruneJob) {
            this.ctx = ctx;
            this.kind = kind;
            this.results = results;
            this.rollups = rollups;
            this.pruneJob = pruneJob;
            this.rows = results.size() + rollups.size();
        }

        void complete(Void v) {
            ctx.runOnContext(x -> promise.complete(v));
        }

        void fail(Throwable t) {
            ctx.runOnContext(x -> promise.fail(t));
        }
    }
}
