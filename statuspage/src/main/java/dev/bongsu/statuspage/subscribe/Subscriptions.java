package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.SubscriptionsConfig;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.web.SecurityHeaders;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Public subscriptions as one part of the status site: the subscriber store ({@code subscribers.db} in the storage
 * directory), the public subscribe / confirm / unsubscribe routes and the admin routes of subscribers.
 * {@link #start()} opens the store and purges expired pending rows hourly; {@link #directory()} is what the delivery
 * side reads.
 */
public final class Subscriptions {
    /** The file name of the store, next to {@code updates.db}. */
    public static final String FILE = "subscribers.db";
    /** A sender for when no delivery is configured: every confirmation request fails, so answers say it was not sent. */
    public static final ConfirmationSender NOT_CONFIGURED = (s, confirm, unsubscribe) ->
            Future.failedFuture("no SMTP server or webhook delivery is configured for subscriptions");
    /** The largest form or JSON body of a subscription request, in bytes. */
    static final long BODY_LIMIT = 16 * 1024;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final int MAX_TRACKED_CLIENTS = 100_000;
    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

    private final Vertx vertx;
    private final SubscriberStore store;
    private final Clock clock;
    private final SubscribeHandlers publicHandlers;
    private final SubscriberAdminHandlers admin;
    private final SubscriptionLinks links;
    private final SecurityHeaders security = new SecurityHeaders();
    private long purgeTimer = -1;
    private volatile BongsuConfig current;

    /** Subscriptions of {@code cfg} with the store in {@code cfg.storage().dir()}, asking for confirmation through {@code sender}. */
    public static Subscriptions create(Vertx vertx, BongsuConfig cfg, ConfirmationSender sender, Clock clock) {
        return new Subscriptions(vertx, cfg, store(vertx, cfg, cfg.storage().dir().resolve(FILE)), sender, clock);
    }

    /** A store in {@code file} with the limits of {@code cfg} (not open yet). */
    public static SubscriberStore store(Vertx vertx, BongsuConfig cfg, Path file) {
        SubscriptionsConfig s = cfg.statusPage().subscriptions();
        return new SubscriberStore(vertx, file, s.confirmWithin(), s.maxPending());
    }

    /** Subscriptions over an existing (not yet open) store. */
    public Subscriptions(Vertx vertx, BongsuConfig cfg, SubscriberStore store, ConfirmationSender sender, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.current = cfg;
        // links follow statusPage.publicUrl across reloads
        this.links = new SubscriptionLinks(() -> current.pageUrl());
        SubscriptionsConfig s = cfg.statusPage().subscriptions();
        SubscriptionFlow flow = new SubscriptionFlow(store, sender, links,
                new ClientRequestLimit(s.pendingPerClientPerHour(), MAX_TRACKED_CLIENTS), clock);
        this.publicHandlers = new SubscribeHandlers(cfg, store, flow, clock);
        this.admin = new SubscriberAdminHandlers(store);
    }

    /**
     * Takes a reloaded configuration for the public pages (title, services, providers and categories one may choose,
     * whether subscribing is on). The links sent from now on use the new public address; the store's limits and the per-client cap stay
     * until a restart.
     */
    public void reconfigure(BongsuConfig next) {
        current = next;
        publicHandlers.reconfigure(next);
    }

    /** The subscribers as the delivery side reads them. */
    public SubscriberDirectory directory() {
        return store;
    }

    /** The store. */
    public SubscriberStore store() {
        return store;
    }

    /** The links sent to subscribers. */
    public SubscriptionLinks links() {
        return links;
    }

    /** Opens the store, purges expired pending subscriptions, and again every hour. */
    public Future<Void> start() {
        return store.open().compose(v -> purge()).onSuccess(v ->
                purgeTimer = vertx.setPeriodic(PURGE_EVERY.toMillis(), id -> purge()));
    }

    /** Stops purging and closes the store. */
    public Future<Void> stop() {
        if (purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
        return store.close();
    }

    /** Adds the public and admin routes (the app installs the bearer token on {@code /api/v1/admin/*}). */
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        route(router.get("/subscribe"), publicHandlers::form);
        route(router.post("/subscribe").handler(body), publicHandlers::submitForm);
        route(router.post("/api/v1/subscriptions").handler(body), publicHandlers::submitJson);
        route(router.get(SubscriptionLinks.CONFIRM_PATH), publicHandlers::confirmPage);
        route(router.post(SubscriptionLinks.CONFIRM_PATH).handler(body), publicHandlers::confirm);
        route(router.get(SubscriptionLinks.UNSUBSCRIBE_PATH), publicHandlers::unsubscribePage);
        route(router.post(SubscriptionLinks.UNSUBSCRIBE_PATH).handler(body), publicHandlers::unsubscribe);
        route(router.get("/api/v1/admin/subscribers"), admin::list);
        route(router.get("/api/v1/admin/subscribers.csv"), admin::list);
        route(router.delete("/api/v1/admin/subscribers"), admin::deleteAddress);
        route(router.get("/api/v1/admin/subscribers/:id"), admin::one);
        route(router.delete("/api/v1/admin/subscribers/:id"), admin::delete);
    }

    private void route(io.vertx.ext.web.Route r, Handler<RoutingContext> h) {
        r.handler(security).handler(h).failureHandler(Subscriptions::failed);
    }

    private Future<Void> purge() {
        return store.purgeExpired(clock.instant()).onSuccess(n -> {
            if (n > 0) {
                LOG.info("subscriptions: " + n + " pending subscriptions expired unconfirmed and were deleted");
            }
        }).onFailure(e -> LOG.warning("subscriptions: expired pending subscriptions could not be purged: " + e)).<Void>mapEmpty().otherwiseEmpty();
    }

    private static void failed(RoutingContext ctx) {
        int code = ctx.statusCode();
        if (code == 413) {
            ApiErrors.send(ctx, 413, "request body larger than " + BODY_LIMIT + " bytes");
        } else if (code >= 400 && code < 500) {
            ApiErrors.send(ctx, code, "bad request: malformed request");
        } else {
            LOG.warning("subscriptions: " + ctx.request().method() + " " + ctx.request().path() + " failed: " + ctx.failure());
            ApiErrors.send(ctx, 503, "temporarily unavailable, try again shortly");
        }
    }
}
