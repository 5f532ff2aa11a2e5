package dev.bongsu.simulator;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.Durations;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.config.Thresholds;
import dev.bongsu.model.scenario.FleetService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bongsu configuration for a simulated fleet: service configs in memory, or the YAML text of a config file. */
public final class FleetConfigs {
    /** The name of each service's check; its id is {@code <service>.http}. */
    public static final String CHECK_NAME = "http";
    /** The attributes each service publishes. */
    public static final Set<String> PUBLIC_ATTRIBUTES = Set.of("provider", "category", "datacenter");

    private static final int DEFAULT_MAX_REDIRECTS = 5;
    private static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private FleetConfigs() {
    }

    /** A service config per address, each with one critical HTTP check of its health URL expecting 200. */
    public static List<ServiceConfig> serviceConfigs(List<ServiceAddress> addresses, Duration interval, Duration timeout) {
        requireTiming(interval, timeout);
        List<ServiceConfig> out = new ArrayList<>();
        for (ServiceAddress a : addresses) {
            FleetService s = a.service();
            HttpTarget target = new HttpTarget(a.healthUrl(), "GET", Map.of(), null,
                    new StatusSet(List.<int[]>of(new int[] {200, 200}), "200"), null, null,
                    true, DEFAULT_MAX_REDIRECTS, DEFAULT_MAX_BODY_BYTES, true);
            CheckConfig check = new CheckConfig(s.id() + "." + CHECK_NAME, CHECK_NAME, s.id(), CheckType.HTTP,
                    interval, timeout, true, target, new Thresholds(null, null), Map.of());
            out.add(new ServiceConfig(s.id(), s.name(), s.provider(), s.category(), s.datacenter(), s.region(),
                    s.dependsOn(), publicAttributes(s), List.of(check)));
        }
        return out;
    }

    /** The YAML text of a Bongsu config that checks every address; loading it yields {@link #serviceConfigs}. */
    public static String yaml(List<ServiceAddress> addresses, Duration interval, Duration timeout) {
        return yaml(addresses, interval, timeout, null);
    }

    /**
     * The same with every service publishing only {@code publicAttributes} ({@code null}: provider, category and,
     * where set, datacenter), for a config whose other attributes must stay private.
     */
    public static String yaml(List<ServiceAddress> addresses, Duration interval, Duration timeout, List<String> publicAttributes) {
        requireTiming(interval, timeout);
        StringBuilder y = new StringBuilder();
        y.append("# Bongsu configuration for the simulated fleet of `./bongsu simulate`.\n")
                .append("# Start the fleet on the same ports:  ./bongsu simulate --base-port ")
                .append(addresses.isEmpty() ? 0 : addresses.get(0).port())
                .append("\n# then, in another terminal:          ./bongsu run --config THIS_FILE\n")
                .append("# Edit freely: add vantages, checks, alerting; see the configuration reference in README.md.\n\n")
                .append("defaults:\n")
                .append("  interval: ").append(Durations.format(interval)).append('\n')
                .append("  timeout: ").append(Durations.format(timeout)).append("\n\n")
                .append("services:\n");
        for (ServiceAddress a : addresses) {
            FleetService s = a.service();
            y.append("  - id: ").append(s.id()).append('\n')
                    .append("    name: {ko: ").append(quote(s.name().ko())).append(", en: ").append(quote(s.name().en())).append("}\n")
                    .append("    provider: ").append(s.provider()).append('\n')
                    .append("    category: ").append(s.category()).append('\n')
                    .append(s.datacenter() == null ? "" : "    datacenter: " + s.datacenter() + "\n");
            if (s.region() != null) {
                y.append("    region: ").append(s.region()).append('\n');
            }
            if (!s.dependsOn().isEmpty()) {
                y.append("    dependsOn: [").append(String.join(", ", s.dependsOn())).append("]\n");
            }
            List<String> shown = publicAttributes != null ? publicAttributes : List.copyOf(publicAttributes(s));
            y.append("    public: [").append(String.join(", ", shown)).append("]\n")
                    .append("    checks:\n")
                    .append("      - type: http\n")
                    .append("        url: ").append(a.healthUrl()).append('\n')
                    .append("        expectStatus: [200]\n");
        }
        return y.toString();
    }

    private static Set<String> publicAttributes(FleetService s) {
        Set<String> out = new LinkedHashSet<>(PUBLIC_ATTRIBUTES);
        if (s.datacenter() == null) {
            out.remove("datacenter");
        }
        return out;
    }

    private static void requireTiming(Duration interval, Duration timeout) {
        if (timeout.compareTo(interval) > 0) {
            throw new IllegalArgumentException("the check timeout (" + Durations.format(timeout)
                    + ") must not be longer than the interval (" + Durations.format(interval) + ")");
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
