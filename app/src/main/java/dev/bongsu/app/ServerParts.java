package dev.bongsu.app;

import dev.bongsu.aggregator.AggregatorVerticle;
import dev.bongsu.aggregator.metrics.MetricsVerticle;
import dev.bongsu.aggregator.store.TimeSeriesStore;
import dev.bongsu.aggregator.store.influx.InfluxIncidentVerticle;
import dev.bongsu.aggregator.store.influx.InfluxTimeSeriesStore;
import dev.bongsu.aggregator.store.sqlite.SqliteStoreOptions;
import dev.bongsu.aggregator.store.sqlite.SqliteTimeSeriesStore;
import dev.bongsu.alerting.Alerting;
import dev.bongsu.alerting.watchdog.WatchdogVerticle;
import dev.bongsu.app.heartbeat.PushRoute;
import dev.bongsu.app.reload.ConfigReloader.Step;
import dev.bongsu.detector.core.DetectorVerticle;
import dev.bongsu.detector.core.IncidentIds;
import dev.bongsu.detector.incident.IncidentStore;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.probes.heartbeat.HeartbeatVerticle;
import dev.bongsu.statuspage.StatusSite;
import dev.bongsu.statuspage.declared.OperatorIncidents;
import dev.bongsu.statuspage.subscribe.SubscriberStore;
import dev.bongsu.statuspage.subscribe.Subscriptions;
import dev.bongsu.statuspage.subscribe.delivery.SubscriptionDelivery;
import dev.bongsu.statuspage.updates.UpdatesStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The server side of Bongsu: the time-series store and aggregator, the detector and its incident store, alerting
 * with its outbox, the status page, Prometheus metrics and the HTTP server. Started in dependency order, stopped in
 * reverse.
 */
final class ServerParts {
    private static final Logger LOG = Logger.getLogger("server");

    private final Vertx vertx;
    private final Deque<Supplier<Future<?>>> closers = new ArrayDeque<>();
    private DetectorVerticle detector;
    private Alerting alerting;
    private UpdatesStore updates;
    private OperatorIncidents operator;
    private SubscriptionDelivery subscriptionDelivery;
    private SubscriberStore subscriberStore;
    private HttpFrontDoor http;
    private StatusSite statusSite;
    private MetricsVerticle metricsVerticle;
    private HeartbeatVerticle heartbeats;
    private PushRoute pushRoute;

