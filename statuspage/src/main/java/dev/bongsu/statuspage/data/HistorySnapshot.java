package dev.bongsu.statuspage.data;

import dev.bongsu.model.ServiceBucket;
import dev.bongsu.statuspage.vantagemap.VantageMeasurements;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The history the pages draw, refreshed on a timer rather than on every state change.
 *
 * @param daysFrom start of the first of the 90 KST days
 * @param daily    per service, one bucket per KST day (days without probes left out)
 * @param dayFrom  start of the last-24-hours window
 * @param recent   per service, 5-minute buckets over the last 24 hours
 * @param vantages what each vantage measured lately per service and over the shown incidents (the outage maps)
 */
public record HistorySnapshot(
        Instant daysFrom,
        Map<String, List<ServiceBucket>> daily,
        Instant dayFrom,
        Map<String, List<ServiceBucket>> recent,
        VantageMeasurements vantages) {

    public HistorySnapshot {
        daily = Map.copyOf(daily);
        recent = Map.copyOf(recent);
        Objects.requireNonNull(vantages, "vantages");
    }

    /** History without measurements per vantage. */
    public HistorySnapshot(Instant daysFrom, Map<String, List<ServiceBucket>> daily, Instant dayFrom,
                           Map<String, List<ServiceBucket>> recent) {
        this(daysFrom, daily, dayFrom, recent, VantageMeasurements.NONE);
    }

    /** No history yet. */
    public static HistorySnapshot empty(Instant now) {
        return new HistorySnapshot(now, Map.of(), now, Map.of());
    }
}
