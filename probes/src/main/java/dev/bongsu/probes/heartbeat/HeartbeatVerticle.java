package dev.bongsu.probes.heartbeat;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Runs the {@link HeartbeatTracker} of a server: takes pushes from {@link Addresses#HEARTBEAT_PUSHES} (from any
 * server's push endpoint), ticks the tracker every second and publishes its results as {@link ResultBatch}es of the
 * {@link HeartbeatTarget#VANTAGE} vantage on {@link Addresses#RESULTS}, to this process's parts only (each server of
 * a cluster tracks the pushes itself). Logs one line when a check starts missing its heartbeat and one when it is back.
 */
public final class HeartbeatVerticle extends VerticleBase {
    /** How often deadlines are looked at. */
    public static final long TICK_MS = 1_000;
    private static final Logger LOG = Logger.getLogger("heartbeat");
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final Clock clock;
    private final List<CheckConfig> initial;
    private final Set<String> missing = new HashSet<>();
    private HeartbeatTracker tracker;
    private MessageConsumer<JsonObject> consumer;
    private long timer = -1;

    /** A tracker of the heartbeat checks among {@code checks}, stamping results with {@code clock}. */
    public HeartbeatVerticle(List<CheckConfig> checks, Clock clock) {
        this.initial = List.copyOf(checks);
        this.clock = clock;
    }

    /** Hands a push to every server's tracker (cluster-wide on a clustered bus). */
    public static void publish(EventBus bus, HeartbeatPush push) {
        bus.publish(Addresses.HEARTBEAT_PUSHES, push.toJson());
    }

    @Override
    public Future<?> start() {
        tracker = new HeartbeatTracker(initial, clock.millis());
        if (tracker.size() > 0) {
            LOG.info("watching " + tracker.size() + " heartbeat check(s)");
        }
        consumer = vertx.eventBus().consumer(Addresses.HEARTBEAT_PUSHES, m -> onPush(m.body()));
        timer = vertx.setPeriodic(TICK_MS, id -> tick());
        return consumer.completion();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /**
     * Takes a new configuration (safe from any thread): new heartbeat checks start their deadline now, removed ones
     * stop, the others keep their last push.
     */
    public Future<Void> reconfigure(BongsuConfig cfg) {
        List<CheckConfig> checks = List.copyOf(cfg.checks());
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            tracker.reconfigure(checks, clock.millis());
            missing.removeIf(id -> !tracker.watches(id));
            done.complete();
        });
        return done.future();
    }

    private void onPush(JsonObject body) {
        HeartbeatPush push;
        try {
            push = HeartbeatPush.fromJson(body);
        } catch (IllegalArgumentException e) {
            LOG.warning(e.getMessage());
            return;
        }
        tracker.push(push.checkId(), push.up(), push.message(), clock.millis()).ifPresent(r -> {
            if (missing.remove(r.checkId())) {
                LOG.info("heartbeat " + r.checkId() + " is back (" + (push.up() ? "up" : "down") + ")");
            }
            if (!r.ok()) {
                LOG.info("heartbeat " + r.checkId() + ": " + r.detail());
            }
            publish(List.of(r));
        });
    }

    private void tick() {
        List<ProbeResult> due = tracker.due(clock.millis());
        for (ProbeResult r : due) {
            if (missing.add(r.checkId())) {
                LOG.warning("heartbeat " + r.checkId() + " missed: " + r.detail());
            }
        }
        publish(due);
    }

    private void publish(List<ProbeResult> results) {
        if (!results.isEmpty()) {
            vertx.eventBus().publish(Addresses.RESULTS, new ResultBatch(HeartbeatTarget.VANTAGE, results), LOCAL);
        }
    }
}
