package dev.bongsu.aggregator.store.influx;

import dev.bongsu.aggregator.store.StoreStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dedicated writer thread: takes batches from the memory buffer (by size or age), writes them, and while
 * InfluxDB is down or slow keeps the backlog in order — oldest on disk, newest in memory — retrying with
 * exponential backoff; when InfluxDB answers again it writes the disk spool first, then memory. One log line per
 * state change.
 */
final class InfluxWriter implements Runnable {
    private static final Logger LOG = Logger.getLogger(InfluxTimeSeriesStore.class.getName());
    private static final int SPILL_CHUNK = 50_000;
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** What the writer is doing. */
    enum State {
        UP, DOWN, REPLAYING;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final PointSink sink;
    private final MemoryBuffer buffer;
    private final Path spoolDir;
    private final InfluxTuning tuning;
    private final int batchSize;
    private final long flushNanos;
    private final int spillThreshold;
    private final String target;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final WriteLatency latency = new WriteLatency();

    private volatile State state = State.UP;
    private volatile int pendingSize;
    private volatile long spoolPoints;
    private volatile long spoolBytes;
    private volatile int spoolSegments;
    private volatile boolean dropping;

    private DiskSpool spool;
    private List<BufferedPoint> pending = List.of();
    private boolean schemaReady;
    private int consecutiveFailures;
    private boolean spilling;
    private long replayStartNanos;
    private long replayBacklog;

    InfluxWriter(PointSink sink, MemoryBuffer buffer, Path spoolDir, int batchSize, Duration flushInterval,
                 int memoryBufferPoints, InfluxTuning tuning, String target) {
        this.sink = sink;
        this.buffer = buffer;
        this.spoolDir = spoolDir;
        this.tuning = tuning;
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
        this.spillThreshold = memoryBufferPoints;
        this.target = target;
    }

    @Override
    public void run() {
        try {
            openSpool();
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("InfluxDB writer interrupted with " + (pending.size() + buffer.size()) + " points in memory");
        } finally {
            finished.countDown();
        }
    }

    private void openSpool() {
        try {
            spool = DiskSpool.open(spoolDir, tuning.spoolMaxBytes());
            updateSpoolStats();
            if (!spool.isEmpty()) {
                LOG.info("InfluxDB spool " + spoolDir + " holds " + spool.points() + " points from before the restart: writing them first");
                startReplay();
            }
        } catch (IOException e) {
            LOG.severe("InfluxDB spool " + spoolDir + " cannot be opened (" + e + "): an outage longer than the memory buffer will drop points");
            spool = null;
        }
    }

    private void loop() throws InterruptedException {
        while (true) {
            boolean draining = closing.getCount() == 0;
            spillIfNeeded(false);
            boolean spoolWaiting = spool != null && !spool.isEmpty();
            if (draining && spoolWaiting) {
                // The spool is durable: keep the order (disk before memory) and let the next start replay it.
                spillIfNeeded(true);
                return;
            }
            boolean fromSpool = pending.isEmpty() && spoolWaiting;
            List<BufferedPoint> batch;
            if (!pending.isEmpty()) {
                batch = pending;
            } else if (fromSpool) {
                batch = peekSpool();
            } else {
                pending = buffer.take(batchSize, flushNanos);
                pendingSize = pending.size();
                batch = pending;
            }
            if (batch.isEmpty()) {
                if (draining && buffer.size() == 0) {
                    return;
                }
                continue;
            }
            if (attempt(batch, fromSpool)) {
                consecutiveFailures = 0;
                continue;
            }
            if (draining) {
                spillIfNeeded(true);
                return;
            }
            backoff();
        }
    }

    private List<BufferedPoint> peekSpool() {
        try {
            return spool.peek(batchSize);
        } catch (IOException e) {
            LOG.severe("InfluxDB spool " + spoolDir + " cannot be read (" + e + "): its points stay on disk");
            spool = null;
            return List.of();
        }
    }

    private boolean attempt(List<BufferedPoint> batch, boolean fromSpool) {
        if (consecutiveFailures > 0) {
            retries.incrementAndGet();
        }
        long start = System.nanoTime();
        try {
            if (!schemaReady) {
                sink.ensureSchema();
                schemaReady = true;
            }
            int from = 0;
            for (int i = 1; i <= batch.size(); i++) {
                if (i == batch.size() || !batch.get(i).retentionPolicy().equals(batch.get(from).retentionPolicy())) {
                    List<String> lines = new ArrayList<>(i - from);
                    for (int k = from; k < i; k++) {
                        lines.add(batch.get(k).line());
                    }
                    try {
                        sink.write(batch.get(from).retentionPolicy(), lines);
                    } catch (RejectedPointsException e) {
                        rejected.addAndGet(e.rejected());
                        LOG.warning("InfluxDB " + target + " rejected " + e.rejected() + " of " + lines.size() + " points for good: " + e.getMessage());
                    }
                    from = i;
                }
            }
        } catch (Exception e) {
            latency.record(System.nanoTime() - start);
            failures.incrementAndGet();
            consecutiveFailures++;
            if (String.valueOf(e.getMessage()).contains("database not found")) {
                schemaReady = false;
            }
            if (state != State.DOWN) {
                setState(State.DOWN, "InfluxDB " + target + " unavailable (" + reason(e) + "): buffering points in memory (up to "
                        + spillThreshold + ", then on disk in " + spoolDir + ")");
            }
            return false;
        }
        latency.record(System.nanoTime() - start);
        written.addAndGet(batch.size());
        if (fromSpool) {
            try {
                spool.consume(batch.size());
                updateSpoolStats();
            } catch (IOException e) {
                LOG.warning("InfluxDB spool segment could not be deleted (" + e + "): it will be written again (idempotently) after a restart");
            }
        } else {
            buffer.settled(pending.size());
            pending = List.of();
            pendingSize = 0;
        }
        afterSuccess();
        return true;
    }

