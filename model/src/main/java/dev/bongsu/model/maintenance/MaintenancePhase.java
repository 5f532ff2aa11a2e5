package dev.bongsu.model.maintenance;

import dev.bongsu.model.config.MaintenanceWindow;
import java.time.Instant;
import java.util.Locale;

/** Where a maintenance stands at a time; the wire names are those of the Statuspage v2 API. */
public enum MaintenancePhase {
    /** Announced, not begun (a recurring window between two runs). */
    SCHEDULED,
    /** Running now: its services show "maintenance" and their notifications are muted. */
    IN_PROGRESS,
    /** Ended (a one-off window after its end). */
    COMPLETED,
    /** Called off. */
    CANCELLED;

    /** {@code scheduled}, {@code in_progress}, {@code completed} or {@code cancelled}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase of {@code w} at {@code now}. */
    public static MaintenancePhase of(MaintenanceWindow w, Instant now) {
        if (w.cancelled()) {
            return CANCELLED;
        }
        return w.occurrence(now).map(o -> o.contains(now) ? IN_PROGRESS : SCHEDULED).orElse(COMPLETED);
    }
}
