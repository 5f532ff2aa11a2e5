package dev.bongsu.app;

import dev.bongsu.app.reload.ConfigFile;
import dev.bongsu.app.reload.ConfigReloader;
import dev.bongsu.app.reload.LoadedConfig;
import dev.bongsu.app.reload.ReloadRoutes;
import dev.bongsu.app.reload.Reloading;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bongsu run}: every part in one process for a real configuration, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run Bongsu in one process for a configuration: probes for every configured vantage, the aggregator, "
                    + "detector, alerting, the status page and /metrics.",
            "The configuration is validated first; an invalid one exits with status 2 before anything starts."
        })
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger("run");

    @Mixin
    private ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        ConfigFile file = options.file();
        LoadedConfig loaded = file.load();
        BongsuConfig cfg = loaded.config();
        Vertx vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        BongsuConfig running = cfg;
        ServerParts server;
        ProbeParts probes;
        try {
            server = ServerParts.start(vertx, running, Clock.systemUTC()).await();
            probes = ProbeParts.start(vertx, running, running.vantageNames())
                    .recover(e -> server.close().transform(v -> Future.failedFuture(e))).await();
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
        List<ConfigReloader.Step> steps = new ArrayList<>(server.reloadSteps());
        steps.add(new ConfigReloader.Step("probes", next -> {
            next.vantageNames().forEach(vantage -> probes.vantage(vantage).assign(next.checks()));
            return Future.succeededFuture();
        }));
        ConfigReloader reloader = Reloading.start(vertx, file, loaded, steps);
        new ReloadRoutes(reloader).mount(server.http().router());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                probes.close().transform(v -> server.close()).transform(v -> vertx.close())
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The JVM is exiting anyway.
            }
        }, "bongsu-run-shutdown"));
        LOG.info("run: " + running.services().size() + " services, " + running.checks().size() + " checks from "
                + String.join(", ", running.vantageNames()) + "; status page on http://" + running.http().host() + ":"
                + server.http().actualPort() + "/; configuration " + loaded.hash() + " from " + file.path()
                + " (reload: SIGHUP, POST /api/v1/admin/reload" + (cfg.ops().reload().watch() ? ", watching the file)" : ")"));
        new CountDownLatch(1).await();
        return 0;
    }
}
