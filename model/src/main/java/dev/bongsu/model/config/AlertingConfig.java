package dev.bongsu.model.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routing of incident notifications to receivers.
 *
 * @param receivers           where notifications go; a built-in {@code log} receiver exists besides them
 * @param routes              label routes, tried in order
 * @param defaultReceivers    receivers of service and correlated incidents no route matched (empty: every
 *                            configured receiver that is not another's fallback, or {@code log} when none)
 * @param monitoringReceivers receivers of probe faults no route matched (empty: the default receivers)
 * @param groupWait           default delay before an incident's first notification (0: as soon as the detector
 *                            opens it, which does its own confirming)
 * @param groupInterval       default least time between two notifications of one incident to one receiver (when
 *                            not configured: {@link #defaultGroupInterval(Duration)} of the smallest check interval)
 * @param repeatInterval      default re-notification of an open incident without news
 * @param inhibit             whether an open correlated incident suppresses its members' own notifications
 * @param maintenance         planned quiet times
 * @param outbox              retry settings
 * @param ack                 acknowledgement links (signing key, validity)
 */
public record AlertingConfig(
        List<ReceiverConfig> receivers,
        List<RouteConfig> routes,
        List<String> defaultReceivers,
        List<String> monitoringReceivers,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval,
        boolean inhibit,
        List<MaintenanceWindow> maintenance,
        OutboxConfig outbox,
        AckConfig ack) {

    /** Name of the built-in log receiver. */
    public static final String LOG_RECEIVER = "log";
    /** Default group wait: none, the detector confirms before it opens an incident. */
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ZERO;
    /** Group interval when no check interval is known. */
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(1);
    /** Least default group interval. */
    public static final Duration MIN_DEFAULT_GROUP_INTERVAL = Duration.ofSeconds(1);
    /** Greatest default group interval. */
    public static final Duration MAX_DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    /** Default repeat interval. */
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    public AlertingConfig {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        defaultReceivers = List.copyOf(defaultReceivers);
        monitoringReceivers = List.copyOf(monitoringReceivers);
        maintenance = List.copyOf(maintenance);
        java.util.Objects.requireNonNull(ack, "ack");
    }

    /** A config with the default acknowledgement settings. */
    public AlertingConfig(List<ReceiverConfig> receivers, List<RouteConfig> routes, List<String> defaultReceivers,
                          List<String> monitoringReceivers, Duration groupWait, Duration groupInterval, Duration repeatInterval,
                          boolean inhibit, List<MaintenanceWindow> maintenance, OutboxConfig outbox) {
        this(receivers, routes, defaultReceivers, monitoringReceivers, groupWait, groupInterval, repeatInterval, inhibit, maintenance,
                outbox, AckConfig.defaults());
    }

    /** No receivers: notifications are only logged. */
    public static AlertingConfig defaults() {
        return new AlertingConfig(List.of(), List.of(), List.of(), List.of(), DEFAULT_GROUP_WAIT, DEFAULT_GROUP_INTERVAL,
                DEFAULT_REPEAT_INTERVAL, true, List.of(), OutboxConfig.defaults());
    }

    /**
     * The group interval used when none is configured: twice the smallest check interval (an update can follow
     * the probe round that caused it), at least 1 s and at most 5 min; 1 min when no check interval is known.
     */
    public static Duration defaultGroupInterval(Duration smallestCheckInterval) {
        if (smallestCheckInterval == null) {
            return DEFAULT_GROUP_INTERVAL;
        }
        Duration twice = smallestCheckInterval.multipliedBy(2);
        if (twice.compareTo(MIN_DEFAULT_GROUP_INTERVAL) < 0) {
            return MIN_DEFAULT_GROUP_INTERVAL;
        }
        return twice.compareTo(MAX_DEFAULT_GROUP_INTERVAL) > 0 ? MAX_DEFAULT_GROUP_INTERVAL : twice;
    }

    /** The receivers in force: the configured ones plus the built-in {@code log} receiver unless one is named so. */
    public List<ReceiverConfig> effectiveReceivers() {
        if (receivers.stream().anyMatch(r -> r.name().equals(LOG_RECEIVER))) {
            return receivers;
        }
        List<ReceiverConfig> all = new ArrayList<>(receivers);
        all.add(ReceiverConfig.log(LOG_RECEIVER));
        return all;
    }

    /**
     * Receivers of service and correlated incidents no route matched: {@code defaultReceivers}, else every
     * configured receiver that is not another's fallback, else {@code log}.
     */
    public List<String> effectiveDefaultReceivers() {
        if (!defaultReceivers.isEmpty()) {
            return defaultReceivers;
        }
        java.util.Set<String> fallbacks = new java.util.HashSet<>();
        receivers.forEach(r -> {
            if (r.fallback() != null) {
                fallbacks.add(r.fallback());
            }
        });
        List<String> out = receivers.stream().map(ReceiverConfig::name).filter(n -> !fallbacks.contains(n)).toList();
        return out.isEmpty() ? List.of(LOG_RECEIVER) : out;
    }

    /**
     * Receivers of probe faults no route matched: {@code monitoringReceivers}, else the default receivers, so a
     * blind or broken monitoring reaches someone even when no monitoring team is configured.
     */
    public List<String> effectiveMonitoringReceivers() {
        return monitoringReceivers.isEmpty() ? effectiveDefaultReceivers() : monitoringReceivers;
    }

    /** The receiver with this name, among the effective receivers. */
    public Optional<ReceiverConfig> receiver(String name) {
        return effectiveReceivers().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** This config with one more receiver (the demo adds its webhook this way). */
    public AlertingConfig withReceiver(ReceiverConfig receiver) {
        List<ReceiverConfig> more = new ArrayList<>(receivers);
        more.add(receiver);
        return new AlertingConfig(more, routes, defaultReceivers, monitoringReceivers, groupWait, groupInterval,
                repeatInterval, inhibit, maintenance, outbox, ack);
    }

    /** This config with other grouping times (tests and the demo use short ones). */
    public AlertingConfig withGrouping(Duration wait, Duration interval, Duration repeat) {
        return new AlertingConfig(receivers, routes, defaultReceivers, monitoringReceivers, wait, interval, repeat,
                inhibit, maintenance, outbox, ack);
    }
}
