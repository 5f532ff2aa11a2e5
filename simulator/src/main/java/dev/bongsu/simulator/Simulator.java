package dev.bongsu.simulator;

import dev.bongsu.model.scenario.FleetService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/** Starts a fleet of simulated services on loopback, each a small HTTP server on its own port. */
public final class Simulator {
    private static final Logger LOG = Logger.getLogger("dev.bongsu.simulator");

    private final Vertx vertx;
    private final Fleet fleet;
    private final SimulatorOptions options;

    /** A simulator for {@code fleet} on {@code vertx}. */
    public Simulator(Vertx vertx, Fleet fleet, SimulatorOptions options) {
        this.vertx = vertx;
        this.fleet = fleet;
        this.options = options;
    }

    /**
     * Starts every service; completes with the running fleet once all listen, or fails with a
     * {@link SimulatorStartException} (after stopping those that had started) when one cannot.
     */
    public Future<RunningFleet> start() {
        int n = fleet.services().size();
        if (options.basePort() > 0 && options.basePort() + n - 1 > 65535) {
            return Future.failedFuture(new SimulatorStartException("base port " + options.basePort()
                    + " leaves no room for " + n + " services below 65536", null));
        }
        SplittableRandom seeds = new SplittableRandom(options.seed());
        List<ServiceVerticle> verticles = new ArrayList<>();
        List<Future<String>> deployments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FleetService s = fleet.services().get(i);
            int port = options.basePort() == 0 ? 0 : options.basePort() + i;
            LatencyModel latency = options.latency() ? new LatencyModel(seeds.split()) : null;
            ServiceVerticle v = new ServiceVerticle(s, options.host(), port, latency);
            verticles.add(v);
            deployments.add(vertx.deployVerticle(v));
        }
        return Future.join(deployments).transform((ok, err) -> {
            if (err == null) {
                List<String> ids = deployments.stream().map(Future::result).toList();
                RunningFleet running = new RunningFleet(vertx, fleet, options.host(), verticles, ids);
                LOG.info("started " + n + " simulated services on " + options.host() + (options.basePort() == 0
                        ? " (free ports)"
                        : " (ports " + options.basePort() + "-" + (options.basePort() + n - 1) + ")"));
                return Future.succeededFuture(running);
            }
            return undeployStarted(deployments).transform((ignored, e) -> Future.failedFuture(startFailure(verticles, deployments)));
        });
    }

    private Future<Void> undeployStarted(List<Future<String>> deployments) {
        List<Future<Void>> undeploys = new ArrayList<>();
        for (Future<String> d : deployments) {
            if (d.succeeded()) {
                undeploys.add(vertx.undeploy(d.result()));
            }
        }
        return Future.join(undeploys).mapEmpty();
    }

    private SimulatorStartException startFailure(List<ServiceVerticle> verticles, List<Future<String>> deployments) {
        for (int i = 0; i < deployments.size(); i++) {
            Throwable cause = deployments.get(i).cause();
            if (cause != null) {
                int port = options.basePort() == 0 ? 0 : options.basePort() + i;
                return new SimulatorStartException("cannot listen on " + options.host() + ":" + port + " for "
                        + verticles.get(i).service().id() + ": " + reason(cause), cause);
            }
        }
        return new SimulatorStartException("the fleet did not start", null);
    }

    private static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BindException && t.getMessage() != null) {
                String m = t.getMessage();
                return Character.toLowerCase(m.charAt(0)) + m.substring(1);
            }
        }
        return String.valueOf(cause.getMessage() == null ? cause : cause.getMessage());
    }
}
