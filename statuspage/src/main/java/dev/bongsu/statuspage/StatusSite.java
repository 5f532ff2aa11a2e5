package dev.bongsu.statuspage;

import dev.bongsu.model.AckReader;
import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.maintenance.MaintenanceReader;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.data.HistorySnapshot;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.data.SiteState;
import dev.bongsu.statuspage.declared.DeclaredHandler;
import dev.bongsu.statuspage.declared.OperatorIncidents;
import dev.bongsu.statuspage.declared.PostmortemHandler;
import dev.bongsu.statuspage.declared.WithDeclaredIncidents;
import dev.bongsu.statuspage.embed.EmbedHandler;
import dev.bongsu.statuspage.embed.EmbedStyle;
import dev.bongsu.statuspage.incident.IncidentHandlers;
import dev.bongsu.statuspage.maintenance.MaintenanceAnnouncer;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.reports.ReportService;
import dev.bongsu.statuspage.reports.ReportsHandler;
import dev.bongsu.statuspage.snapshot.SnapshotSet;
import dev.bongsu.statuspage.subscribe.PublicAnnouncements;
import dev.bongsu.statuspage.subscribe.Subscriptions;
import dev.bongsu.statuspage.updates.UpdatesHandler;
import dev.bongsu.statuspage.updates.UpdatesStore;
import dev.bongsu.statuspage.vantagemap.VantagesApi;
import dev.bongsu.statuspage.web.SecurityHeaders;
import dev.bongsu.statuspage.web.SiteHandlers;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The public status site and API: {@link #start()} opens the updates store and builds the first snapshots,
 * {@link #mount(Router)} adds the routes to the app's router.
 *
 * <p>The configuration lives in one holder that every part reads when it works (a build, an admin request, a maintenance
 * tick); {@link #reconfigure} swaps it and rebuilds, so every page and API moves to the new configuration together
 * with the next build. The stores ({@code updates.db}, {@code operator.db}, subscribers) stay open throughout.
 */
public final class StatusSite {
    private static final Logger LOG = Logger.getLogger(StatusSite.class.getName());

    private final Vertx vertx;
    private final AtomicReference<BongsuConfig> config;
    private final LiveStatus live;
    private final IncidentReader incidents;
    private final UpdatesStore updates;
    private final Clock clock;
    private final AtomicReference<SiteState> state;
    private final SnapshotBuilder builder;
    private final SiteHandlers handlers;
    private final SecurityHeaders security = new SecurityHeaders();
    /** The widget alone may be framed, by any site. */
    private final SecurityHeaders framable = SecurityHeaders.embeddable(EmbedStyle.CSP_SOURCE, "*");
    private final ReportService reports;
    /** Set once the builder runs. */
    private volatile String deploymentId;
    private Subscriptions subscriptions;
    private MaintenanceAnnouncer announcer;
    private final OperatorIncidents operator;
    private final IncidentHandlers incidentHandlers;
    private final DeclaredHandler declaredHandler;
    private final PostmortemHandler postmortems;

    /** A site with the system clock and default rebuild settings. */
    public StatusSite(Vertx vertx, BongsuConfig config, LiveStatus live, IncidentReader incidents, HistoryReader history,
                      UpdatesStore updates) {
        this(vertx, config, live, incidents, history, updates, Clock.systemUTC(), SiteSettings.defaults());
    }

    /** A site with its own clock and rebuild settings. */
    public StatusSite(Vertx vertx, BongsuConfig config, LiveStatus live, IncidentReader incidents, HistoryReader history,
                      UpdatesStore updates, Clock clock, SiteSettings settings) {
        this.vertx = vertx;
        this.config = new AtomicReference<>(config);
        this.live = live;
        // declared incidents are read wherever detected ones are: pages, feeds, APIs, updates
        this.operator = new OperatorIncidents(vertx, config.storage().dir().resolve("operator.db"));
        IncidentReader withDeclared = new WithDeclaredIncidents(incidents, operator);
        this.incidents = withDeclared;
        this.updates = updates;
        this.clock = clock;
        SiteData empty = SiteData.of(config, clock.instant(), Map.of(), List.of(), Map.of(), HistorySnapshot.empty(clock.instant()));
        this.state = new AtomicReference<>(new SiteState(empty, SnapshotSet.empty()));
        this.builder = new SnapshotBuilder(this.config::get, live, withDeclared, history, updates, clock, settings, state);
        this.builder.operatorNotes(operator);
        this.handlers = new SiteHandlers(state, withDeclared, history, updates);
        this.incidentHandlers = new IncidentHandlers(state, withDeclared, updates, history);
        this.declaredHandler = new DeclaredHandler(this.config::get, operator, updates, () -> new PublicView(this.config.get(), operator), clock,
                builder::poke);
        this.postmortems = new PostmortemHandler(operator, withDeclared, clock, builder::poke);
        this.reports = new ReportService(history, withDeclared, clock);
    }

    /**
     * Shows the scheduled maintenance of {@code reader} (page, feeds, v2, the "maintenance" state of its services) and
     * tells subscribers about it through {@code announcements}; call before {@link #start()}.
     */
    public StatusSite maintenance(MaintenanceReader reader, PublicAnnouncements announcements) {
        builder.maintenance(reader);
        // a change before the builder runs is read by its first build; poke() drops it safely
        reader.onChange(builder::poke);
        announcer = new MaintenanceAnnouncer(vertx, reader, () -> config.get().services(), announcements, clock, builder::poke);
        return this;
    }

    /**
     * Where acknowledgements are read: an acknowledged incident's public timeline says when the on-call team took it
     * (never who); call before {@link #start()}. None until set.
     */
    public StatusSite acknowledgements(AckReader reader) {
        builder.acknowledgements(reader);
        return this;
    }

    /** Tells the site that an incident was just acknowledged, so that its pages show it with the next build; any thread. */
    public void acknowledged(String incidentId) {
        builder.poke();
    }

    /** The maintenance announcer, to tick it at once in tests with a manual clock; {@code null} without maintenance. */
    public MaintenanceAnnouncer maintenanceAnnouncer() {
        return announcer;
    }

    /** Adds public subscriptions (their store, routes and admin routes), started, stopped and mounted with the site; call before {@link #start()}. */
    public StatusSite withSubscriptions(Subscriptions subs) {
        this.subscriptions = subs;
        return this;
    }

    /** The operator's declared incidents and postmortems ({@code operator.db}), to replicate between servers. */
    public OperatorIncidents operatorIncidents() {
        return operator;
    }

    /** Where subscribers are told when the operator declares, changes or resolves an incident; call before {@link #start()}. */
    public StatusSite operatorAnnouncements(PublicAnnouncements announcements) {
        declaredHandler.announcements(announcements);
        return this;
    }

    /** Opens the updates store, starts listening for state changes and builds the first snapshots. */
    public Future<Void> start() {
        return updates.open()
                .compose(x -> operator.open())
                .onSuccess(x -> operator.onChange(builder::poke))
                .compose(x -> subscriptions == null ? Future.<Void>succeededFuture() : subscriptions.start())
                .compose(x -> vertx.deployVerticle(builder))
                .onSuccess(id -> {
                    deploymentId = id;
                    if (announcer != null) {
                        announcer.start();
                    }
                    LOG.info("status page ready: " + config.get().services().size() + " services, " + state.get().snapshots().byKey().size()
                            + " pre-rendered answers");
                })
                .mapEmpty();
    }

    /**
     * Swaps in a reloaded configuration (services, names, status-page settings) and rebuilds the pages; stores and
     * subscribers are kept. Completes once the new pages are served.
     */
    public Future<Void> reconfigure(BongsuConfig next) {
        BongsuConfig before = config.getAndSet(next);
        if (!before.storage().dir().equals(next.storage().dir())) {
            LOG.warning("status page: storage.dir changed to " + next.storage().dir() + "; the stores stay in " + before.storage().dir()
                    + " until a restart");
        }
        if (subscriptions != null) {
            subscriptions.reconfigure(next);
        }
        return builder.rebuildNow().onSuccess(x -> LOG.info("status page reconfigured: " + next.services().size() + " services ("
                + serviceChanges(before, next) + ")"));
    }

    /** "added [a], removed [b]" for the log line of a reload. */
    private static String serviceChanges(BongsuConfig before, BongsuConfig next) {
        List<String> was = before.services().stream().map(s -> s.id()).toList();
        List<String> now = next.services().stream().map(s -> s.id()).toList();
        return "added " + now.stream().filter(id -> !was.contains(id)).toList() + ", removed " + was.stream().filter(id -> !now.contains(id)).toList();
    }

    /** Stops rebuilding and closes the updates store. */
    public Future<Void> stop() {
        if (announcer != null) {
            announcer.stop();
        }
        Future<Void> undeploy = deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
        return undeploy.compose(x -> updates.close())
                .eventually(operator::close)
                .eventually(() -> subscriptions == null ? Future.<Void>succeededFuture() : subscriptions.stop());
    }

    /**
     * Adds every status-page route to the app's router. The app must already have installed a BodyHandler on
     * {@code /api/*} and the BearerTokenHandler on {@code /api/v1/admin/*}.
     */
    public void mount(Router router) {
        if (subscriptions != null) {
            subscriptions.mount(router);
        }
        get(router, "/", handlers::home);
        get(router, "/api/v1/status", handlers::status);
        get(router, "/api/v1/status.csv", handlers::status);
        get(router, "/assets/status.css", ctx -> handlers.snapshot(ctx, "/assets/status.css", false));
        get(router, "/services/:id", handlers::service);
        get(router, "/incidents/:id", incidentHandlers::page);
        get(router, "/history", handlers::historyPage);
        get(router, "/feed.atom", ctx -> handlers.snapshot(ctx, "/feed.atom", false));
        EmbedHandler embed = new EmbedHandler(state::get);
        get(router, "/badge/overall.svg", embed::overallBadge);
        get(router, "/badge/provider/:file", embed::providerBadge);
        get(router, "/badge/:file", handlers::badge);
        for (String path : List.of("/embed", "/embed/services/:id")) {
            Handler<RoutingContext> h = path.equals("/embed") ? embed::overall : embed::service;
            router.get(path).handler(framable).handler(h).failureHandler(StatusSite::failed);
            router.head(path).handler(framable).handler(h).failureHandler(StatusSite::failed);
        }
        ReportsHandler report = new ReportsHandler(reports, () -> state.get().data());
        get(router, "/api/v1/reports", report::handle);
        get(router, "/api/v1/reports.csv", report::handle);
        get(router, "/api/v1/services", ctx -> handlers.snapshot(ctx, "/api/v1/services", true));
        get(router, "/api/v1/services.csv", ctx -> handlers.snapshot(ctx, "/api/v1/services", true));
        get(router, "/api/v1/services/:id/history", handlers::historyApi);
        get(router, "/api/v1/services/:id/vantages", new VantagesApi(() -> state.get().data())::handle);
        get(router, "/api/v1/services/:id/history.csv", handlers::historyApi);
        get(router, "/api/v1/incidents", handlers::incidentsApi);
        get(router, "/api/v1/incidents.csv", handlers::incidentsApi);
        get(router, "/api/v1/incidents/:id", incidentHandlers::api);
        for (String v2 : List.of("summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json")) {
            get(router, "/api/v2/" + v2, ctx -> handlers.snapshot(ctx, "/api/v2/" + v2, false));
        }
        get(router, "/maintenance/:id", ctx -> handlers.page(ctx, "/maintenance/" + ctx.pathParam("id")));
        get(router, "/api/v1/maintenance", ctx -> handlers.snapshot(ctx, "/api/v1/maintenance", false));
        for (String v2 : List.of("scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json")) {
            get(router, "/api/v2/" + v2, ctx -> handlers.snapshot(ctx, "/api/v2/" + v2, false));
        }
        // only what the last build shows, or what the store says is not a probe fault, takes updates
        UpdatesHandler admin = new UpdatesHandler(updates, incidents, id -> state.get().data().incident(id).isPresent(), clock, builder::poke);
        String one = "/api/v1/admin/incidents/:id/updates/:updateId";
        router.post("/api/v1/admin/incidents/:id/updates").handler(security).handler(admin::create).failureHandler(StatusSite::failed);
        router.put(one).handler(security).handler(admin::edit).failureHandler(StatusSite::failed);
        router.patch(one).handler(security).handler(admin::edit).failureHandler(StatusSite::failed);
        router.delete(one).handler(security).handler(admin::delete).failureHandler(StatusSite::failed);
        router.post("/api/v1/admin/incidents").handler(security).handler(declaredHandler::open).failureHandler(StatusSite::failed);
        router.patch("/api/v1/admin/incidents/:id").handler(security).handler(declaredHandler::change).failureHandler(StatusSite::failed);
        router.post("/api/v1/admin/incidents/:id/resolve").handler(security).handler(declaredHandler::resolve).failureHandler(StatusSite::failed);
        router.put("/api/v1/admin/incidents/:id/postmortem").handler(security).handler(postmortems::put).failureHandler(StatusSite::failed);
        router.delete("/api/v1/admin/incidents/:id/postmortem").handler(security).handler(postmortems::delete).failureHandler(StatusSite::failed);
    }

    private void get(Router router, String path, Handler<RoutingContext> h) {
        router.get(path).handler(security).handler(h).failureHandler(StatusSite::failed);
        // monitors and caches probe with HEAD: same headers, no body
        router.head(path).handler(security).handler(h).failureHandler(StatusSite::failed);
    }

    private static void failed(RoutingContext ctx) {
        Throwable e = ctx.failure();
        int code = ctx.statusCode();
        if (e instanceof IllegalArgumentException || (code >= 400 && code < 500)) {
            ApiErrors.send(ctx, code >= 400 && code < 500 ? code : 400, "bad request: " + (code == 413 ? "body too large" : "malformed request"));
            return;
        }
        LOG.warning("status page: " + ctx.request().path() + " failed: " + e);
        ApiErrors.send(ctx, 503, "temporarily unavailable, try again shortly");
    }
}
