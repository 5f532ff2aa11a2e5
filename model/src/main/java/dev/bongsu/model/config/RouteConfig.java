package dev.bongsu.model.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One notification route: incidents whose labels match go to the receivers.
 *
 * @param match          label to allowed values; an incident matches when, for every label, one of its values is
 *                       allowed (labels: kind, severity, service, provider, category, datacenter, region)
 * @param receivers      receiver names
 * @param continueMatching whether later routes are tried too after this one matched
 * @param groupWait      delay before the first notification of an incident
 * @param groupInterval  least time between two notifications of one incident to one receiver
 * @param repeatInterval re-notify an open incident after this long without news
 * @param escalate       steps taken while an incident stays open and unacknowledged, in increasing {@code after}
 */
public record RouteConfig(
        Map<String, List<String>> match,
        List<String> receivers,
        boolean continueMatching,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        List<EscalationStep> escalate) {

    /** Labels a route or silence may match on. */
    public static final List<String> LABELS = List.of("kind", "severity", "service", "provider", "category", "datacenter", "region");

    public RouteConfig {
        match = Map.copyOf(match);
        receivers = List.copyOf(receivers);
        escalate = List.copyOf(escalate);
    }

    /** A route without escalation steps. */
    public RouteConfig(Map<String, List<String>> match, List<String> receivers, boolean continueMatching, Duration groupWait,
                       Duration groupInterval, Duration repeatInterval) {
        this(match, receivers, continueMatching, groupWait, groupInterval, repeatInterval, List.of());
    }
}
