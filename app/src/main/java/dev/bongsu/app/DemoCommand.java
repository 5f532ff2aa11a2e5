package dev.bongsu.app;

import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.Durations;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.simulator.Fleet;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bongsu demo}: the whole system on loopback against the simulated fleet, until Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Run the whole of Bongsu on loopback: a simulated fleet of kakao and naver services, probes from three "
                    + "simulated vantages every 5 s, the aggregator, detector, alerting and the status page.",
            "Prints where to look, then one line whenever a service changes state or an incident changes."
        })
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "a fault scenario to play on the default fleet: a built-in one (dc-fire, dc-outage, login-failure, "
                    + "brownout, flap, staggered-onset, …; see docs/SIMULATOR.md) or a scenario YAML file")
    private String scenario;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080",
            description = "port of the status page and API on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    private int httpPort;

    @Option(names = "--metrics-port", paramLabel = "N", defaultValue = "9464",
            description = "port of /metrics (Prometheus) on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE})")
    private int metricsPort;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "also send notifications to this generic webhook receiver (repeatable)")
    private List<String> webhooks = new ArrayList<>();

    @Option(names = "--influx", paramLabel = "URL",
            description = "write time series to this running InfluxDB 1.x (e.g. http://127.0.0.1:8086) instead of SQLite")
    private String influx;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", description = "check interval (default: ${DEFAULT-VALUE})")
    private String interval;

    @Option(names = "--data", paramLabel = "DIR",
            description = "keep the demo's databases in DIR (default: a temporary directory removed at exit)")
    private Path dataDir;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:BONGSU_ADMIN_TOKEN}",
            description = "enable the admin API with this bearer token (at least 16 characters; default: $BONGSU_ADMIN_TOKEN)")
    private String adminToken;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (httpPort < 0 || httpPort > 65535) {
            throw new UserException("--http-port: expected 0 to 65535, found " + httpPort, Main.EXIT_CONFIG);
        }
        if (metricsPort < 0 || metricsPort > 65535 || (metricsPort != 0 && metricsPort == httpPort)) {
            throw new UserException("--metrics-port: expected 0 to 65535 other than --http-port, found " + metricsPort, Main.EXIT_CONFIG);
        }
        Duration every = Durations.parse(interval);
        if (every == null || every.compareTo(Duration.ofMillis(500)) < 0) {
            throw new UserException("--interval: expected a duration of at least 500ms such as 5s, found '" + interval + "'", Main.EXIT_CONFIG);
        }
        Duration timeout = every.compareTo(Duration.ofSeconds(4)) >= 0 ? Duration.ofSeconds(2) : every.dividedBy(2);
        Scenario toPlay = scenario == null ? null : ScenarioArgument.resolve(scenario, Fleet.defaultFleet().model());
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("bongsu-demo-") : dataDir;

        PrintWriter out = spec.commandLine().getOut();
        Vertx vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        DemoSystem.Options options = new DemoSystem.Options(httpPort, every, timeout, dir, webhooks, influx,
                adminToken == null || adminToken.isEmpty() ? null : adminToken, metricsPort);
        DemoSystem demo;
        try {
            demo = DemoSystem.start(vertx, options, Clock.systemUTC()).await();
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, demo, temporary ? dir : null), "bongsu-demo-shutdown"));

        new StateChangePrinter(demo.config(), out, ZoneId.systemDefault()).start(vertx).await();
        printWelcome(out, demo, dir, temporary);
        if (toPlay != null) {
            out.printf("scenario %s: %s%n", toPlay.name(), toPlay.description());
            demo.play(toPlay, report -> {
                synchronized (out) {
                    out.println(report.line());
                    out.flush();
                }
            });
        }
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    private static void printWelcome(PrintWriter out, DemoSystem demo, Path dir, boolean temporary) {
        String base = "http://127.0.0.1:" + demo.httpPort();
        out.printf("Bongsu demo running.%n");
        out.printf("  simulated fleet  %d services of kakao and naver on 127.0.0.1 (datacenters pangyo, chuncheon)%n",
                demo.fleet().services().size());
        out.printf("  probes           every %s from %s%n", Durations.format(demo.config().checks().get(0).interval()),
                String.join(", ", DemoSystem.VANTAGE_ORDER));
        out.printf("  status page      %s/%n", base);
        out.printf("  status API       %s/api/v1/status   incidents: %s/api/v1/incidents?state=open%n", base, base);
        out.printf("  metrics          http://127.0.0.1:%d/metrics%n", demo.metricsPort());
        out.printf("  data             %s%s%n", dir, temporary ? " (removed at exit; keep it with --data DIR)" : "");
        out.printf("Press Ctrl-C to stop. Service and incident changes follow:%n");
    }

    private static void shutdown(Vertx vertx, DemoSystem demo, Path temporaryDir) {
        try {
            demo.close().transform(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // The JVM is exiting anyway.
        }
        if (temporaryDir != null) {
            deleteTree(temporaryDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: it is a temporary directory.
        }
    }
}
