package dev.bongsu.detector.core;

import dev.bongsu.detector.incident.IncidentStore;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.VantageHealth;
import dev.bongsu.model.config.BongsuConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link Detector}: takes result batches from {@link Addresses#RESULTS} and probe-node statistics from
 * {@link Addresses#PROBE_STATS}, ticks it once a second with the
 * clock, writes every incident transition to the {@link IncidentStore} and only then publishes the state changes
 * on {@link Addresses#SERVICE_STATES} and the transitions on {@link Addresses#INCIDENTS}. It restores the open
 * incidents of the previous run at start, and offers the current view as {@link LiveStatus}.
 */
public final class DetectorVerticle extends VerticleBase implements LiveStatus {
    private static final Logger LOG = Logger.getLogger(DetectorVerticle.class.getName());
    private static final long TICK_MILLIS = 1000;

    private final BongsuConfig config;
    private final IncidentStore store;
    private final Clock clock;
    private final IncidentIds ids;

    private Detector detector;
    private MessageConsumer<ResultBatch> consumer;
    private MessageConsumer<JsonObject> statsConsumer;
    private long timer = -1;
    /** The publication of the latest step; the next one waits for it so that order is kept. */
    private Future<Void> lastStep = Future.succeededFuture();
    private volatile List<ServiceState> states = List.of();
    private volatile List<Incident> openIncidents = List.of();
    private volatile List<VantageHealth> vantageHealth = List.of();

    /** A detector over the configured services and vantages, persisting to {@code store}, timed by {@code clock}. */
    public DetectorVerticle(BongsuConfig config, IncidentStore store, Clock clock) {
        this(config, store, clock, IncidentIds.timeSortable(new SecureRandom()));
    }

    /** The same, with a chosen id generator. */
    public DetectorVerticle(BongsuConfig config, IncidentStore store, Clock clock, IncidentIds ids) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Future<?> start() {
        return store.incidents(IncidentQuery.open()).compose(open -> {
            detector = new Detector(config.services(), config.vantageNames(), config.detector(), ids,
                    config.statusPage()::valueName);
            detector.restore(open);
            states = detector.states();
            openIncidents = detector.openIncidents();
            if (!open.isEmpty()) {
                LOG.info("detector: restored " + open.size() + " open incident(s) from " + store.file());
            }
            consumer = vertx.eventBus().consumer(Addresses.RESULTS,
                    msg -> step(detector.onResults(msg.body().results(), clock.instant())));
            statsConsumer = vertx.eventBus().consumer(Addresses.PROBE_STATS, msg -> onStats(msg.body()));
            timer = vertx.setPeriodic(TICK_MILLIS, id -> {
                Instant now = clock.instant();
                step(detector.tick(now));
                // what each vantage sees, for the status page's live outage map: once a tick, not once a result
                vantageHealth = detector.vantageHealth(now);
            });
            return Future.join(consumer.completion(), statsConsumer.completion());
        });
    }

    /**
     * Swaps in a reloaded configuration: unchanged checks keep their state, baselines and open incidents, removed
     * services' open incidents resolve with a reason, new checks start unknown. Call from any thread; completes
     * once the detector runs the new configuration.
     */
    public Future<Void> reconfigure(BongsuConfig next) {
        return Future.failedFuture("reload of the detector is not built yet");
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
        Future<Void> statsUnregistered = statsConsumer == null ? Future.succeededFuture() : statsConsumer.unregister();
        return Future.join(unregistered, statsUnregistered, lastStep);
    }

    /** One probe node's statistics; a node that does not say {@code overloaded} is not. */
    private void onStats(JsonObject stats) {
        String vantage = stats.getString("vantage");
        String node = stats.getString("node");
        if (vantage == null || node == null) {
            return;
        }
        Number lag = stats.getNumber("lagP99Ms");
        step(detector.onProbeNodeStats(vantage, node, stats.getBoolean("overloaded", false),
                lag == null ? 0 : lag.longValue(), clock.instant()));
    }

    private void step(DetectorOutput out) {
        List<ServiceState> nextStates = detector.states();
        if (out.transitions().isEmpty() && out.stateChanges().isEmpty()) {
            states = nextStates;
            return;
        }
        List<Incident> nextOpen = out.transitions().isEmpty() ? null : detector.openIncidents();
        lastStep = lastStep
                .compose(v -> store.write(out.transitions()))
                .recover(err -> {
                    // Publishing late would hide an outage; publishing unpersisted only risks a duplicate after a crash.
                    LOG.log(Level.SEVERE, "detector: could not write " + out.transitions().size()
                            + " incident transition(s) to " + store.file() + ": " + err.getMessage());
                    return Future.succeededFuture();
                })
                .map(v -> {
                    publish(out, nextStates, nextOpen);
                    return null;
                });
    }

    private void publish(DetectorOutput out, List<ServiceState> nextStates, List<Incident> nextOpen) {
        states = nextStates;
        if (nextOpen != null) {
            openIncidents = nextOpen;
        }
        for (ServiceStateChange c : out.stateChanges()) {
            vertx.eventBus().publish(Addresses.SERVICE_STATES, c);
        }
        for (IncidentTransition t : out.transitions()) {
            Incident i = t.incident();
            String members = i.services().isEmpty() ? "vantages (" + String.join(", ", i.vantages()) + ")"
                    : "services (" + String.join(", ", i.services()) + ")";
            LOG.info("incident " + t.type().wireName() + " " + i.id() + " #" + i.sequence() + " [" + i.kind().wireName()
                    + ", " + i.severity().wireName() + "] " + i.title().en() + "; " + members);
            vertx.eventBus().publish(Addresses.INCIDENTS, t);
        }
    }

    @Override
    public List<ServiceState> serviceStates() {
        return states;
    }

    @Override
    public List<Incident> openIncidents() {
        return openIncidents;
    }

    @Override
    public List<VantageHealth> vantageHealth() {
        return vantageHealth;
    }
}
