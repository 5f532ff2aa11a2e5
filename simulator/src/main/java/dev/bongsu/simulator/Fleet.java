package dev.bongsu.simulator;

import dev.bongsu.model.scenario.FleetService;
import dev.bongsu.model.scenario.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet a simulator runs: one {@link dev.bongsu.model.scenario.Fleet} of the scenario model (the built-in fleet,
 * a fleet file, or a scenario's own fleet), plus the addresses its services get on loopback.
 *
 * @param model the fleet as the scenario model reads it
 */
public record Fleet(dev.bongsu.model.scenario.Fleet model) {
    /** The shared login that the default fleet's kakao bank and pay depend on. */
    public static final String KAKAO_ACCOUNT = dev.bongsu.model.scenario.Fleet.KAKAO_ACCOUNT;
    /** The shared login that the default fleet's naver bank and pay depend on. */
    public static final String NAVER_ACCOUNT = dev.bongsu.model.scenario.Fleet.NAVER_ACCOUNT;

    /** The built-in fleet ({@code scenarios/default-fleet.yaml} in the model), the one the evaluator uses too. */
    public static Fleet defaultFleet() {
        return new Fleet(dev.bongsu.model.scenario.Fleet.defaultFleet());
    }

    /** Reads a fleet file; errors are {@link dev.bongsu.model.config.ConfigException}s naming file, line and key. */
    public static Fleet load(Path file) {
        return new Fleet(dev.bongsu.model.scenario.Fleet.load(file));
    }

    /** Reads fleet YAML text; {@code name} is used in error messages. */
    public static Fleet parse(String name, String yaml) {
        return new Fleet(dev.bongsu.model.scenario.Fleet.parse(name, yaml));
    }

    /** The services, in order. */
    public List<FleetService> services() {
        return model.services();
    }

    /** The service with this id. */
    public Optional<FleetService> service(String id) {
        return model.service(id);
    }

    /** The services a target selects, in fleet order. */
    public List<FleetService> select(Target target) {
        return model.select(target);
    }

    /** The ids of the services, in order. */
    public List<String> ids() {
        return model.ids();
    }

    /** The datacenters, in order of first appearance. */
    public Set<String> datacenters() {
        return model.datacenters();
    }

    /** The providers, in order of first appearance. */
    public Set<String> providers() {
        return model.providers();
    }

    /** The addresses the services get when listening on {@code host} from {@code basePort} on, one port each. */
    public List<ServiceAddress> addresses(String host, int basePort) {
        List<ServiceAddress> out = new ArrayList<>();
        for (int i = 0; i < services().size(); i++) {
            out.add(new ServiceAddress(services().get(i), host, basePort + i));
        }
        return out;
    }
}
