package dev.bongsu.detector.evaluate;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.config.Thresholds;
import dev.bongsu.model.scenario.FleetService;
import dev.bongsu.model.scenario.Scenario;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The service configs a replay gives the detector: one HTTP check {@code <id>.http} per fleet service. */
final class ServiceConfigs {
    private ServiceConfigs() {
    }

    static List<ServiceConfig> of(Scenario s) {
        return s.fleet().services().stream().map(f -> config(f, s)).toList();
    }

    /** The check id of a service. */
    static String checkId(FleetService f) {
        return f.id() + ".http";
    }

    private static ServiceConfig config(FleetService f, Scenario s) {
        CheckConfig check = new CheckConfig(checkId(f), "http", f.id(), CheckType.HTTP, s.interval(), s.timeout(),
                f.critical(),
                new HttpTarget(URI.create("http://" + f.id() + ".invalid/health"), "GET", Map.of(), null,
                        StatusSet.SUCCESS, null, null, true, 5, 65536, true),
                Thresholds.DEFAULTS, Map.of());
        return new ServiceConfig(f.id(), f.name(), f.provider(), f.category(), f.datacenter(), f.region(),
                f.dependsOn(), Set.of("provider", "category", "datacenter"), List.of(check));
    }
}
