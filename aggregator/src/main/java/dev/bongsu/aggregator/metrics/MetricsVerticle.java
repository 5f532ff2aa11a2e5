package dev.bongsu.aggregator.metrics;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.config.BongsuConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Feeds {@link BongsuMetrics} from the event bus — results, probe and store statistics, service states,
 * incidents, notification events — and serves them on {@code GET /metrics} once {@link #mount mounted}. The numbers
 * are not public (node names, probe error classes, probe faults): mount it on a router of its own listener
 * ({@code metrics.port}) or behind the admin token, never bare on the public one.
 */
public final class MetricsVerticle extends VerticleBase {
    /** How often per-check series of pairs that stopped reporting are looked for. */
    static final long SWEEP_PERIOD_MS = 60_000;

    private final BongsuMetrics metrics;
    private final LiveStatus live;
    private volatile BongsuConfig config;

    /**
     * Metrics of {@code config}'s checks (per check × vantage) and services, starting from the detector's current view
     * ({@code live} may be {@code null} when there is none).
     */
    public MetricsVerticle(BongsuConfig config, LiveStatus live) {
        this(new BongsuMetrics(), config, live);
    }

    /** The same with a given metrics registry. */
    public MetricsVerticle(BongsuMetrics metrics, BongsuConfig config, LiveStatus live) {
        this.metrics = metrics;
        this.config = config;
        this.live = live;
    }

    /** Metrics without a configuration: no per-check series. */
    public MetricsVerticle(LiveStatus live) {
        this(new BongsuMetrics(), null, live);
    }

    /** The same with a given metrics registry. */
    public MetricsVerticle(BongsuMetrics metrics, LiveStatus live) {
        this(metrics, null, live);
    }

    /**
     * Takes a reloaded configuration: the per-check series follow its checks, services and vantages — a removed
     * check's or vantage's series disappear now, a new one's appear with its first result.
     */
    public Future<Void> reconfigure(BongsuConfig next) {
        config = next;
        metrics.configure(next);
        return Future.succeededFuture();
    }

    @Override
    public Future<?> start() {
        metrics.configure(config);
        if (live != null) {
            metrics.onLiveStatus(live);
        }
        vertx.setPeriodic(SWEEP_PERIOD_MS, id -> metrics.sweepStale());
        EventBus bus = vertx.eventBus();
        return Future.all(List.of(
                bus.<ResultBatch>consumer(Addresses.RESULTS, m -> metrics.onResults(m.body())).completion(),
                bus.<JsonObject>consumer(Addresses.PROBE_STATS, m -> metrics.onProbeStats(m.body())).completion(),
                bus.<JsonObject>consumer(Addresses.STORE_STATS, m -> metrics.onStoreStats(m.body())).completion(),
                bus.<ServiceStateChange>consumer(Addresses.SERVICE_STATES, m -> metrics.onServiceState(m.body().current())).completion(),
                bus.<IncidentTransition>consumer(Addresses.INCIDENTS, m -> metrics.onIncident(m.body())).completion(),
                bus.<JsonObject>consumer(Addresses.NOTIFICATION_EVENTS, m -> metrics.onNotificationEvent(m.body())).completion()));
    }

    /** Serves {@code GET /metrics} in the Prometheus text format 0.0.4 on {@code router}. */
    public void mount(Router router) {
        router.get("/metrics").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        // Rendering thousands of series is CPU work measured in milliseconds: keep it off the event loop.
        ctx.vertx().executeBlocking(metrics::scrape, false)
                .onSuccess(bytes -> ctx.response().putHeader("Content-Type", BongsuMetrics.CONTENT_TYPE).end(Buffer.buffer(bytes)))
                .onFailure(ctx::fail);
    }

    /** The metrics this verticle feeds. */
    public BongsuMetrics metrics() {
        return metrics;
    }
}