    private ServerParts(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts every server part for {@code cfg}; on failure, what already started is stopped again. */
    static Future<ServerParts> start(Vertx vertx, BongsuConfig cfg, Clock clock) {
        return start(vertx, cfg, clock, null, localNodeId(), false);
    }

    /**
     * Starts every server part with a chosen incident id scheme ({@code null}: random time-sortable ids), node name
     * (shown in notification events) and, for a cluster standby, notification delivery paused from the first moment;
     * on failure, what already started is stopped again.
     */
    static Future<ServerParts> start(Vertx vertx, BongsuConfig cfg, Clock clock, IncidentIds ids, String nodeId,
                                     boolean deliveryPaused) {
        ServerParts parts = new ServerParts(vertx);
        return parts.startAll(cfg, clock, ids, nodeId, deliveryPaused)
                .map(v -> parts)
                .recover(e -> parts.close().transform(ignored -> Future.failedFuture(e)));
    }

    private Future<Void> startAll(BongsuConfig cfg, Clock clock, IncidentIds ids, String nodeId, boolean deliveryPaused) {
        return openTimeSeries(cfg, clock).compose(store -> {
            closers.push(store::close);
            return deploy(new AggregatorVerticle(store, clock))
                    .compose(v -> IncidentStore.open(vertx, cfg.storage().dir()))
                    .compose(incidents -> {
                        closers.push(() -> vertx.executeBlocking(() -> {
                            incidents.close();
                            return null;
                        }));
                        alerting = Alerting.create(vertx, cfg, clock, nodeId, incidents);
                        if (deliveryPaused) {
                            alerting.outbox().pause();
                        }
                        closers.push(() -> {
                            alerting.close();
                            return Future.succeededFuture();
                        });
                        detector = ids == null ? new DetectorVerticle(cfg, incidents, clock) : new DetectorVerticle(cfg, incidents, clock, ids);
                        updates = new UpdatesStore(vertx, cfg.storage().dir().resolve("updates.db"));
                        StatusSite site = new StatusSite(vertx, cfg, detector, incidents, store, updates);
                        // public subscriptions: the subscriber store, the delivery of their messages (its own outbox,
                        // paused with the on-call one on a cluster standby) and its confirmation requests
                        SubscriberStore subscribers = Subscriptions.store(vertx, cfg, cfg.storage().dir().resolve(Subscriptions.FILE));
                        subscriberStore = subscribers;
                        subscriptionDelivery = SubscriptionDelivery.create(vertx, cfg, subscribers, clock);
                        if (deliveryPaused) {
                            subscriptionDelivery.outbox().pause();
                        }
                        closers.push(subscriptionDelivery::close);
                        site.withSubscriptions(new Subscriptions(vertx, cfg, subscribers, subscriptionDelivery.confirmations(), clock));
                        // scheduled maintenance: one store for the alert mute and the page, announced to subscribers
                        site.maintenance(alerting.maintenance(), subscriptionDelivery.announcements());
                        // operator-declared incidents: announced to subscribers like detected ones
                        site.operatorAnnouncements(subscriptionDelivery.announcements());
                        operator = site.operatorIncidents();
                        // acknowledgements show on the incident pages (time only); a new one rebuilds them at once
                        site.acknowledgements(alerting.acks());
                        alerting.acks().onLocalChange(ack -> site.acknowledged(ack.getString("incidentId")));
                        MetricsVerticle metrics = new MetricsVerticle(cfg, detector);
                        statusSite = site;
                        metricsVerticle = metrics;
                        Future<Void> incidentAnnotations = store instanceof InfluxTimeSeriesStore influx
                                ? deploy(new InfluxIncidentVerticle(influx)) : Future.succeededFuture();
                        return incidentAnnotations
                                .compose(v -> deploy(alerting.verticle()))
                                .compose(v -> deploy(detector))
                                .compose(v -> deploy(heartbeats = new HeartbeatVerticle(cfg.checks(), clock)))
                                .compose(v -> deploy(metrics))
                                .compose(v -> site.start())
                                .compose(v -> {
                                    closers.push(site::stop);
                                    // after the site started the subscriber store: delivery reads it
                                    return deploy(subscriptionDelivery.verticle());
                                })
                                .compose(v -> {
                                    http = new HttpFrontDoor(vertx, cfg.admin().token())
                                            .mount(site::mount)
                                            .metrics(metrics::mount)
                                            .mount(alerting.adminRoutes()::mount)
                                            .mount(alerting.maintenanceRoutes()::mount)
                                            .mount(alerting.ackRoutes()::mount)
                                            .mount((pushRoute = new PushRoute(vertx.eventBus(), cfg, clock))::mount);
                                    return http.listen(cfg.http());
                                })
                                .compose(door -> {
                                    closers.push(door::close);
                                    LOG.info("status page and API on http://" + cfg.http().host() + ":" + door.actualPort() + "/, "
                                            + (cfg.http().metrics().ownListener() ? "/metrics on http://" + cfg.http().metrics().host() + ":"
                                            + door.metricsPort() + "/metrics" : "/metrics there with the admin token")
                                            + "; time series in " + (cfg.storage().usesInflux() ? "InfluxDB " + cfg.storage().influx().url()
                                            : "SQLite under " + cfg.storage().dir()));
                                    return Future.<Void>succeededFuture();
                                })
                                .compose(v -> cfg.ops().watchdog() == null ? Future.<Void>succeededFuture()
                                        : deploy(new WatchdogVerticle(cfg.ops().watchdog(), nodeId, BuildInfo.current().version(), clock)));
                    });
        });
    }

    private Future<TimeSeriesStore> openTimeSeries(BongsuConfig cfg, Clock clock) {
        if (cfg.storage().usesInflux()) {
            InfluxTimeSeriesStore influx = new InfluxTimeSeriesStore(vertx, cfg.storage(), cfg.services());
            return influx.start().map(v -> (TimeSeriesStore) influx);
        }
        return SqliteTimeSeriesStore.open(vertx, cfg.storage(), clock, SqliteStoreOptions.defaults()).map(s -> (TimeSeriesStore) s);
    }

    private Future<Void> deploy(io.vertx.core.VerticleBase verticle) {
        return vertx.deployVerticle(verticle).map(id -> {
            closers.push(() -> vertx.undeploy(id));
            return null;
        });
    }

    /** The detector's live view. */
    LiveStatus status() {
        return detector;
    }

    /** The alerting part, to pause or resume delivery (cluster lease). */
    Alerting alerting() {
        return alerting;
    }

    /** The subscription delivery, to resume it with the on-call outbox when this server takes the pager lease. */
    SubscriptionDelivery subscriptionDelivery() {
        return subscriptionDelivery;
    }

    /** The public subscribers, to replicate between the servers of a cluster. */
    SubscriberStore subscribers() {
        return subscriberStore;
    }

    /** The human incident updates, to replicate between the servers of a cluster. */
    UpdatesStore updates() {
        return updates;
    }

    /** The operator's declared incidents and postmortems, to replicate between the servers of a cluster. */
    OperatorIncidents operatorIncidents() {
        return operator;
    }

    /** The HTTP server, to read its port or mount late routes. */
    HttpFrontDoor http() {
        return http;
    }

    /** The heartbeat tracker, to reconfigure on reload. */
    HeartbeatVerticle heartbeats() {
        return heartbeats;
    }

    /** The heartbeat push endpoint, to reconfigure on reload. */
    PushRoute pushRoute() {
        return pushRoute;
    }

    /**
     * The parts a configuration reload hands the new configuration to, in order: metrics, detector, alerting, status
     * page, heartbeats (with their push endpoint).
     */
    List<Step> reloadSteps() {
        return List.of(new Step("metrics", metricsVerticle::reconfigure),
                new Step("detector", detector::reconfigure),
                new Step("alerting", alerting::reconfigure),
                new Step("status page", statusSite::reconfigure),
                new Step("heartbeats", next -> heartbeats == null ? Future.succeededFuture()
                        : heartbeats.reconfigure(next).onSuccess(v -> pushRoute.reconfigure(next))));
    }

    /** This process's name in logs and notification events: {@code host:pid}. */
    static String localNodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /** Stops every part in reverse order of start, continuing past failures. */
    Future<Void> close() {
        Future<Void> chain = Future.succeededFuture();
        while (!closers.isEmpty()) {
            Supplier<Future<?>> closer = closers.pop();
            chain = chain.transform(ignored -> closer.get().<Void>mapEmpty().otherwiseEmpty());
        }
        return chain;
    }
}
