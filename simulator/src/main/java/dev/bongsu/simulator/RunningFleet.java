package dev.bongsu.simulator;

import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** A started fleet: where each service listens, its config for Bongsu, fault injection, and stop. */
public final class RunningFleet implements FaultInjector {
    private static final Logger LOG = Logger.getLogger("dev.bongsu.simulator");

    private final Vertx vertx;
    private final Fleet fleet;
    private final String host;
    private final List<ServiceVerticle> verticles;
    private final List<String> deploymentIds;

    RunningFleet(Vertx vertx, Fleet fleet, String host, List<ServiceVerticle> verticles, List<String> deploymentIds) {
        this.vertx = vertx;
        this.fleet = fleet;
        this.host = host;
        this.verticles = List.copyOf(verticles);
        this.deploymentIds = List.copyOf(deploymentIds);
    }

    /** The fleet definition. */
    public Fleet fleet() {
        return fleet;
    }

    /** Every service with its address, in fleet order. */
    public List<ServiceAddress> services() {
        return verticles.stream().map(v -> new ServiceAddress(v.service(), host, v.port())).toList();
    }

    /** One service's address. */
    public ServiceAddress service(String id) {
        return services().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated service '" + id + "'; the fleet has "
                        + String.join(", ", fleet.ids())));
    }

    /**
     * Bongsu service configs for the fleet, each with one critical HTTP check {@code <id>.http} of its
     * {@code /health} URL expecting 200, exactly as the config loader would build them.
     */
    public List<ServiceConfig> serviceConfigs(Duration interval, Duration timeout) {
        return FleetConfigs.serviceConfigs(services(), interval, timeout);
    }

    /** The text of an equivalent Bongsu configuration file, for a user to save and edit. */
    public String configYaml(Duration interval, Duration timeout) {
        return FleetConfigs.yaml(services(), interval, timeout);
    }

    /** The faults in force, by service id. */
    public Map<String, Fault> faults() {
        Map<String, Fault> out = new LinkedHashMap<>();
        for (ServiceVerticle v : verticles) {
            Fault f = v.fault();
            if (f != null) {
                out.put(v.service().id(), f);
            }
        }
        return out;
    }

    @Override
    public Future<List<String>> inject(Target target, Fault fault) {
        List<ServiceVerticle> hit = select(target);
        List<String> ids = idsOf(hit);
        if (hit.isEmpty()) {
            LOG.warning("fault not applied: " + target.describe() + " matches no simulated service");
            return Future.succeededFuture(ids);
        }
        LOG.info("fault: " + target.describe() + " " + fault.describe(target.isSingle()) + " (" + String.join(", ", ids) + ")");
        List<Future<Void>> changes = hit.stream().map(v -> v.setFault(fault)).toList();
        return Future.join(changes).transform((ok, err) -> {
            if (err != null) {
                LOG.warning("fault " + fault.keyword() + " on " + target.describe() + " not fully applied: " + err.getMessage());
                return Future.failedFuture(err);
            }
            return Future.succeededFuture(ids);
        });
    }

    @Override
    public Future<List<String>> clear(Target target, Fault fault) {
        return clearMatching(target.describe(), target.isSingle(), select(target), fault);
    }

    /** Clears whatever fault is in force on the target's services. */
    public Future<List<String>> clear(Target target) {
        return clear(target, null);
    }

    /** Clears every fault. */
    public Future<List<String>> clearAll() {
        return clearMatching("all services", false, verticles, null);
    }

    private Future<List<String>> clearMatching(String what, boolean single, List<ServiceVerticle> hit, Fault fault) {
        List<Future<Boolean>> changes = hit.stream().map(v -> v.clearIf(fault)).toList();
        return Future.join(changes).transform((ok, err) -> {
            List<String> cleared = new ArrayList<>();
            for (int i = 0; i < hit.size(); i++) {
                if (changes.get(i).succeeded() && changes.get(i).result()) {
                    cleared.add(hit.get(i).service().id());
                }
            }
            if (!cleared.isEmpty()) {
                LOG.info("fault cleared: " + what + (single ? " is" : " are") + " back (" + String.join(", ", cleared) + ")");
            }
            if (err != null) {
                LOG.warning("fault on " + what + " not fully cleared: " + err.getMessage());
                return Future.failedFuture(err);
            }
            return Future.succeededFuture(cleared);
        });
    }

    /** Stops every service. */
    public Future<Void> stop() {
        List<Future<Void>> undeploys = deploymentIds.stream().map(vertx::undeploy).toList();
        return Future.join(undeploys).mapEmpty();
    }

    private List<ServiceVerticle> select(Target target) {
        return verticles.stream().filter(v -> target.matches(v.service())).toList();
    }

    private static List<String> idsOf(List<ServiceVerticle> vs) {
        return vs.stream().map(v -> v.service().id()).toList();
    }
}
