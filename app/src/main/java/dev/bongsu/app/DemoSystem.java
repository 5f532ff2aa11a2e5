package dev.bongsu.app;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.ScenarioListener;
import dev.bongsu.simulator.ScenarioPlayer;
import dev.bongsu.simulator.ScenarioRun;
import dev.bongsu.simulator.Simulator;
import dev.bongsu.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole of Bongsu in one process on loopback: the simulated fleet, probes from three simulated vantages, and
 * every server part. Used by {@code bongsu demo} and by the end-to-end tests.
 */
final class DemoSystem {
    /** The simulated vantages, with their regions. */
    static final Map<String, String> VANTAGES = Map.of("seoul-kt", "kr-seoul", "busan-skb", "kr-busan", "tokyo-aws", "jp-tokyo");
    static final List<String> VANTAGE_ORDER = List.of("seoul-kt", "busan-skb", "tokyo-aws");

    /** What the demo is asked to run; {@code metricsPort} 0 picks a free port for {@code /metrics}. */
    record Options(int httpPort, Duration interval, Duration timeout, Path dataDir, List<String> webhooks, String influxUrl,
                   String adminToken, int metricsPort) {
        /** Options with {@code /metrics} on any free port. */
        Options(int httpPort, Duration interval, Duration timeout, Path dataDir, List<String> webhooks, String influxUrl,
                String adminToken) {
            this(httpPort, interval, timeout, dataDir, webhooks, influxUrl, adminToken, 0);
        }

        /** The same options on another HTTP port. */
        Options withHttpPort(int port) {
            return new Options(port, interval, timeout, dataDir, webhooks, influxUrl, adminToken, metricsPort);
        }
    }

    private final Vertx vertx;
    private final RunningFleet fleet;
    private final BongsuConfig cfg;
    private final ServerParts server;
    private final ProbeParts probes;

    private DemoSystem(Vertx vertx, RunningFleet fleet, BongsuConfig cfg, ServerParts server, ProbeParts probes) {
        this.vertx = vertx;
        this.fleet = fleet;
        this.cfg = cfg;
        this.server = server;
        this.probes = probes;
    }

    /** Starts the fleet, then the server parts, then the probes. */
    static Future<DemoSystem> start(Vertx vertx, Options requested, Clock clock) {
        Options options = requested.httpPort() == 0 ? requested.withHttpPort(FreePort.find()) : requested;
        return new Simulator(vertx, Fleet.defaultFleet(), SimulatorOptions.defaults().withBasePort(0)).start().compose(fleet -> {
            BongsuConfig cfg;
            try {
                cfg = ConfigLoader.fromSystemEnvironment().parse("demo configuration", configYaml(fleet, options));
            } catch (RuntimeException e) {
                return fleet.stop().transform(ignored -> Future.failedFuture(e));
            }
            return ServerParts.start(vertx, cfg, clock).compose(server ->
                    ProbeParts.start(vertx, cfg, cfg.vantageNames())
                            .map(probes -> new DemoSystem(vertx, fleet, cfg, server, probes))
                            .recover(e -> server.close().transform(ignored -> Future.failedFuture(e))))
                    .recover(e -> fleet.stop().transform(ignored -> Future.failedFuture(e)));
        });
    }

    /** The configuration the demo runs: the simulated fleet's services checked from three vantages. */
    static String configYaml(RunningFleet fleet, Options o) {
        return DemoConfigYaml.of(o, fleet.configYaml(o.interval(), o.timeout()));
    }

    /** Plays a scenario against the fleet, reporting each step to {@code listener}. */
    ScenarioRun play(Scenario scenario, ScenarioListener listener) {
        return new ScenarioPlayer(vertx, fleet, Clock.systemUTC()).play(scenario, listener);
    }

    RunningFleet fleet() {
        return fleet;
    }

    BongsuConfig config() {
        return cfg;
    }

    ServerParts server() {
        return server;
    }

    ProbeParts probes() {
        return probes;
    }

    /** The port the HTTP server listens on. */
    int httpPort() {
        return server.http().actualPort();
    }

    /** The port {@code /metrics} is served on. */
    int metricsPort() {
        return server.http().metricsPort();
    }

    /** Stops probes, then the server parts, then the fleet. */
    Future<Void> close() {
        return probes.close().transform(v -> server.close()).transform(v -> fleet.stop());
    }
}
