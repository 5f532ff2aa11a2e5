package dev.bongsu.model.maintenance;

import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.config.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services a maintenance window covers, from its label {@code match}: a service is covered when, for every
 * service label in the match ({@code service}, {@code provider}, {@code category}, {@code datacenter},
 * {@code region}), the service has one of the listed values. {@code severity} says nothing about services and is
 * left out; a {@code kind} match that names neither {@code service} nor {@code correlated} (a probe-fault mute)
 * covers no service. An empty match covers every service.
 */
public final class MaintenanceScope {
    /** The labels of a service a window can match. */
    public static final List<String> SERVICE_LABELS = List.of("service", "provider", "category", "datacenter", "region");

    private MaintenanceScope() {
    }

    /** The ids of the services {@code window} covers, in configuration order. */
    public static List<String> services(MaintenanceWindow window, List<ServiceConfig> services) {
        return services(window.match(), services);
    }

    /** The ids of the services a label match covers, in configuration order. */
    public static List<String> services(Map<String, List<String>> match, List<ServiceConfig> services) {
        List<String> kinds = match.get("kind");
        if (kinds != null && !kinds.contains("service") && !kinds.contains("correlated")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ServiceConfig s : services) {
            if (covers(match, s)) {
                out.add(s.id());
            }
        }
        return out;
    }

    private static boolean covers(Map<String, List<String>> match, ServiceConfig s) {
        for (String label : SERVICE_LABELS) {
            List<String> wanted = match.get(label);
            if (wanted == null) {
                continue;
            }
            Set<String> have = Set.copyOf("service".equals(label) ? List.of(s.id()) : s.attributeValues(label));
            if (wanted.stream().noneMatch(have::contains)) {
                return false;
            }
        }
        return true;
    }
}
