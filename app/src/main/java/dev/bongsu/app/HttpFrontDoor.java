package dev.bongsu.app;

import dev.bongsu.app.web.ConnectionBudget;
import dev.bongsu.app.web.ConnectionGuard;
import dev.bongsu.app.web.DescriptorLimit;
import dev.bongsu.app.web.FrontDoorLog;
import dev.bongsu.app.web.RequestScreen;
import dev.bongsu.model.config.ConnectionLimits;
import dev.bongsu.model.config.HttpConfig;
import dev.bongsu.model.config.MetricsConfig;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.model.web.BearerTokenHandler;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.BindException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Bongsu's one public HTTP server: the root router with the body limit and the admin token in front, the parts'
 * routes mounted behind them, and a JSON 404/500 for everything else; every connection within the caps and deadlines
 * of {@code http:} ({@link ConnectionGuard}), every request screened first ({@link RequestScreen}). {@code /metrics}
 * gets a listener of its own when {@code metrics.port} is set, else it is served here behind the admin token.
 */
final class HttpFrontDoor {
    /** Largest request body accepted on the API, in bytes. */
    static final long BODY_LIMIT = 64 * 1024;
    /** Backstop for a connection on which nothing at all moves (a stalled response): Vert.x's idle timeout. */
    private static final int STALL_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger("http");

    private final Vertx vertx;
    private final String adminToken;
    private final Router router;
    private volatile int actualPort = -1;
    private String deploymentId;
    private ConnectionBudget budget;
    private FrontDoorLog doorLog;
    private Consumer<Router> metrics;
    private HttpServer metricsServer;

