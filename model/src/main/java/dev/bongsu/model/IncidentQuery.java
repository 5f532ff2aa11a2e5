package dev.bongsu.model;

import java.time.Instant;

/**
 * Which incidents to read: by state (null for any), and overlapping [from, to) (nulls for unbounded).
 */
public record IncidentQuery(IncidentState state, Instant from, Instant to, int limit) {
    /** Every incident, newest first, up to {@code limit}. */
    public static IncidentQuery all(int limit) {
        return new IncidentQuery(null, null, null, limit);
    }

    /** Open incidents. */
    public static IncidentQuery open() {
        return new IncidentQuery(IncidentState.OPEN, null, null, 10_000);
    }
}
