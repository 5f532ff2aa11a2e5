package dev.bongsu.statuspage.updates;

import java.util.Locale;
import java.util.Optional;

/** Where staff say an incident stands, in the words status pages use. */
public enum UpdateStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    /** Lower-case wire name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name, if any. */
    public static Optional<UpdateStatus> parse(String s) {
        for (UpdateStatus u : values()) {
            if (u.wireName().equals(s)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
