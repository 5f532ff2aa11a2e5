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
import io.vertx.core.Promise;
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

    private final IncidentStore store;
    private final Clock clock;
    private final IncidentIds ids;

    private Detector detector;
    private MessageConsumer<ResultBatch> consumer;
    private MessageConsumer<JsonObject> statsConsumer;
    private long timer = -1;
    /** The publication of the latest step; the next one waits for it so that order is kept. */
    private Future<Void> lastStep = Future.succeededFuture();
    /** What readers see, swapped as a whole: a reload changes the configuration and the snapshots at once. */
    private volatile View view;

    /** The configuration in use and the snapshots readers get from it. */
    private record View(BongsuConfig config, List<ServiceState> states, List<Incident> openIncidents,
                        List<VantageHealth> vantageHealth) {
        View with(List<ServiceState> nextStates, List<Incident> nextOpen) {
            return new View(config, nextStates, nextOpen == null ? openIncidents : nextOpen, vantageHealth);
        }
    }

    /** A detector over the configured services and vantages, persisting to {@code store}, timed by {@code clock}. */
    public DetectorVerticle(BongsuConfig config, IncidentStore store, Clock clock) {
        this(config, store, clock, IncidentIds.timeSortable(new SecureRandom()));
    }

    /** The same, with a chosen id generator. */
    public DetectorVerticle(BongsuConfig config, IncidentStore store, Clock clock, IncidentIds ids) {
        this.view = new View(config, List.of(), List.of(), List.of());
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Future<?> start() {
        return store.incidents(IncidentQuery.open()).compose(open -> {
            BongsuConfig config = view.config();
            detector = new Detector(config.services(), config.vantageNames(), config.detector(), ids,
                    config.statusPage()::valueName);
            detector.restore(open);
            view = new View(config, detector.states(), detector.openIncidents(), List.of());
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
                View v = view;
                view = new View(v.config(), v.states(), v.openIncidents(), detector.vantageHealth(now));
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
        if (context == null) {
            return Future.failedFuture("the detector is not deployed");
        }
        Promise<Void> done = Promise.promise();
        context.runOnContext(ignored -> {
            if (detector == null) {
                done.fail("the detector has not started yet");
                return;
            }
            try {
                Instant now = clock.instant();
                DetectorOutput out = detector.reconfigure(next.services(), next.vantageNames(), next.detector(),
                        next.statusPage()::valueName, now);
                LOG.info("detector: reconfigured: " + next.services().size() + " service(s), " + next.checks().size()
                        + " check(s), vantages " + String.join(", ", next.vantageNames()) + "; "
                        + out.transitions().size() + " incident transition(s), " + out.stateChanges().size()
                        + " state change(s)");
                step(out, new View(next, detector.states(), detector.openIncidents(), detector.vantageHealth(now)))
                        .onComplete(done);
            } catch (RuntimeException e) {
                done.fail(e);
            }
        });
        return done.future();
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
        step(out, null);
    }

    /**
     * Persists the step's transitions, then publishes them and swaps in what readers see: {@code next}, or the
     * current view with the detector's new states (and open incidents when they changed). Completes once published.
     */
    private Future<Void> step(DetectorOutput out, View next) {
        if (out.isEmpty() && next == null) {
            view = view.with(detector.states(), null);
            return lastStep;
        }
        if (out.isEmpty()) {
            // after the publications still pending, so that none of them brings back the old configuration's view
            lastStep = lastStep.map(v -> {
                view = next;
                return null;
            });
            return lastStep;
        }
        View published = next;
        List<ServiceState> nextStates = detector.states();
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
                    view = published != null ? published : view.with(nextStates, nextOpen);
                    publish(out);
                    return null;
                });
        return lastStep;
    }

    private void publish(DetectorOutput out) {
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
        return view.states();
    }

    @Override
    public List<Incident> openIncidents() {
        return view.openIncidents();
    }

    @Override
    public List<VantageHealth> vantageHealth() {
        return view.vantageHealth();
    }
}
