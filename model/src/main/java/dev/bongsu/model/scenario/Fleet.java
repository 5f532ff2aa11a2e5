package dev.bongsu.model.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The services a scenario runs against, in order: the built-in fleet, a fleet file, an inline list or a generated one. */
public record Fleet(List<FleetService> services) {
    /** The shared login that the default fleet's kakao bank and pay depend on. */
    public static final String KAKAO_ACCOUNT = "kakao-account";
    /** The shared login that the default fleet's naver bank and pay depend on. */
    public static final String NAVER_ACCOUNT = "naver-account";

    public Fleet {
        services = List.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one service");
        }
        Set<String> ids = new HashSet<>();
        for (FleetService s : services) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("duplicate service id '" + s.id() + "'");
            }
        }
    }

    /**
     * The built-in fleet of {@code scenarios/default-fleet.yaml}: kakao and naver × messenger, bank, pay, map;
     * datacenter pangyo hosts all four kakao services and naver's messenger (line) and map, chuncheon naver's bank
     * and pay; bank and pay of each provider depend on that provider's account login.
     */
    public static Fleet defaultFleet() {
        return FleetReader.defaultFleet();
    }

    /** Reads a fleet file; errors are {@link dev.bongsu.model.config.ConfigException}s naming file, line and key. */
    public static Fleet load(Path file) {
        return FleetReader.load(file);
    }

    /** Reads fleet YAML text; {@code name} is used in error messages. */
    public static Fleet parse(String name, String yaml) {
        return FleetReader.parse(name, yaml);
    }

    /** The service with this id. */
    public Optional<FleetService> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The services a target selects, in fleet order. */
    public List<FleetService> select(Target target) {
        List<FleetService> out = new ArrayList<>();
        for (FleetService s : services) {
            if (target.matches(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The ids of the services, in order. */
    public List<String> ids() {
        return services.stream().map(FleetService::id).toList();
    }

    /** The datacenters, in order of first appearance. */
    public Set<String> datacenters() {
        Set<String> out = new LinkedHashSet<>();
        services.stream().filter(s -> s.datacenter() != null).forEach(s -> out.add(s.datacenter()));
        return out;
    }

    /** The providers, in order of first appearance. */
    public Set<String> providers() {
        Set<String> out = new LinkedHashSet<>();
        services.forEach(s -> out.add(s.provider()));
        return out;
    }
}
