package dev.bongsu.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The health of a check or service. */
public enum Health {
    UP, DEGRADED, DOWN, UNKNOWN;

    /** Lower-case wire name. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
