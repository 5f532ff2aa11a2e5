package dev.bongsu.alerting.route;

import dev.bongsu.alerting.escalation.EscalationPlan;
import dev.bongsu.alerting.notify.alertmanager.AlertmanagerNotifier;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.EscalationStep;
import dev.bongsu.model.config.RouteConfig;
import dev.bongsu.model.config.receiver.AlertmanagerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
        for (RouteConfig r : matching(labels)) {
            for (String name : r.receivers()) {
                out.putIfAbsent(name, target(name, r.groupWait(), r.groupInterval(), r.repeatInterval()));
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

    /**
     * The escalation steps of the routes these labels match, numbered 1, 2, … in order of {@code after} (steps of
     * several matching routes are merged); each step's receivers have their route's timing, without group wait.
     */
    public List<EscalationPlan.Step<RouteTarget>> escalation(Map<String, Set<String>> labels) {
        List<EscalationStep> steps = new ArrayList<>();
        Map<EscalationStep, RouteConfig> routeOf = new java.util.IdentityHashMap<>();
        for (RouteConfig r : matching(labels)) {
            for (EscalationStep s : r.escalate()) {
                steps.add(s);
                routeOf.put(s, r);
            }
        }
        steps.sort(Comparator.comparing(EscalationStep::after));
        List<EscalationPlan.Step<RouteTarget>> out = new ArrayList<>();
        for (EscalationStep s : steps) {
            RouteConfig r = routeOf.get(s);
            List<RouteTarget> receivers = s.receivers().stream()
                    .map(name -> target(name, Duration.ZERO, r.groupInterval(), r.repeatInterval())).toList();
            out.add(new EscalationPlan.Step<>(out.size() + 1, s.after(), receivers));
        }
        return out;
    }

    private List<RouteConfig> matching(Map<String, Set<String>> labels) {
        boolean probeFault = labels.getOrDefault("kind", Set.of()).contains("probe_fault");
        List<RouteConfig> out = new ArrayList<>();
        for (RouteConfig r : cfg.routes()) {
            boolean namesProbeFault = r.match().getOrDefault("kind", List.of()).contains("probe_fault");
            if (probeFault && !namesProbeFault) {
                continue;
            }
            if (!IncidentLabels.matches(r.match(), labels)) {
                continue;
            }
            out.add(r);
            if (!r.continueMatching()) {
                break;
            }
        }
        return out;
    }

    private RouteTarget target(String name, Duration wait, Duration interval, Duration repeat) {
        boolean keepAlive = cfg.receiver(name).map(r -> r.settings() instanceof AlertmanagerSettings).orElse(false);
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
