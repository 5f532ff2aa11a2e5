package dev.bongsu.app;

import dev.bongsu.model.config.HttpConfig;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.model.web.BearerTokenHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.BindException;
import java.util.function.Consumer;

/**
 * Bongsu's one HTTP server: the root router with the body limit and the admin token in front, the parts' routes
 * mounted behind them, and a JSON 404/500 for everything else.
 */
final class HttpFrontDoor {
    /** Largest request body accepted on the API, in bytes. */
    static final long BODY_LIMIT = 64 * 1024;

    private final Vertx vertx;
    private final Router router;
    private volatile int actualPort = -1;
    private String deploymentId;

    HttpFrontDoor(Vertx vertx, String adminToken) {
        this.vertx = vertx;
        this.router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
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

    /** The root router (for parts mounted late, such as cluster admin routes). */
    Router router() {
        return router;
    }

    /** Adds the catch-all answers and starts listening; a port in use fails with a {@link UserException}. */
    Future<HttpFrontDoor> listen(HttpConfig http) {
        router.route("/api/*").last().handler(ctx -> ApiErrors.send(ctx, 404, "no such API path: " + ctx.request().path()));
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
            ApiErrors.send(ctx, status, status == 413 ? "request body larger than " + BODY_LIMIT + " bytes"
                    : status == 500 ? "internal error" : "request failed");
        });
        HttpServerOptions options = new HttpServerOptions()
                .setHost(http.host())
                .setPort(http.port())
                .setCompressionSupported(true)
                .setTcpNoDelay(true)
                .setIdleTimeout(60);
        // One server per core, each on its own event loop, sharing the port: a flash crowd uses every core.
        // Port 0 (tests) stays a single server so that its one random port is known.
        int instances = http.port() == 0 ? 1 : Runtime.getRuntime().availableProcessors();
        return vertx.deployVerticle(() -> new Listener(options, router), new DeploymentOptions().setInstances(instances))
                .recover(e -> Future.failedFuture(e instanceof BindException || String.valueOf(e.getMessage()).contains("in use")
                        ? new UserException("cannot listen on " + http.host() + ":" + http.port() + ": the port is in use;"
                                + " pass --http-port N or set http.port", 1)
                        : e))
                .map(id -> {
                    deploymentId = id;
                    return this;
                });
    }

    /** The port actually listened on (useful with port 0). */
    int actualPort() {
        return actualPort;
    }

    Future<Void> close() {
        return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    }

    /** One HTTP server on its own event loop, serving the shared router. */
    private final class Listener extends VerticleBase {
        private final HttpServerOptions options;
        private final Router routes;

        Listener(HttpServerOptions options, Router routes) {
            this.options = options;
            this.routes = routes;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(routes).listen().onSuccess(s -> actualPort = s.actualPort());
        }
    }
}
