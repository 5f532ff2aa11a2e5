package dev.bongsu.model.config.diff;

import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.VantageConfig;
import dev.bongsu.model.config.diff.Change.Kind;
import dev.bongsu.model.config.diff.Change.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What is watched and from where: services, their checks and the vantages, compared by id. */
final class CatalogDiff {
    /** Check settings whose values a line may show. */
    private static final Set<String> SHOWN_CHECK = Set.of("interval", "timeout", "critical", "method", "host", "port",
            "name", "recordType", "minDaysLeft", "period", "grace");

    private CatalogDiff() {
    }

    /** Services added, removed or changed (their own attributes), then their checks by check id. */
    static void services(List<ServiceConfig> before, List<ServiceConfig> after, List<Change> out) {
        Map<String, ServiceConfig> old = byId(before, ServiceConfig::id);
        Map<String, ServiceConfig> next = byId(after, ServiceConfig::id);
        for (ServiceConfig s : after) {
            ServiceConfig o = old.get(s.id());
            if (o == null) {
                out.add(new Change(Kind.SERVICE, Op.ADDED, s.id(), "(" + Details.count(s.checks().size(), "check") + ")"));
            } else {
                List<String> names = RecordFields.differingExcept(o, s, List.of("checks"));
                if (!names.isEmpty()) {
                    out.add(new Change(Kind.SERVICE, Op.CHANGED, s.id(), Details.of(names, o, s, Set.of("provider", "category",
                            "datacenter", "region", "dependsOn"))));
                }
            }
        }
        for (ServiceConfig o : before) {
            if (!next.containsKey(o.id())) {
                out.add(new Change(Kind.SERVICE, Op.REMOVED, o.id(), "(" + Details.count(o.checks().size(), "check") + ")"));
            }
        }
        checks(flatten(before), flatten(after), out);
    }

    /** Vantages by name: added, removed, or with other display settings. */
    static void vantages(List<VantageConfig> before, List<VantageConfig> after, List<Change> out) {
        Map<String, VantageConfig> old = byId(before, VantageConfig::name);
        Map<String, VantageConfig> next = byId(after, VantageConfig::name);
        for (VantageConfig v : after) {
            VantageConfig o = old.get(v.name());
            if (o == null) {
                out.add(new Change(Kind.VANTAGE, Op.ADDED, v.name(), null));
            } else if (!RecordFields.same(o, v)) {
                out.add(new Change(Kind.VANTAGE, Op.CHANGED, v.name(), Details.of(RecordFields.differing(o, v), o, v,
                        Set.of("region", "country", "network", "isPublic"))));
            }
        }
        for (VantageConfig o : before) {
            if (!next.containsKey(o.name())) {
                out.add(new Change(Kind.VANTAGE, Op.REMOVED, o.name(), null));
            }
        }
    }

    private static void checks(List<CheckConfig> before, List<CheckConfig> after, List<Change> out) {
        Map<String, CheckConfig> old = byId(before, CheckConfig::id);
        Map<String, CheckConfig> next = byId(after, CheckConfig::id);
        for (CheckConfig c : after) {
            CheckConfig o = old.get(c.id());
            if (o == null) {
                out.add(new Change(Kind.CHECK, Op.ADDED, c.id(), "(" + c.type().name().toLowerCase(java.util.Locale.ROOT) + ")"));
            } else if (!RecordFields.same(o, c)) {
                out.add(new Change(Kind.CHECK, Op.CHANGED, c.id(), checkDetail(o, c)));
            }
        }
        for (CheckConfig o : before) {
            if (!next.containsKey(o.id())) {
                out.add(new Change(Kind.CHECK, Op.REMOVED, o.id(), null));
            }
        }
    }

    /** The check's own settings by name, then its target's (as written in the file: {@code url}, not {@code target.url}). */
    private static String checkDetail(CheckConfig o, CheckConfig c) {
        if (o.type() != c.type() || o.target().getClass() != c.target().getClass()) {
            return "type changed " + Details.text(o.type()).toLowerCase(java.util.Locale.ROOT) + " -> "
                    + Details.text(c.type()).toLowerCase(java.util.Locale.ROOT);
        }
        List<String> parts = new ArrayList<>();
        List<String> own = RecordFields.differingExcept(o, c, List.of("target"));
        if (!own.isEmpty()) {
            parts.add(Details.of(own, o, c, SHOWN_CHECK));
        }
        if (o.target() instanceof Record ot && c.target() instanceof Record ct) {
            List<String> target = RecordFields.differing(ot, ct);
            if (!target.isEmpty()) {
                parts.add(Details.of(target, ot, ct, SHOWN_CHECK));
            }
        } else if (!RecordFields.same(o.target(), c.target())) {
            parts.add("target changed");
        }
        return String.join(", ", parts);
    }

    private static List<CheckConfig> flatten(List<ServiceConfig> services) {
        return services.stream().flatMap(s -> s.checks().stream()).toList();
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(id.apply(i), i));
        return out;
    }
}
