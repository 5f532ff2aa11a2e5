package dev.bongsu.statuspage.publicview;

import java.util.Locale;

/** Who opened an incident: the detector from probe results, or the operator by declaring it. */
public enum IncidentOrigin {
    DETECTED, OPERATOR;

    /** Lower-case wire name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
