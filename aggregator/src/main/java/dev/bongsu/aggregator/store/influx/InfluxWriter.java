package dev.bongsu.aggregator.store.influx;

import dev.bongsu.aggregator.store.StoreStats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The write path behind {@link InfluxTimeSeriesStore}, on two dedicated threads. The <b>writer</b> takes batches
 * from the memory buffer (by size or age) and writes them; when a write fails it retries the same batch with
 * exponential backoff, and once InfluxDB answers it writes the disk spool first, then memory, so points arrive in
 * order. The <b>spiller</b> moves the oldest points from memory to the disk spool whenever more than the memory
 * share wait — also while the writer is stuck in a slow request. One log line per state change.
 */
final class InfluxWriter {
    private static final Logger LOG = Logger.getLogger(InfluxTimeSeriesStore.class.getName());
    private static final int SPILL_CHUNK = 50_000;

    /** What the write path is doing. */
    enum State {
        UP, DOWN, REPLAYING;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
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
    private final CountDownLatch spoolOpened = new CountDownLatch(1);
    private final CountDownLatch spillerDone = new CountDownLatch(1);
    private final CountDownLatch writerDone = new CountDownLatch(1);

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final WriteLatency latency = new WriteLatency();

    private volatile State state = State.UP;
    private volatile int pendingSize;
    private volatile boolean dropping;
    private volatile DiskSpool spool;

    // Writer thread only.
    private MemoryBuffer.Taken pending = MemoryBuffer.Taken.NONE;
    private boolean schemaReady;
    private int consecutiveFailures;
    private long replayStartNanos;
    private long replayBacklog;
    // Spiller thread only.
    private boolean spilling;
    private boolean spoolFullLogged;

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

    /** Starts the writer and spiller threads (daemons). */
    void start() {
        Thread writer = new Thread(this::runWriter, "bongsu-influx-writer");
        Thread spiller = new Thread(this::runSpiller, "bongsu-influx-spiller");
        writer.setDaemon(true);
        spiller.setDaemon(true);
        writer.start();
        spiller.start();
    }

    private void runWriter() {
        try {
            openSpool();
            writeLoop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("InfluxDB writer interrupted with " + (pending.size() + buffer.size()) + " points in memory");
        } finally {
            writerDone.countDown();
        }
    }

    private void openSpool() {
        try {
            DiskSpool s = DiskSpool.open(spoolDir, tuning.spoolMaxBytes());
            spool = s;
            if (!s.isEmpty()) {
                LOG.info("InfluxDB spool " + spoolDir + " holds " + s.points() + " points from before the restart: writing them first");
                replayBacklog = s.points();
                replayStartNanos = System.nanoTime();
                state = State.REPLAYING;
            }
        } catch (IOException e) {
            LOG.severe("InfluxDB spool " + spoolDir + " cannot be opened (" + e + "): an outage longer than the memory buffer will drop points");
        } finally {
            spoolOpened.countDown();
        }
    }

    private void writeLoop() throws InterruptedException {
        while (true) {
            boolean draining = closing.getCount() == 0;
            DiskSpool s = spool;
            boolean spoolWaiting = s != null && !s.isEmpty();
            if (draining && (spoolWaiting || consecutiveFailures > 0)) {
                // The spool is durable: keep the order (disk before memory) and let the next start write it.
                spoolEverything();
                return;
            }
            boolean fromSpool = pending.isEmpty() && spoolWaiting;
            List<BufferedPoint> batch;
            if (!pending.isEmpty()) {
                batch = pending.points();
            } else if (fromSpool) {
                batch = peekSpool(s);
            } else {
                pending = buffer.take(batchSize, flushNanos);
                pendingSize = pending.size();
                batch = pending.points();
            }
            if (batch.isEmpty()) {
                if (draining && buffer.size() == 0) {
                    return;
                }
                continue;
            }
            if (attempt(batch, fromSpool)) {
                consecutiveFailures = 0;
            } else if (!draining) {
                backoff();
            }
        }
    }

    private List<BufferedPoint> peekSpool(DiskSpool s) {
        try {
            return s.peek(batchSize);
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
            } catch (IOException e) {
                LOG.warning("InfluxDB spool segment could not be deleted (" + e + "): it will be written again (idempotently) after a restart");
            }
        } else {
            buffer.settled(pending);
            pending = MemoryBuffer.Taken.NONE;
            pendingSize = 0;
        }
        afterSuccess();
        return true;
    }

