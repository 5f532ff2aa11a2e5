package dev.bongsu.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent an incident is. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    /** Lower-case wire name. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
