package dev.bongsu.app;

import dev.bongsu.model.config.Durations;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.ScenarioPlayer;
import dev.bongsu.simulator.ServiceAddress;
import dev.bongsu.simulator.Simulator;
import dev.bongsu.simulator.SimulatorOptions;
import dev.bongsu.simulator.SimulatorStartException;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bongsu simulate}: the simulated fleet alone, with its addresses printed, until Ctrl-C. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {
            "Run the simulated fleet of provider services (kakao and naver: messenger, bank, pay, map) on loopback, "
                    + "each answering GET /health on its own port, until Ctrl-C.",
            "Optionally play a fault scenario: a built-in one (dc-fire, dc-outage, login-failure, brownout, flap, "
                    + "staggered-onset, … — the same library 'bongsu evaluate' runs) or a scenario file. A scenario on its "
                    + "own fleet runs that fleet unless --fleet is given. See docs/SIMULATOR.md."
        })
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "a built-in scenario (such as dc-fire) or a scenario YAML file")
    private String scenario;

    @Option(names = "--base-port", paramLabel = "N", defaultValue = "18101",
            description = "port of the first service, the others following one by one; 0 for any free ports (default: ${DEFAULT-VALUE})")
    private int basePort;

    @Option(names = "--print-config", paramLabel = "FILE",
            description = "write a Bongsu configuration that checks every simulated service to FILE ('-' for standard output)")
    private String printConfig;

    @Option(names = "--fleet", paramLabel = "FILE", description = "a fleet YAML file instead of the built-in fleet")
    private Path fleetFile;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s",
            description = "check interval written by --print-config (default: ${DEFAULT-VALUE})")
    private String interval;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2s",
            description = "check timeout written by --print-config (default: ${DEFAULT-VALUE})")
    private String timeout;

    @Option(names = "--no-latency", description = "answer at once instead of with a realistic latency spread (for benchmarks)")
    private boolean noLatency;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (basePort < 0 || basePort > 65535) {
            throw new UserException("--base-port: expected 0 (any free ports) or 1 to 65535, found " + basePort, Main.EXIT_CONFIG);
        }
        Duration checkInterval = duration("--interval", interval);
        Duration checkTimeout = duration("--timeout", timeout);
        if (checkTimeout.compareTo(checkInterval) > 0) {
            throw new UserException("--timeout: expected no longer than --interval (" + interval + "), found " + timeout, Main.EXIT_CONFIG);
        }
        Fleet given = fleetFile == null ? null : Fleet.load(fleetFile);
        Scenario toPlay = scenario == null ? null : ScenarioArgument.resolve(scenario, given == null ? null : given.model());
        Fleet fleet = given != null ? given : toPlay != null ? new Fleet(toPlay.fleet()) : Fleet.defaultFleet();
        SimulatorOptions options = SimulatorOptions.defaults().withBasePort(basePort);
        if (noLatency) {
            options = options.withoutLatency();
        }

        PrintWriter out = spec.commandLine().getOut();
        Vertx vertx = Vertx.vertx();
        RunningFleet running;
        try {
            running = new Simulator(vertx, fleet, options).start().await();
        } catch (SimulatorStartException e) {
            vertx.close().await();
            throw new UserException(e.getMessage() + (basePort > 0
                    ? "; is another 'bongsu simulate' running? Choose other ports with --base-port" : ""), 1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The JVM is exiting anyway; nothing is left to clean up.
            }
        }, "bongsu-simulate-shutdown"));

        if (printConfig != null) {
            writeConfig(running.configYaml(checkInterval, checkTimeout), out);
        }
        out.printf("simulated fleet: %d services%n", running.services().size());
        out.printf("  %-12s %-8s %-10s %-11s %s%n", "SERVICE", "PROVIDER", "CATEGORY", "DATACENTER", "HEALTH URL");
        for (ServiceAddress a : running.services()) {
            out.printf("  %-12s %-8s %-10s %-11s %s%n", a.id(), a.service().provider(), a.service().category(),
                    a.service().datacenter(), a.healthUrl());
        }
        if (toPlay != null) {
            out.printf("playing scenario %s: %s%n", toPlay.name(), toPlay.description());
            new ScenarioPlayer(vertx, running, Clock.systemUTC()).play(toPlay, report -> {
                out.println(report.line());
                out.flush();
            });
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    private void writeConfig(String yaml, PrintWriter out) {
        if (printConfig.equals("-")) {
            out.print(yaml);
            out.println();
            return;
        }
        Path file = Path.of(printConfig);
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot write --print-config file " + file + ": " + e.getMessage(), 1);
        }
        out.printf("wrote a configuration checking every simulated service to %s (./bongsu run --config %s)%n", file, file);
    }

    private static Duration duration(String option, String text) {
        Duration d = Durations.parse(text);
        if (d == null || d.isZero()) {
            throw new UserException(option + ": expected a duration such as 500ms, 5s or 1m, found '" + text + "'", Main.EXIT_CONFIG);
        }
        return d;
    }
}
