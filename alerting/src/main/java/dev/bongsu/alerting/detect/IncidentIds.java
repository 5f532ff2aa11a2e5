package dev.bongsu.alerting.detect;

import java.time.Instant;

/** Makes incident ids that are unique across restarts. */
@FunctionalInterface
public interface IncidentIds {
    /** A new id for an incident about {@code subject} (a service, a group or a vantage), detected at {@code now}. */
    String next(Instant now, String subject);

    /** The default: {@code inc-<yyyyMMdd-HHmmss>-<subject>-<n>}, time-sortable, with a counter per detector. */
    static IncidentIds timeSortable() {
        return new TimeSortableIncidentIds();
    }
}