    private void afterSuccess() {
        DiskSpool s = spool;
        if (state == State.DOWN) {
            long disk = s == null ? 0 : s.points();
            long memory = pending.size() + buffer.size();
            replayBacklog = disk + memory;
            replayStartNanos = System.nanoTime();
            setState(State.REPLAYING, "InfluxDB " + target + " is back: replaying " + replayBacklog + " buffered points ("
                    + disk + " on disk, " + memory + " in memory)");
        }
        if (state == State.REPLAYING && (s == null || s.isEmpty()) && pending.isEmpty() && buffer.size() < batchSize) {
            dropping = false;
            setState(State.UP, String.format("InfluxDB %s caught up: %d buffered points written in %.1f s", target, replayBacklog,
                    (System.nanoTime() - replayStartNanos) / 1e9));
        }
    }

    private void backoff() throws InterruptedException {
        long delay = tuning.minBackoff().toNanos() << Math.min(20, consecutiveFailures - 1);
        closing.await(Math.min(delay, tuning.maxBackoff().toNanos()), TimeUnit.NANOSECONDS);
    }

    /** On stop while InfluxDB is away: the batch in flight goes before the spool, the rest of memory after it. */
    private void spoolEverything() throws InterruptedException {
        spillerDone.await();
        DiskSpool s = spool;
        int inMemory = pending.size() + buffer.size();
        if (s == null || inMemory == 0) {
            if (inMemory > 0) {
                LOG.severe("InfluxDB " + target + " stopping with " + inMemory + " unwritten points and no usable spool: they are lost");
            }
            return;
        }
        LOG.warning("InfluxDB " + target + " stopping with " + inMemory + " unwritten points: keeping them in " + spoolDir
                + " for the next start");
        try {
            if (!pending.isEmpty()) {
                s.prepend(pending.points());
                buffer.settled(pending);
                pending = MemoryBuffer.Taken.NONE;
                pendingSize = 0;
            }
            MemoryBuffer.Taken chunk;
            while (!(chunk = buffer.removeOldest(SPILL_CHUNK)).isEmpty()) {
                s.append(chunk.points());
                buffer.settled(chunk);
            }
        } catch (IOException e) {
            LOG.severe("InfluxDB spool " + spoolDir + " cannot be written (" + e + "): " + (pending.size() + buffer.size())
                    + " unwritten points are lost");
        }
    }

    private void runSpiller() {
        try {
            spoolOpened.await();
            while (closing.getCount() > 0) {
                if (buffer.awaitAbove(spillThreshold, 100, TimeUnit.MILLISECONDS)) {
                    spill();
                } else if (spilling && (spool == null || spool.isEmpty())) {
                    // The spilled backlog has been written: the next spill is a new episode worth a log line.
                    spilling = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            spillerDone.countDown();
        }
    }

    /** Moves the oldest points to disk until memory holds half its share, unless the spool is full. */
    private void spill() throws InterruptedException {
        DiskSpool s = spool;
        if (s == null) {
            return;
        }
        if (!spilling) {
            spilling = true;
            LOG.warning("InfluxDB " + target + " backlog of " + buffer.size() + " points exceeds the memory buffer: spilling the oldest to "
                    + spoolDir);
        }
        int goal = spillThreshold / 2;
        try {
            while (buffer.size() > goal && closing.getCount() > 0) {
                if (s.isFull()) {
                    if (!spoolFullLogged) {
                        spoolFullLogged = true;
                        LOG.severe("InfluxDB spool " + spoolDir + " is full (" + s.bytes() + " bytes, limit " + tuning.spoolMaxBytes()
                                + "): new points are dropped once memory is full too");
                    }
                    closing.await(100, TimeUnit.MILLISECONDS);
                    return;
                }
                spoolFullLogged = false;
                MemoryBuffer.Taken chunk = buffer.removeOldest(Math.min(SPILL_CHUNK, buffer.size() - goal));
                s.append(chunk.points());
                buffer.settled(chunk);
            }
        } catch (IOException e) {
            LOG.severe("InfluxDB spool " + spoolDir + " cannot be written (" + e + "): points stay in memory");
            closing.await(1, TimeUnit.SECONDS);
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

    private void setState(State next, String message) {
        state = next;
        if (next == State.DOWN) {
            // Callers must not wait out an outage (the aggregator's shutdown waits for its writes).
            buffer.releaseWaiters();
        }
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

    /** Asks both threads to write what they can, spool the rest, and stop; waits up to {@code timeout}. */
    boolean close(Duration timeout) throws InterruptedException {
        closing.countDown();
        buffer.close();
        return writerDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The current figures. */
    StoreStats stats() {
        long memory = buffer.size() + (long) pendingSize;
        DiskSpool s = spool;
        long spoolPoints = s == null ? 0 : s.points();
        Map<String, Long> extra = new LinkedHashMap<>();
        extra.put("memoryPoints", memory);
        extra.put("spoolPoints", spoolPoints);
        extra.put("spoolBytes", s == null ? 0 : s.bytes());
        extra.put("spoolSegments", s == null ? 0L : (long) s.segments());
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
