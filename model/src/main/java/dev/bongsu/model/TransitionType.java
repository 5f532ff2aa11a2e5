package dev.bongsu.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An incident transition; its webhook event name is {@code incident.<type>}. */
public enum TransitionType {
    OPENED, UPDATED, RESOLVED;

    /** Lower-case wire name. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The webhook event name, e.g. {@code incident.opened}. */
    public String eventName() {
        return "incident." + wireName();
    }
}
