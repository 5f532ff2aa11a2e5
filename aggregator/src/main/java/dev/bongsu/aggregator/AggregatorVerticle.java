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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    private final TimeSeriesStore store;
    private final Clock clock;
    private final AggregatorOptions options;
    private final SlidingWindows windows;
    private final RollupRebuilder rebuilder;
    private final Set<MinuteKey> pendingRebuild = new LinkedHashSet<>();

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
                .eventually(() -> writeClosed(rollups.closeAll()))
                .eventually(this::rebuildPending)
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
        if (!closed.isEmpty()) {
            writeClosed(closed);
            if (!rebuilding) {
                rebuildPending();
            }
        }
        if (now - lastEviction >= EVICT_EVERY_MS) {
            lastEviction = now;
            windows.evictIdle(now);
        }
    }

    private Future<Void> writeClosed(MinuteRollups.Closed closed) {
        pendingRebuild.addAll(closed.rebuild());
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

    /** Recomputes the pending minutes once the raw results written so far have settled; one round at a time. */
    private Future<Void> rebuildPending() {
        if (pendingRebuild.isEmpty()) {
            return Future.succeededFuture();
        }
        List<MinuteKey> keys = List.copyOf(pendingRebuild);
        pendingRebuild.clear();
        rebuilding = true;
        return lastRawWrite
                .compose(v -> rebuilder.rebuild(keys))
                .compose(rebuilt -> {
                    rebuiltMinutes += rebuilt.size();
                    return writeRollups(rebuilt);
                })
                .onFailure(e -> LOG.warning("recomputing " + keys.size() + " minute rollups from raw results failed: " + e.getMessage()))
                .onComplete(ar -> rebuilding = false);
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
