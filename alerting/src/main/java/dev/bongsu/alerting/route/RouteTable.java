package dev.bongsu.alerting.route;

import dev.bongsu.alerting.notify.alertmanager.AlertmanagerNotifier;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.ReceiverType;
import dev.bongsu.model.config.RouteConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses receivers for an incident's labels. Routes are tried in order; the first that matches wins unless it
 * says {@code continue: true}, in which case later routes are tried too (as in Alertmanager). A route matches a
 * {@code probe_fault} only when its {@code match.kind} names {@code probe_fault}, so probe faults never reach
 * service on-call by accident. With no match: the default receivers, or for probe faults the monitoring receivers
 * (which are the default receivers unless configured).
 *
 * <p>An Alertmanager receiver forgets an alert whose {@code endsAt} has passed, so its group interval and repeat
 * interval are capped at {@link AlertmanagerNotifier#RESEND_INTERVAL}: it hears of every open incident in time.
 */
public final class RouteTable {
    private final AlertingConfig cfg;

    /** A table over the configured routes. */
    public RouteTable(AlertingConfig cfg) {
        this.cfg = cfg;
    }

    /** The receivers for these labels, each once, in route order. */
    public List<RouteTarget> targets(Map<String, Set<String>> labels) {
        boolean probeFault = labels.getOrDefault("kind", Set.of()).contains("probe_fault");
        Map<String, RouteTarget> out = new LinkedHashMap<>();
        for (RouteConfig r : cfg.routes()) {
            boolean namesProbeFault = r.match().getOrDefault("kind", List.of()).contains("probe_fault");
            if (probeFault && !namesProbeFault) {
                continue;
            }
            if (!IncidentLabels.matches(r.match(), labels)) {
                continue;
            }
            for (String name : r.receivers()) {
                out.putIfAbsent(name, target(name, r.groupWait(), r.groupInterval(), r.repeatInterval()));
            }
            if (!r.continueMatching()) {
                break;
            }
        }
        if (out.isEmpty()) {
            List<String> fallback = probeFault ? cfg.effectiveMonitoringReceivers() : cfg.effectiveDefaultReceivers();
            for (String name : fallback) {
                out.put(name, target(name, cfg.groupWait(), cfg.groupInterval(), cfg.repeatInterval()));
            }
        }
        return List.copyOf(out.values());
    }

    private RouteTarget target(String name, Duration wait, Duration interval, Duration repeat) {
        boolean keepAlive = cfg.receiver(name).map(r -> r.type() == ReceiverType.ALERTMANAGER).orElse(false);
        if (!keepAlive) {
            return new RouteTarget(name, wait, interval, repeat, false);
        }
        Duration resend = AlertmanagerNotifier.RESEND_INTERVAL;
        return new RouteTarget(name, wait, min(interval, resend), min(repeat, resend), true);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
