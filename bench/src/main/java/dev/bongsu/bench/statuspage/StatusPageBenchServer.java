package dev.bongsu.bench.statuspage;

import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.web.BearerTokenHandler;
import dev.bongsu.statuspage.StatusSite;
import dev.bongsu.statuspage.updates.UpdatesStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the status page on made-up data for the flash-crowd benchmark: {@code StatusPageBenchServer PORT [SERVERS [DATA_DIR]]}.
 * Mounts the site the way the app does (body and token handlers in front), on SERVERS HTTP server instances
 * sharing the port (one per event loop, default 2).
 */
public final class StatusPageBenchServer {
    private StatusPageBenchServer() {
    }

    /** Starts the server and prints {@code listening on PORT} when ready. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int servers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Vertx vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("bongsu-bench-statuspage");
        BongsuConfig cfg = BenchData.config(dir);
        BenchData data = new BenchData();
        StatusSite site = new StatusSite(vertx, cfg, data, data, data, new UpdatesStore(vertx, dir.resolve("updates.db")));
        site.start().await();
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                Router router = Router.router(vertx);
                router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
                router.route("/api/v1/admin/*").handler(new BearerTokenHandler(null));
                site.mount(router);
                return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1");
            }
        }, new DeploymentOptions().setInstances(servers)).await();
        System.out.println("listening on " + port);
    }
}
