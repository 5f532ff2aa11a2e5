package dev.bongsu.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an incident is about. */
public enum IncidentKind {
    /** One service is down or degraded. */
    SERVICE,
    /** Several services failed together; the incident names their likely common cause. */
    CORRELATED,
    /** A vantage (or every vantage) is failing on its own side: for the monitoring team, not a service outage. */
    PROBE_FAULT;

    /** Lower-case wire name. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
