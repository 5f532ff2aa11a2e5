package dev.bongsu.detector.core;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** Makes incident ids that are unique across restarts. */
@FunctionalInterface
public interface IncidentIds {
    /**
     * A new id for an incident about {@code subject} (a service, {@code group}, {@code probe-<vantage>} or
     * {@code network}) that started at {@code startedAt} (taken from probe times where possible).
     */
    String next(Instant startedAt, String subject);

    /**
     * The default: {@code inc-<yyyyMMdd-HHmmss of the start>-<subject>-<4 random base-36 chars>}, sortable by time; the random
     * part keeps ids of different runs apart.
     */
    static IncidentIds timeSortable(RandomGenerator random) {
        return new TimeSortableIncidentIds(random);
    }
}
