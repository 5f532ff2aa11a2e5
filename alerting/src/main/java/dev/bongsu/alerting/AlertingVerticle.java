package dev.bongsu.alerting;

import dev.bongsu.alerting.ack.AckLinks;
import dev.bongsu.alerting.ack.AckStore;
import dev.bongsu.alerting.maintenance.MaintenanceStore;
import dev.bongsu.alerting.notify.Notifiers;
import dev.bongsu.alerting.outbox.Outbox;
import dev.bongsu.alerting.outbox.OutboxDatabase;
import dev.bongsu.alerting.route.Mute;
import dev.bongsu.alerting.route.NotificationRouter;
import dev.bongsu.alerting.route.RoutingDecision;
import dev.bongsu.alerting.silence.MaintenanceMute;
import dev.bongsu.alerting.silence.Silences;
import dev.bongsu.model.AckReader;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.maintenance.MaintenanceReader;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Alerting: listens to incident transitions, routes them (grouping, inhibition, silences, maintenance,
 * fallback) and writes the outcome to the outbox, which delivers. Opens outbox.db, loads silences and starts the
 * outbox on start; stops delivery and closes the database on stop.
 */
public final class AlertingVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(AlertingVerticle.class.getName());
    private static final long TICK_MS = 250;

    private final BongsuConfig cfg;
    private final OutboxDatabase db;
    private final Outbox outbox;
    private final Silences silences;
    private final MaintenanceStore maintenance;
    private final String nodeId;
    private final IncidentReader openIncidents;
    private final Clock clock;
    private final AckStore acks;
    private NotificationRouter router;
    private Future<Void> writes = Future.succeededFuture();
    private long ticker = -1;

    /**
     * Alerting for a config.
     *
     * @param cfg      the whole config (alerting section, services, public URL)
     * @param db       outbox.db, opened by {@link #start()}
     * @param outbox   the outbox over {@code db}, started by {@link #start()}
     * @param silences the silences in {@code db}, loaded by {@link #start()}
     * @param nodeId   this node's name, the same as given to the outbox
     * @param incidents the incident store, read at start for the incidents still open (their reminders go on)
     * @param clock    time source
     */
    public AlertingVerticle(BongsuConfig cfg, OutboxDatabase db, Outbox outbox, Silences silences, String nodeId,
                            IncidentReader incidents, Clock clock) {
        this(cfg, db, outbox, silences, null, nodeId, incidents, clock);
    }

    /**
     * Alerting with a maintenance store, opened by {@link #start()} and closed by {@link #stop()}: its windows (YAML
     * and admin API) mute notifications; without one ({@code null}) only the YAML windows do.
     */
    public AlertingVerticle(BongsuConfig cfg, OutboxDatabase db, Outbox outbox, Silences silences, MaintenanceStore maintenance,
                            String nodeId, IncidentReader incidents, Clock clock) {
        this(cfg, db, outbox, silences, maintenance, null, nodeId, incidents, clock);
    }

    /**
     * Alerting with acknowledgements: {@code acks} (acks.db, opened by {@link #start()} and closed by {@link #stop()})
     * stops reminders and escalation of acknowledged incidents and signs the acknowledgement links; without one
     * ({@code null}) notifications carry no link and nothing is ever acknowledged.
     */
    public AlertingVerticle(BongsuConfig cfg, OutboxDatabase db, Outbox outbox, Silences silences, MaintenanceStore maintenance,
                            AckStore acks, String nodeId, IncidentReader incidents, Clock clock) {
        this.acks = acks;
        this.maintenance = maintenance;
        this.cfg = cfg;
        this.db = db;
        this.outbox = outbox;
        this.silences = silences;
        this.nodeId = nodeId;
        this.openIncidents = incidents;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        cfg.services().forEach(s -> services.put(s.id(), s));
        MaintenanceReader windows = maintenance != null ? maintenance : MaintenanceReader.of(cfg.alerting().maintenance());
        return (acks != null ? acks.open() : Future.<Void>succeededFuture()).compose(v -> {
            router = new NotificationRouter(cfg.alerting(), services, () -> {
                List<Mute> all = new ArrayList<>(silences.list());
                windows.maintenances().forEach(w -> all.add(new MaintenanceMute(w)));
                return all;
            }, cfg.http().publicUrl(), acks != null ? acks : AckReader.NONE,
                    acks != null ? new AckLinks(acks.linkKey(), cfg.pageUrl(), cfg.alerting().ack().linkValidity()) : null);
            return db.open();
        })
                .compose(v -> silences.load())
                .compose(v -> maintenance != null ? maintenance.open() : Future.<Void>succeededFuture())
                .compose(v -> outbox.start())
                .compose(v -> outbox.notifiedUnresolved())
                .compose(told -> {
                    told.forEach(pair -> router.restoreNotified(pair[0], pair[1]));
                    return openIncidents.incidents(IncidentQuery.open());
                })
                .compose(stillOpen -> {
                    Instant now = clock.instant();
                    stillOpen.forEach(i -> router.restoreOpen(i, now));
                    MessageConsumer<IncidentTransition> incidents = vertx.eventBus().consumer(Addresses.INCIDENTS,
                            m -> write(router.onTransition(m.body(), clock.instant())));
                    MessageConsumer<JsonObject> events = vertx.eventBus().consumer(Addresses.NOTIFICATION_EVENTS, m -> deliveredElsewhere(m.body()));
                    ticker = vertx.setPeriodic(TICK_MS, id -> write(router.tick(clock.instant())));
                    LOG.info("alerting: receivers " + String.join(", ", cfg.alerting().effectiveReceivers().stream()
                            .map(r -> r.name() + "(" + r.type() + ")").toList()) + "; outbox " + db.file());
                    return Future.all(incidents.completion(), events.completion());
                });
    }

    @Override
    public Future<?> stop() {
        if (ticker >= 0) {
            vertx.cancelTimer(ticker);
        }
        outbox.stop();
        return writes.eventually(db::close).eventually(() -> maintenance != null ? maintenance.close() : Future.succeededFuture())
                .eventually(() -> acks != null ? acks.close() : Future.succeededFuture());
    }

    /**
     * Swaps in a reloaded configuration in one step on this verticle's context, so no transition is routed half under
     * the old and half under the new one: the router takes the new routes, receivers, grouping defaults and services,
     * the outbox the new notifiers, and the maintenance store the new YAML windows. Completes once the notifications
     * of removed receivers are dead letters; fails when the verticle is not running.
     */
    public Future<Void> reconfigure(BongsuConfig next, Notifiers notifiers) {
        io.vertx.core.Context own = context;
        if (own == null || router == null) {
            return Future.failedFuture("alerting is not running");
        }
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        own.runOnContext(v -> {
            Map<String, ServiceConfig> services = new LinkedHashMap<>();
            next.services().forEach(s -> services.put(s.id(), s));
            router.reconfigure(next.alerting(), services, next.http().publicUrl());
            if (maintenance != null) {
                maintenance.replaceConfigured(next.alerting().maintenance());
            }
            outbox.useNotifiers(notifiers).onComplete(done);
            write(router.tick(clock.instant()));
        });
        return done.future();
    }

    private void write(List<RoutingDecision> decisions) {
        for (RoutingDecision d : decisions) {
            // Chained so rows are written in decision order, which is the delivery order per incident.
            writes = writes.transform(ar -> outbox.accept(d)).onFailure(e ->
                    LOG.severe("alerting: cannot write notification to the outbox: " + e.getMessage()));
        }
    }

    private void deliveredElsewhere(JsonObject event) {
        String node = event.getString("node");
        if ("sent".equals(event.getString("outcome")) && node != null && !node.equals(nodeId)) {
            outbox.markDeliveredElsewhere(event.getString("receiver"), event.getString("transitionKey"), node);
        }
    }
}
