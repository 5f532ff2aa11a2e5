package dev.bongsu.aggregator;

import dev.bongsu.aggregator.rollup.MinuteKey;
import dev.bongsu.aggregator.rollup.MinuteRollups;
import dev.bongsu.aggregator.rollup.SlidingWindows;
import dev.bongsu.aggregator.rollup.WindowReader;
import dev.bongsu.aggregator.store.TimeSeriesStore;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.Rollup;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Ingests {@link ResultBatch}es from {@code bongsu.results}: stores every raw result, keeps the sliding windows,
 * and writes one rollup per check × vantage × minute once the minute has closed (checked every second); minutes
 * reopened by late results are recomputed from the stored raw results (see {@link MinuteRollups}). Publishes the
 * store's statistics as JSON on {@code bongsu.store-stats} every 5 seconds. Works with any {@link TimeSeriesStore};
 * the store belongs to the caller, who closes it after undeploying this verticle.
 */
public final class AggregatorVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(AggregatorVerticle.class.getName());
    private static final long EVICT_EVERY_MS = 60_000;
    private static final long REBUILD_RETRY_MS = 30_000;
    private static final int REBUILD_ATTEMPTS = 10;

    private final TimeSeriesStore store;
    private final Clock clock;
    private final AggregatorOptions options;
    private final SlidingWindows windows;
    private final RollupRebuilder rebuilder;
    private final Map<MinuteKey, PendingRebuild> pendingRebuild = new LinkedHashMap<>();

    private MinuteRollups rollups;
    private MessageConsumer<ResultBatch> consumer;
    private Future<Void> lastRawWrite = Future.succeededFuture();
    private boolean rebuilding;
    private long tickTimer;
    private long statsTimer;
    private long lastEviction;
    private long resultsReceived;
    private long rollupsWritten;
    private long rollupWriteFailures;
    private long rebuiltMinutes;

    /** An aggregator writing to {@code store} with the default options. */
    public AggregatorVerticle(TimeSeriesStore store, Clock clock) {
        this(store, clock, AggregatorOptions.defaults());
    }

    /** An aggregator writing to {@code store}; {@code clock} tells which minutes have closed. */
    public AggregatorVerticle(TimeSeriesStore store, Clock clock, AggregatorOptions options) {
        this.store = store;
        this.clock = clock;
        this.options = options;
        this.windows = new SlidingWindows(options.windowResults(), options.windowAge());
        this.rebuilder = new RollupRebuilder(store);
    }

    /** The sliding windows of recent results per check × vantage, read-only and safe to read from any thread. */
    public WindowReader windows() {
        return windows;
    }

    @Override
    public Future<?> start() {
        rollups = new MinuteRollups(options.grace(), clock.millis());
        lastEviction = clock.millis();
        consumer = vertx.eventBus().consumer(Addresses.RESULTS, message -> ingest(message.body()));
        tickTimer = vertx.setPeriodic(options.tick().toMillis(), id -> tick());
        statsTimer = vertx.setPeriodic(options.statsInterval().toMillis(), id -> publishStats());
        return consumer.completion();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(tickTimer);
        vertx.cancelTimer(statsTimer);
        return consumer.unregister()
                .eventually(() -> writeClosed(rollups.closeAll(), clock.millis()))
                .eventually(() -> rebuildDue(Long.MAX_VALUE))
                .onSuccess(v -> publishStats())
                .recover(e -> {
                    LOG.warning("aggregator stopped with unwritten rollups: " + e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private void ingest(ResultBatch batch) {
        long now = clock.millis();
        List<ProbeResult> results = batch.results();
        for (ProbeResult r : results) {
            windows.add(r);
            rollups.add(r, now);
        }
        resultsReceived += results.size();
        // The store counts and logs refused and failed writes; rebuilds only need to wait for this one to settle.
        lastRawWrite = store.writeResults(results).recover(e -> Future.succeededFuture());
    }

    private void tick() {
        long now = clock.millis();
        MinuteRollups.Closed closed = rollups.closeDue(now);
        writeClosed(closed, now);
        if (!rebuilding) {
            rebuildDue(now);
        }
        if (now - lastEviction >= EVICT_EVERY_MS) {
            lastEviction = now;
            windows.evictIdle(now);
        }
    }

    private Future<Void> writeClosed(MinuteRollups.Closed closed, long now) {
        // Waiting a little lets a store that buffers its writes (InfluxDB) flush the late raw results first.
        closed.rebuild().forEach(k -> pendingRebuild.putIfAbsent(k, new PendingRebuild(now + options.rebuildDelay().toMillis(), 0)));
        return writeRollups(closed.rollups());
    }

    private Future<Void> writeRollups(List<Rollup> list) {
        if (list.isEmpty()) {
            return Future.succeededFuture();
        }
        return store.writeRollups(list)
                .onSuccess(v -> rollupsWritten += list.size())
                .onFailure(e -> rollupWriteFailures += list.size());
    }

    /**
     * Recomputes the pending minutes due at {@code now} once the raw results written so far have settled, one round
     * at a time; a failed round is retried every 30 s, at most 10 times.
     */
    private Future<Void> rebuildDue(long now) {
        Map<MinuteKey, PendingRebuild> due = new LinkedHashMap<>();
        pendingRebuild.entrySet().removeIf(e -> e.getValue().dueAt() <= now && due.put(e.getKey(), e.getValue()) == null);
        if (due.isEmpty()) {
            return Future.succeededFuture();
        }
        rebuilding = true;
        return lastRawWrite
                .compose(v -> rebuilder.rebuild(due.keySet()))
                .compose(rebuilt -> {
                    rebuiltMinutes += rebuilt.size();
                    return writeRollups(rebuilt);
                })
                .onFailure(e -> retryLater(due, e))
                .onComplete(ar -> rebuilding = false);
    }

    private void retryLater(Map<MinuteKey, PendingRebuild> failed, Throwable e) {
        long retryAt = clock.millis() + REBUILD_RETRY_MS;
        int given = 0;
        for (Map.Entry<MinuteKey, PendingRebuild> f : failed.entrySet()) {
            if (f.getValue().attempts() + 1 < REBUILD_ATTEMPTS) {
                pendingRebuild.putIfAbsent(f.getKey(), new PendingRebuild(retryAt, f.getValue().attempts() + 1));
            } else {
                given++;
            }
        }
        LOG.warning("recomputing " + failed.size() + " minute rollups from raw results failed"
                + (given > 0 ? ", giving up on " + given + " after " + REBUILD_ATTEMPTS + " attempts" : ", retrying in 30 s")
                + ": " + e.getMessage());
    }

    /** A minute waiting to be recomputed, and how often that already failed. */
    private record PendingRebuild(long dueAt, int attempts) {
    }

    private void publishStats() {
        JsonObject json = store.stats().toJson()
                .put("resultsReceived", resultsReceived)
                .put("lateResults", rollups.lateResults())
                .put("openMinutes", rollups.openMinutes())
                .put("rollupsWritten", rollupsWritten)
                .put("rollupWriteFailures", rollupWriteFailures)
                .put("rebuiltMinutes", rebuiltMinutes);
        vertx.eventBus().publish(Addresses.STORE_STATS, json);
    }
}
