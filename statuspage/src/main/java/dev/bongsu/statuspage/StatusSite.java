package dev.bongsu.statuspage;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.data.HistorySnapshot;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.data.SiteState;
import dev.bongsu.statuspage.snapshot.SnapshotSet;
import dev.bongsu.statuspage.updates.UpdatesHandler;
import dev.bongsu.statuspage.updates.UpdatesStore;
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
 */
public final class StatusSite {
    private static final Logger LOG = Logger.getLogger(StatusSite.class.getName());

    private final Vertx vertx;
    private final BongsuConfig config;
    private final LiveStatus live;
    private final IncidentReader incidents;
    private final UpdatesStore updates;
    private final Clock clock;
    private final AtomicReference<SiteState> state;
    private final SnapshotBuilder builder;
    private final SiteHandlers handlers;
    private final SecurityHeaders security = new SecurityHeaders();
    private String deploymentId;

    /** A site with the system clock and default rebuild settings. */
    public StatusSite(Vertx vertx, BongsuConfig config, LiveStatus live, IncidentReader incidents, HistoryReader history,
                      UpdatesStore updates) {
        this(vertx, config, live, incidents, history, updates, Clock.systemUTC(), SiteSettings.defaults());
    }

    /** A site with its own clock and rebuild settings. */
    public StatusSite(Vertx vertx, BongsuConfig config, LiveStatus live, IncidentReader incidents, HistoryReader history,
                      UpdatesStore updates, Clock clock, SiteSettings settings) {
        this.vertx = vertx;
        this.config = config;
        this.live = live;
        this.incidents = incidents;
        this.updates = updates;
        this.clock = clock;
        SiteData empty = SiteData.of(config, clock.instant(), Map.of(), List.of(), Map.of(), HistorySnapshot.empty(clock.instant()));
        this.state = new AtomicReference<>(new SiteState(empty, SnapshotSet.empty()));
        this.builder = new SnapshotBuilder(config, live, incidents, history, updates, clock, settings, state);
        this.handlers = new SiteHandlers(state, incidents, history, updates);
    }

    /** Opens the updates store, starts listening for state changes and builds the first snapshots. */
    public Future<Void> start() {
        return updates.open()
                .compose(x -> vertx.deployVerticle(builder))
                .onSuccess(id -> {
                    deploymentId = id;
                    LOG.info("status page ready: " + config.services().size() + " services, " + state.get().snapshots().byKey().size()
                            + " pre-rendered answers");
                })
                .mapEmpty();
    }

    /** Stops rebuilding and closes the updates store. */
    public Future<Void> stop() {
        Future<Void> undeploy = deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
        return undeploy.compose(x -> updates.close());
    }

    /**
     * Adds every status-page route to the app's router. The app must already have installed a BodyHandler on
     * {@code /api/*} and the BearerTokenHandler on {@code /api/v1/admin/*}.
     */
    public void mount(Router router) {
        get(router, "/", handlers::home);
        get(router, "/api/v1/status", handlers::status);
        get(router, "/api/v1/status.csv", handlers::status);
        get(router, "/assets/status.css", ctx -> handlers.snapshot(ctx, "/assets/status.css", false));
        get(router, "/services/:id", handlers::service);
        get(router, "/incidents/:id", handlers::incident);
        get(router, "/history", handlers::historyPage);
        get(router, "/feed.atom", ctx -> handlers.snapshot(ctx, "/feed.atom", false));
        get(router, "/badge/:file", handlers::badge);
        get(router, "/api/v1/services", ctx -> handlers.snapshot(ctx, "/api/v1/services", true));
        get(router, "/api/v1/services.csv", ctx -> handlers.snapshot(ctx, "/api/v1/services", true));
        get(router, "/api/v1/services/:id/history", handlers::historyApi);
        get(router, "/api/v1/services/:id/history.csv", handlers::historyApi);
        get(router, "/api/v1/incidents", handlers::incidentsApi);
        get(router, "/api/v1/incidents.csv", handlers::incidentsApi);
        for (String v2 : List.of("summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json")) {
            get(router, "/api/v2/" + v2, ctx -> handlers.snapshot(ctx, "/api/v2/" + v2, false));
        }
        // only what the last build shows, or what the store says is not a probe fault, takes updates
        UpdatesHandler admin = new UpdatesHandler(updates, incidents, id -> state.get().data().incident(id).isPresent(), clock, builder::poke);
        String one = "/api/v1/admin/incidents/:id/updates/:updateId";
        router.post("/api/v1/admin/incidents/:id/updates").handler(security).handler(admin::create).failureHandler(StatusSite::failed);
        router.put(one).handler(security).handler(admin::edit).failureHandler(StatusSite::failed);
        router.patch(one).handler(security).handler(admin::edit).failureHandler(StatusSite::failed);
        router.delete(one).handler(security).handler(admin::delete).failureHandler(StatusSite::failed);
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
