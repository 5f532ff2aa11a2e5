package dev.bongsu.alerting;

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
    private final Notifiers notifiers;
    private final Outbox outbox;
    private final Silences silences;
    private final AlertingVerticle verticle;
    private final AlertingAdminRoutes adminRoutes;
    private final MaintenanceStore maintenance;
    private final MaintenanceAdminRoutes maintenanceRoutes;

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
        Notifiers notifiers = Notifiers.create(vertx, cfg.alerting(), clock);
        Outbox outbox = new Outbox(vertx, db, notifiers, cfg.alerting().outbox(), clock, nodeId);
        Silences silences = new Silences(db, clock);
        MaintenanceStore maintenance = new MaintenanceStore(vertx, cfg.storage().dir().resolve("maintenance.db"), cfg.alerting().maintenance());
        AlertingVerticle verticle = new AlertingVerticle(cfg, db, outbox, silences, maintenance, nodeId, incidents, clock);
        AlertingAdminRoutes routes = new AlertingAdminRoutes(outbox, silences, notifiers, clock, cfg.http().publicUrl());
        return new Alerting(notifiers, outbox, silences, verticle, routes, maintenance,
                new MaintenanceAdminRoutes(maintenance, cfg.services(), clock));
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
     * Swaps in a reloaded configuration: receivers, routes, YAML silences and YAML maintenance. The outbox and what
     * it holds are kept; notifications queued for a receiver that no longer exists are dead-lettered with a reason.
     */
    public io.vertx.core.Future<Void> reconfigure(BongsuConfig next) {
        return io.vertx.core.Future.failedFuture("reload of alerting is not built yet");
    }

    /** Releases the HTTP client; call after undeploying the verticle. */
    public void close() {
        notifiers.close();
    }
}