    private void afterSuccess() {
        if (state == State.DOWN) {
            long disk = spool == null ? 0 : spool.points();
            long memory = pending.size() + buffer.size();
            replayBacklog = disk + memory;
            replayStartNanos = System.nanoTime();
            setState(State.REPLAYING, "InfluxDB " + target + " is back: replaying " + replayBacklog + " buffered points ("
                    + disk + " on disk, " + memory + " in memory)");
        }
        if (state == State.REPLAYING && (spool == null || spool.isEmpty()) && pending.isEmpty() && buffer.size() < batchSize) {
            spilling = false;
            dropping = false;
            setState(State.UP, String.format("InfluxDB %s caught up: %d buffered points written in %.1f s", target, replayBacklog,
                    (System.nanoTime() - replayStartNanos) / 1e9));
        }
    }

    private void startReplay() {
        replayBacklog = spool.points();
        replayStartNanos = System.nanoTime();
        state = State.REPLAYING;
    }

    private void backoff() throws InterruptedException {
        long delay = tuning.minBackoff().toNanos() << Math.min(20, consecutiveFailures - 1);
        delay = Math.min(delay, tuning.maxBackoff().toNanos());
        long deadline = System.nanoTime() + delay;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (closing.await(Math.min(left, SLICE_NANOS), TimeUnit.NANOSECONDS)) {
                return;
            }
            spillIfNeeded(false);
        }
    }

    /** Moves the oldest in-memory points to disk when memory holds more than its share, or all of them. */
    private void spillIfNeeded(boolean all) {
        int inMemory = pending.size() + buffer.size();
        if (spool == null || inMemory == 0 || (!all && inMemory <= spillThreshold)) {
            return;
        }
        if (all) {
            LOG.warning("InfluxDB " + target + " stopping with " + inMemory + " unwritten points: keeping them in " + spoolDir
                    + " for the next start");
        } else if (!spilling) {
            spilling = true;
            LOG.warning("InfluxDB " + target + " backlog of " + inMemory + " points exceeds the memory buffer: spilling the oldest to "
                    + spoolDir);
        }
        int goal = all ? 0 : spillThreshold / 2;
        try {
            if (!pending.isEmpty()) {
                if (!spool.append(pending)) {
                    spoolFull();
                    return;
                }
                buffer.settled(pending.size());
                pending = List.of();
                pendingSize = 0;
            }
            while (buffer.size() > goal) {
                List<BufferedPoint> chunk = buffer.removeOldest(Math.min(SPILL_CHUNK, buffer.size() - goal));
                if (!spool.append(chunk)) {
                    buffer.returnOldest(chunk);
                    spoolFull();
                    return;
                }
                buffer.settled(chunk.size());
                updateSpoolStats();
            }
        } catch (IOException e) {
            LOG.severe("InfluxDB spool " + spoolDir + " cannot be written (" + e + "): points stay in memory");
        } finally {
            updateSpoolStats();
        }
    }

    private void spoolFull() {
        if (!dropping) {
            LOG.severe("InfluxDB spool " + spoolDir + " is full (" + spool.bytes() + " bytes, limit " + tuning.spoolMaxBytes()
                    + "): new points are dropped once memory is full too");
        }
    }

    /** Counts points the buffer refused; logs when dropping starts. */
    void dropped(int n) {
        dropped.addAndGet(n);
        if (!dropping) {
            dropping = true;
            LOG.severe("InfluxDB " + target + ": memory buffer and disk spool are full, dropping points (" + n + " so far)");
        }
    }

    private void updateSpoolStats() {
        if (spool != null) {
            spoolPoints = spool.points();
            spoolBytes = spool.bytes();
            spoolSegments = spool.segments();
        }
    }

    private void setState(State next, String message) {
        state = next;
        LOG.log(next == State.DOWN ? Level.WARNING : Level.INFO, message);
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip());
    }

    /** Asks the thread to write what it can, spill the rest to disk, and stop; waits up to {@code timeout}. */
    boolean close(Duration timeout) throws InterruptedException {
        closing.countDown();
        buffer.close();
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The current figures. */
    StoreStats stats() {
        long memory = buffer.size() + (long) pendingSize;
        Map<String, Long> extra = new LinkedHashMap<>();
        extra.put("memoryPoints", memory);
        extra.put("spoolPoints", spoolPoints);
        extra.put("spoolBytes", spoolBytes);
        extra.put("spoolSegments", (long) spoolSegments);
        extra.put("retries", retries.get());
        extra.put("rejectedPoints", rejected.get());
        extra.put("writeRequests", latency.count());
        extra.put("writeMicros", latency.totalMicros());
        extra.put("up", state == State.DOWN ? 0L : 1L);
        return new StoreStats("influx", memory + spoolPoints, written.get(), failures.get(), dropped.get(), latency.lastMillis(), extra);
    }

    /** The current state. */
    State state() {
        return state;
    }
}
