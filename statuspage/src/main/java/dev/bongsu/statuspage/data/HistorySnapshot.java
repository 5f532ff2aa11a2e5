package dev.bongsu.statuspage.data;

import dev.bongsu.model.ServiceBucket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The history the pages draw, refreshed on a timer rather than on every state change.
 *
 * @param daysFrom start of the first of the 90 KST days
 * @param daily    per service, one bucket per KST day (days without probes left out)
 * @param dayFrom  start of the last-24-hours window
 * @param recent   per service, 5-minute buckets over the last 24 hours
 */
public record HistorySnapshot(
        Instant daysFrom,
        Map<String, List<ServiceBucket>> daily,
        Instant dayFrom,
        Map<String, List<ServiceBucket>> recent) {

    public HistorySnapshot {
        daily = Map.copyOf(daily);
        recent = Map.copyOf(recent);
    }

    /** No history yet. */
    public static HistorySnapshot empty(Instant now) {
        return new HistorySnapshot(now, Map.of(), now, Map.of());
    }
}
