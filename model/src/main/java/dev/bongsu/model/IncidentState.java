package dev.bongsu.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an incident is still going on. */
public enum IncidentState {
    OPEN, RESOLVED;

    /** Lower-case wire name. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
