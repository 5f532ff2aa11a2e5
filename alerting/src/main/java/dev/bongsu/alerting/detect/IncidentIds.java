package dev.bongsu.alerting.detect;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** Makes incident ids that are unique across restarts. */
@FunctionalInterface
public interface IncidentIds {
    /** A new id for an incident about {@code subject} (a service, a group or a vantage), detected at {@code now}. */
    String next(Instant now, String subject);

    /**
     * The default: {@code inc-<yyyyMMdd-HHmmss>-<subject>-<4 random base-36 chars>}, sortable by time; the random
     * part keeps ids of different runs apart.
     */
    static IncidentIds timeSortable(RandomGenerator random) {
        return new TimeSortableIncidentIds(random);
    }
}
