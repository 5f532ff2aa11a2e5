package dev.bongsu.model.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code alerting} section; the default group interval follows the smallest check interval. */
final class AlertingSection {
    private static final List<String> KINDS = List.of("service", "correlated", "probe_fault");
    private static final List<String> SEVERITIES = List.of("critical", "warning", "info");

    private AlertingSection() {
    }

    static AlertingConfig read(ConfigNode n, List<ServiceConfig> services, List<VantageConfig> vantages) {
        AlertingConfig d = AlertingConfig.defaults();
        n.allowOnly("receivers", "routes", "defaultReceivers", "monitoringReceivers", "groupWait", "groupInterval",
                "repeatInterval", "inhibit", "maintenance", "outbox", "ack");
        Set<String> dependables = new LinkedHashSet<>();
        services.forEach(s -> dependables.add(s.provider()));
        services.forEach(s -> dependables.add(s.id()));
        List<ReceiverConfig> receivers = ReceiversSection.read(n.get("receivers"), dependables);
        Set<String> names = new LinkedHashSet<>();
        receivers.forEach(r -> names.add(r.name()));
        names.add(AlertingConfig.LOG_RECEIVER);
        ReceiversSection.checkFallbacks(n.get("receivers"), receivers, names);
        Duration groupWait = n.get("groupWait").durationOr(d.groupWait(), Duration.ZERO, Duration.ofHours(1));
        Duration groupInterval = n.get("groupInterval").durationOr(AlertingConfig.defaultGroupInterval(smallestCheckInterval(services)),
                Duration.ofSeconds(1), Duration.ofDays(1));
        Duration repeat = n.get("repeatInterval").durationOr(d.repeatInterval(), Duration.ofMinutes(1), Duration.ofDays(30));
        List<RouteConfig> routes = new ArrayList<>();
        for (ConfigNode r : n.get("routes").items()) {
            routes.add(route(r, names, groupWait, groupInterval, repeat));
        }
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        Set<String> windowNames = new java.util.HashSet<>();
        Set<String> windowIds = new java.util.HashSet<>();
        for (ConfigNode w : n.get("maintenance").items()) {
            MaintenanceWindow mw = MaintenanceSection.window(w);
            if (!windowNames.add(mw.name())) {
                throw w.get("name").problem("duplicate maintenance window name '" + mw.name() + "'");
            }
            if (!windowIds.add(mw.id())) {
                throw (w.get("id").isMissing() ? w.get("name") : w.get("id")).problem("duplicate maintenance window id '" + mw.id()
                        + "' (give each window its own id)");
            }
            maintenance.add(mw);
        }
        return new AlertingConfig(receivers, routes,
                receiverNames(n.get("defaultReceivers"), names),
                receiverNames(n.get("monitoringReceivers"), names),
                groupWait, groupInterval, repeat,
                n.get("inhibit").boolOr(true),
                maintenance,
                outbox(n.get("outbox")),
                EscalationSection.ack(n.get("ack")));
    }

    private static Duration smallestCheckInterval(List<ServiceConfig> services) {
        return services.stream().flatMap(s -> s.checks().stream()).map(CheckConfig::interval)
                .min(Duration::compareTo).orElse(null);
    }

    private static List<String> receiverNames(ConfigNode n, Set<String> names) {
        List<String> out = n.texts();
        List<ConfigNode> nodes = n.oneOrMany();
        for (int i = 0; i < out.size(); i++) {
            if (!names.contains(out.get(i))) {
                throw nodes.get(i).error("a receiver name (" + String.join(", ", names) + ")");
            }
        }
        return out;
    }

    private static RouteConfig route(ConfigNode r, Set<String> names, Duration wait, Duration interval, Duration repeat) {
        r.allowOnly("match", "receivers", "continue", "groupWait", "groupInterval", "repeatInterval", "escalate");
        List<String> receivers = receiverNames(r.require("receivers"), names);
        if (receivers.isEmpty()) {
            throw r.get("receivers").error("at least one receiver name");
        }
        return new RouteConfig(matchers(r.get("match")), receivers,
                r.get("continue").boolOr(false),
                r.get("groupWait").durationOr(wait, Duration.ZERO, Duration.ofHours(1)),
                r.get("groupInterval").durationOr(interval, Duration.ofSeconds(1), Duration.ofDays(1)),
                r.get("repeatInterval").durationOr(repeat, Duration.ofMinutes(1), Duration.ofDays(30)),
                EscalationSection.steps(r.get("escalate"), names));
    }

    /** Reads {@code {label: value | [values]}}, checking labels and the values of kind and severity. */
    static Map<String, List<String>> matchers(ConfigNode m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.allowOnly(RouteConfig.LABELS.toArray(String[]::new));
        for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
            ConfigNode v = e.getValue();
            List<String> values = v.texts();
            List<ConfigNode> nodes = v.oneOrMany();
            List<String> allowed = switch (e.getKey()) {
                case "kind" -> KINDS;
                case "severity" -> SEVERITIES;
                default -> null;
            };
            for (int i = 0; i < values.size(); i++) {
                if (allowed != null && !allowed.contains(values.get(i))) {
                    throw nodes.get(i).error("one of " + String.join(", ", allowed));
                }
            }
            if (values.isEmpty()) {
                throw v.error("a value or a list of values");
            }
            out.put(e.getKey(), List.copyOf(values));
        }
        return out;
    }

    private static OutboxConfig outbox(ConfigNode n) {
        OutboxConfig d = OutboxConfig.defaults();
        n.allowOnly("maxAge", "maxAttempts", "initialBackoff", "maxBackoff", "retention");
        Duration initial = n.get("initialBackoff").durationOr(d.initialBackoff(), Duration.ofMillis(10), Duration.ofMinutes(10));
        Duration max = n.get("maxBackoff").durationOr(d.maxBackoff(), Duration.ofMillis(10), Duration.ofHours(6));
        if (max.compareTo(initial) < 0) {
            throw n.get("maxBackoff").error("a duration no shorter than initialBackoff (" + Durations.format(initial) + ")");
        }
        return new OutboxConfig(
                n.get("maxAge").durationOr(d.maxAge(), Duration.ofMinutes(1), Duration.ofDays(30)),
                n.get("maxAttempts").integerOr(d.maxAttempts(), 0, 1_000_000),
                initial, max,
                n.get("retention").durationOr(d.retention(), Duration.ofHours(1), Duration.ofDays(3650)));
    }
}
