package dev.bongsu.alerting.route;

import dev.bongsu.model.Incident;
import dev.bongsu.model.config.ServiceConfig;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels routes, silences and maintenance windows match on: {@code kind}, {@code severity}, {@code service},
 * and the {@code provider}, {@code category}, {@code datacenter}, {@code region} of every member service (so a
 * correlated incident carries those of all its members). Each label may have several values.
 */
public final class IncidentLabels {
    private IncidentLabels() {
    }

    /** The labels of an incident, given the configured services by id. */
    public static Map<String, Set<String>> of(Incident incident, Map<String, ServiceConfig> services) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        out.put("kind", Set.of(incident.kind().wireName()));
        out.put("severity", Set.of(incident.severity().wireName()));
        Set<String> ids = new LinkedHashSet<>(incident.services());
        out.put("service", ids);
        for (String attribute : List.of("provider", "category", "datacenter", "region")) {
            Set<String> values = new LinkedHashSet<>();
            for (String id : ids) {
                ServiceConfig s = services.get(id);
                if (s != null) {
                    values.addAll(s.attributeValues(attribute));
                }
            }
            out.put(attribute, values);
        }
        return out;
    }

    /**
     * Whether every label in {@code match} has at least one of its allowed values among the incident's; an empty
     * match matches everything.
     */
    public static boolean matches(Map<String, List<String>> match, Map<String, Set<String>> labels) {
        for (Map.Entry<String, List<String>> m : match.entrySet()) {
            Set<String> have = labels.getOrDefault(m.getKey(), Set.of());
            if (m.getValue().stream().noneMatch(have::contains)) {
                return false;
            }
        }
        return true;
    }
}
