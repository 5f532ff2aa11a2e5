package dev.bongsu.alerting;

import dev.bongsu.alerting.ack.AckLinks;
import dev.bongsu.alerting.ack.AckRoutes;
import dev.bongsu.alerting.ack.AckStore;
import dev.bongsu.alerting.ack.Acknowledger;
import dev.bongsu.alerting.maintenance.MaintenanceAdminRoutes;
import dev.bongsu.alerting.maintenance.MaintenanceStore;
import dev.bongsu.alerting.notify.Notifiers;
import dev.bongsu.alerting.outbox.Outbox;
import dev.bongsu.alerting.outbox.OutboxDatabase;
import dev.bongsu.alerting.silence.Silences;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.config.BongsuConfig;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The alerting parts wired together for the app: deploy {@link #verticle()}, mount {@link #adminRoutes()}, and
 * pause or resume {@link #outbox()} for the cluster lease.
 */
public final class Alerting {
    private volatile Notifiers notifiers;
    private Vertx vertx;
    private Clock clock;
    private final Outbox outbox;
    private final Silences silences;
    private final AlertingVerticle verticle;
    private final AlertingAdminRoutes adminRoutes;
    private final MaintenanceStore maintenance;
    private final MaintenanceAdminRoutes maintenanceRoutes;
    private AckStore acks;
    private AckRoutes ackRoutes;

    private Alerting(Notifiers notifiers, Outbox outbox, Silences silences, AlertingVerticle verticle, AlertingAdminRoutes adminRoutes,
                     MaintenanceStore maintenance, MaintenanceAdminRoutes maintenanceRoutes) {
        this.maintenance = maintenance;
        this.maintenanceRoutes = maintenanceRoutes;
        this.notifiers = notifiers;
        this.outbox = outbox;
        this.silences = silences;
        this.verticle = verticle;
        this.adminRoutes = adminRoutes;
    }

    /**
     * Builds the parts: outbox.db and maintenance.db under {@code storage.dir}, one notifier per receiver, the outbox, silences, the
     * verticle and the admin routes. Nothing is opened until the verticle is deployed.
     *
     * @param nodeId    this process's name in notification events, e.g. {@code host:pid}
     * @param incidents the incident store, whose open incidents keep their reminders across a restart
     */
    public static Alerting create(Vertx vertx, BongsuConfig cfg, Clock clock, String nodeId, IncidentReader incidents) {
        OutboxDatabase db = new OutboxDatabase(vertx, cfg.storage().dir().resolve("outbox.db"));
        Notifiers notifiers = Notifiers.create(vertx, cfg.alerting(), cfg.smtp(), clock);
        Outbox outbox = new Outbox(vertx, db, notifiers, cfg.alerting().outbox(), clock, nodeId);
        Silences silences = new Silences(db, clock);
        MaintenanceStore maintenance = new MaintenanceStore(vertx, cfg.storage().dir().resolve("maintenance.db"), cfg.alerting().maintenance());
        AckStore acks = new AckStore(vertx, cfg.storage().dir().resolve("acks.db"), cfg.alerting().ack().secret());
        AlertingVerticle verticle = new AlertingVerticle(cfg, db, outbox, silences, maintenance, acks, nodeId, incidents, clock);
        AlertingAdminRoutes routes = new AlertingAdminRoutes(outbox, silences, notifiers, clock, cfg.http().publicUrl());
        Alerting alerting = new Alerting(notifiers, outbox, silences, verticle, routes, maintenance,
                new MaintenanceAdminRoutes(maintenance, cfg.services(), clock));
        alerting.acks = acks;
        alerting.vertx = vertx;
        alerting.clock = clock;
        alerting.ackRoutes = new AckRoutes(new Acknowledger(acks, incidents, clock), incidents,
                () -> acks.isOpen() ? new AckLinks(acks.linkKey(), cfg.pageUrl(), cfg.alerting().ack().linkValidity()) : null, clock);
        return alerting;
    }

    /**
     * The acknowledgements (acks.db, opened with the verticle): the incident pages read them through
     * {@link dev.bongsu.model.AckReader}, and they are replicated between the servers of a cluster.
     */
    public AckStore acks() {
        return acks;
    }

    /**
     * The acknowledgement routes to mount on the root router: the signed links ({@code /api/v1/ack/:id}, public) and
     * the admin API ({@code /api/v1/admin/incidents/:id/ack}, {@code /api/v1/admin/acks}).
     */
    public AckRoutes ackRoutes() {
        return ackRoutes;
    }

    /** The verticle to deploy (opens outbox.db, starts delivery). */
    public AlertingVerticle verticle() {
        return verticle;
    }

    /** The admin routes to mount on the root router. */
    public AlertingAdminRoutes adminRoutes() {
        return adminRoutes;
    }

    /** The outbox, to pause and resume delivery. */
    public Outbox outbox() {
        return outbox;
    }

    /** The silences, to replicate between the servers of a cluster (loaded once the verticle is deployed). */
    public Silences silences() {
        return silences;
    }

    /**
     * The scheduled maintenance (YAML and admin API; loaded once the verticle is deployed): the status page reads it,
     * and it is replicated between the servers of a cluster.
     */
    public MaintenanceStore maintenance() {
        return maintenance;
    }

    /** The maintenance admin routes ({@code /api/v1/admin/maintenance}) to mount on the root router. */
    public MaintenanceAdminRoutes maintenanceRoutes() {
        return maintenanceRoutes;
    }

    /**
     * Swaps in a reloaded configuration: receivers (new notifiers), routes, default receivers, grouping settings,
     * services and YAML maintenance windows, in one step on the verticle's context; maintenance and silences made
     * through the admin API are kept (silences exist only there). The outbox and what it holds are kept;
     * notifications queued for a receiver that no longer exists are dead-lettered ("receiver removed by reload").
     * The old notifiers are closed once an attempt started with them has surely ended. Not reloaded: the outbox
     * settings and {@code storage} (restart to change them).
     */
    public io.vertx.core.Future<Void> reconfigure(BongsuConfig next) {
        Notifiers fresh;
        try {
            fresh = Notifiers.create(vertx, next.alerting(), next.smtp(), clock);
        } catch (RuntimeException e) {
            return io.vertx.core.Future.failedFuture("alerting: cannot build the receivers of the new configuration: " + e.getMessage());
        }
        Notifiers old = notifiers;
        return verticle.reconfigure(next, fresh)
                .onFailure(e -> fresh.close())
                .onSuccess(v -> {
                    notifiers = fresh;
                    adminRoutes.useNotifiers(fresh);
                    vertx.setTimer(old.longestTimeout().plusSeconds(5).toMillis(), id -> old.close());
                    java.util.logging.Logger.getLogger(Alerting.class.getName()).info("alerting: configuration reloaded; receivers "
                            + String.join(", ", fresh.names()));
                });
    }

    /** Releases the HTTP client; call after undeploying the verticle. */
    public void close() {
        notifiers.close();
    }
}
