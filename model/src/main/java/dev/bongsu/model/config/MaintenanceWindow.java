package dev.bongsu.model.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A planned quiet time: matching notifications are recorded as suppressed instead of sent. Either one-off
 * ({@code start}/{@code end}) or recurring ({@code days} + {@code at} + {@code duration} in {@code timeZone}).
 *
 * @param name     shown as the reason of suppressed notifications
 * @param match    label matchers as in routes; empty matches every incident
 * @param start    one-off start, or {@code null}
 * @param end      one-off end, or {@code null}
 * @param days     recurring days of the week (empty for one-off)
 * @param at       recurring local start time, or {@code null}
 * @param duration recurring length, or {@code null}
 * @param timeZone the zone of {@code at} and of local one-off times
 */
public record MaintenanceWindow(
        String name,
        Map<String, List<String>> match,
        Instant start,
        Instant end,
        Set<DayOfWeek> days,
        LocalTime at,
        Duration duration,
        ZoneId timeZone) {

    /** The default time zone of maintenance windows. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    public MaintenanceWindow {
        match = Map.copyOf(match);
        days = Set.copyOf(days);
    }

    /** Whether this is a recurring window. */
    public boolean recurring() {
        return at != null;
    }

    /** Whether the window is in force at {@code now} (labels aside). */
    public boolean activeAt(Instant now) {
        if (!recurring()) {
            return !now.isBefore(start) && now.isBefore(end);
        }
        // A window that began on an earlier day may still run (e.g. Sunday 23:00 for 3h), so look back far enough.
        long lookBackDays = duration.toDays() + 1;
        java.time.LocalDate today = now.atZone(timeZone).toLocalDate();
        for (long back = 0; back <= lookBackDays; back++) {
            java.time.LocalDate day = today.minusDays(back);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant begin = day.atTime(at).atZone(timeZone).toInstant();
            if (!now.isBefore(begin) && now.isBefore(begin.plus(duration))) {
                return true;
            }
        }
        return false;
    }
}
