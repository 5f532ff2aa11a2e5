package dev.bongsu.statuspage.data;

import dev.bongsu.model.Health;
import java.util.Collection;
import java.util.Locale;

/** The state of the whole page, shown in the banner. */
public enum Overall {
    /** Every service with data is up. */
    OPERATIONAL,
    /** Something is slow or partly failing, nothing is down. */
    DEGRADED,
    /** Some services are down, fewer than half. */
    PARTIAL_OUTAGE,
    /** Half of the services or more are down. */
    MAJOR_OUTAGE,
    /** No service has data yet. */
    NO_DATA,
    /** Nothing is wrong but that some services are in a scheduled maintenance in progress. */
    MAINTENANCE;

    /** Lower-case wire name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The overall state of these service healths. */
    public static Overall of(Collection<Health> healths) {
        int down = 0;
        int degraded = 0;
        int known = 0;
        for (Health h : healths) {
            switch (h) {
                case DOWN -> down++;
                case DEGRADED -> degraded++;
                default -> {
                }
            }
            if (h != Health.UNKNOWN) {
                known++;
            }
        }
        if (known == 0) {
            return NO_DATA;
        }
        if (down > 0 && down * 2 >= healths.size()) {
            return MAJOR_OUTAGE;
        }
        if (down > 0) {
            return PARTIAL_OUTAGE;
        }
        return degraded > 0 ? DEGRADED : OPERATIONAL;
    }
}