    HttpFrontDoor(Vertx vertx, String adminToken) {
        this.vertx = vertx;
        this.adminToken = adminToken;
        this.router = Router.router(vertx);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        // Vert.x refuses to decode a form body on a GET (an IllegalStateException, so a 500): no route reads one
        router.route("/api/*").handler(ctx -> {
            if (formOnMethodWithoutBody(ctx.request())) {
                ctx.next();
            } else {
                bodies.handle(ctx);
            }
        });
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(adminToken));
        router.get("/healthz").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end("{\"status\":\"ok\"}"));
    }

    /** Lets a part add its routes. */
    HttpFrontDoor mount(Consumer<Router> part) {
        part.accept(router);
        return this;
    }

    /** Serves {@code /metrics} (mounted by {@code metricsRoutes}) where {@code http.metrics} says, once listening. */
    HttpFrontDoor metrics(Consumer<Router> metricsRoutes) {
        this.metrics = metricsRoutes;
        return this;
    }

    /** The root router (for parts mounted late, such as cluster admin routes). */
    Router router() {
        return router;
    }

    /** Adds the catch-all answers and starts listening; a port in use fails with a {@link UserException}. */
    Future<HttpFrontDoor> listen(HttpConfig http) {
        Future<Void> metricsReady = metrics == null ? Future.succeededFuture() : serveMetrics(http.metrics());
        router.route("/api/*").last().handler(ctx -> ApiErrors.send(ctx, 404, "no such API path: " + ctx.request().path()));
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
            ApiErrors.send(ctx, status, status == 413 ? "request body larger than " + BODY_LIMIT + " bytes"
                    : status == 500 ? "internal error" : "request failed");
        });
        ConnectionLimits limits = http.limits();
        long openAtStart = DescriptorLimit.openNow();
        int cap = limits.automaticCap() ? DescriptorLimit.defaultCap(DescriptorLimit.processLimit(), openAtStart) : limits.maxConnections();
        budget = new ConnectionBudget(cap, limits.maxConnectionsPerClient());
        doorLog = new FrontDoorLog(budget, limits.requestHeadTimeout(), Duration.ofMinutes(1));
        LOG.info("public listener limits: " + cap + " connections" + (limits.automaticCap()
                ? " (descriptor limit " + DescriptorLimit.processLimit().stream().mapToObj(Long::toString).findFirst().orElse("unknown")
                + " less " + openAtStart + " open now and a reserve)" : "") + ", " + (limits.maxConnectionsPerClient() == 0 ? "no cap" : limits.maxConnectionsPerClient())
                + " per client, request head within " + limits.requestHeadTimeout().toMillis() + "ms, idle keep-alive "
                + limits.keepAliveTimeout().toMillis() + "ms");
        HttpServerOptions options = serverOptions().setHost(http.host()).setPort(http.port());
        // One server per core, each on its own event loop, sharing the port: a flash crowd uses every core.
        // Port 0 (tests) stays a single server so that its one random port is known.
        int instances = http.port() == 0 ? 1 : Runtime.getRuntime().availableProcessors();
        return metricsReady
                .compose(v -> vertx.deployVerticle(() -> new Listener(options, limits), new DeploymentOptions().setInstances(instances)))
                .recover(e -> close().transform(ignored -> Future.failedFuture(!(e instanceof UserException) && portInUse(e)
                        ? new UserException("cannot listen on " + http.host() + ":" + http.port()
                                + ": the port is in use; pass --http-port N or set http.port", 1) : e)))
                .map(id -> {
                    deploymentId = id;
                    return this;
                });
    }

    private Future<Void> serveMetrics(MetricsConfig where) {
        if (!where.ownListener()) {
            router.get("/metrics").handler(new BearerTokenHandler(adminToken,
                    "/metrics is not public: set metrics.port to serve it on a listener of its own, or admin.token to scrape it here with that token"));
            metrics.accept(router);
            return Future.succeededFuture();
        }
        Router metricsRouter = Router.router(vertx);
        metrics.accept(metricsRouter);
        return vertx.createHttpServer(serverOptions().setHost(where.host()).setPort(where.port()))
                .requestHandler(metricsRouter)
                .listen()
                .recover(e -> Future.failedFuture(portInUse(e) ? new UserException("cannot listen on " + where.host() + ":" + where.port()
                        + " for /metrics: the port is in use; set metrics.port", 1) : e))
                .map(server -> {
                    metricsServer = server;
                    return null;
                });
    }

    private static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                .setCompressionSupported(true)
                .setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout(STALL_SECONDS);
    }

    /** A form or multipart content type on a method Vert.x decodes no form body for (GET, HEAD, OPTIONS, …). */
    private static boolean formOnMethodWithoutBody(io.vertx.core.http.HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        io.vertx.core.http.HttpMethod m = request.method();
        boolean form = type != null && (type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
                || type.regionMatches(true, 0, "multipart/", 0, 10));
        return form && !(m == io.vertx.core.http.HttpMethod.POST || m == io.vertx.core.http.HttpMethod.PUT
                || m == io.vertx.core.http.HttpMethod.PATCH || m == io.vertx.core.http.HttpMethod.DELETE);
    }

    private static boolean portInUse(Throwable e) {
        return e instanceof BindException || String.valueOf(e.getMessage()).contains("in use");
    }

    /** The port actually listened on (useful with port 0). */
    int actualPort() {
        return actualPort;
    }

    /** The port {@code /metrics} is served on: its own listener's, or the public one's. */
    int metricsPort() {
        return metricsServer != null ? metricsServer.actualPort() : actualPort;
    }

    /** The connection accounting of the public listener (after {@link #listen}). */
    ConnectionBudget connections() {
        return budget;
    }

    Future<Void> close() {
        Future<Void> metricsClosed = metricsServer == null ? Future.succeededFuture() : metricsServer.close();
        return metricsClosed.transform(v -> deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId));
    }

    /** One HTTP server on its own event loop, serving the shared router within the shared connection budget. */
    private final class Listener extends VerticleBase {
        private final HttpServerOptions options;
        private final ConnectionLimits limits;
        private ConnectionGuard guard;

        Listener(HttpServerOptions options, ConnectionLimits limits) {
            this.options = options;
            this.limits = limits;
        }

        @Override
        public Future<?> start() {
            guard = new ConnectionGuard(vertx, budget, limits, doorLog, System::nanoTime);
            guard.start();
            return vertx.createHttpServer(options)
                    .connectionHandler(guard::onConnection)
                    // Set only so that Vert.x hands requests of unknown HTTP versions to the screen (505) instead of
                    // answering 501 itself; nothing here speaks WebSocket.
                    .webSocketHandshakeHandler(handshake -> handshake.reject(400))
                    .requestHandler(new RequestScreen(guard, router, doorLog, System::nanoTime))
                    .listen()
                    .onSuccess(s -> actualPort = s.actualPort());
        }

        @Override
        public Future<?> stop() {
            guard.stop();
            return Future.succeededFuture();
        }
    }
}
