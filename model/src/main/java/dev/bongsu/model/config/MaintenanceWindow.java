package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scheduled maintenance: one object for alerting and the public page. While it runs, matching notifications are
 * recorded as suppressed instead of sent; when it has a public {@code title} it is also announced on the status page
 * and its feeds, and the services in its scope show "maintenance" instead of their probed state. Either one-off
 * ({@code start}/{@code end}) or recurring ({@code days} + {@code at} + {@code duration} in {@code timeZone}). Made in
 * YAML ({@code alerting.maintenance}) or through the admin API.
 *
 * @param id          stable id: given in YAML or made from the name; {@code mnt-…} for those made by the admin API
 * @param name        the internal name, shown as the reason of suppressed notifications
 * @param match       label matchers as in routes; empty matches every incident (and covers every service)
 * @param start       one-off start, or {@code null}
 * @param end         one-off end, or {@code null}
 * @param days        recurring days of the week (empty for one-off)
 * @param at          recurring local start time, or {@code null}
 * @param duration    recurring length, or {@code null}
 * @param timeZone    the zone of {@code at} and of local one-off times
 * @param title       the public title, or {@code null} (then the window only mutes)
 * @param description the public description, or {@code null}
 * @param isPublic    whether the page, feeds and subscribers are told (only with a title)
 * @param createdAt   when it was made ({@code null} for YAML windows)
 * @param updatedAt   when it was last changed ({@code null} for YAML windows)
 * @param cancelledAt when it was cancelled, or {@code null}; a cancelled window mutes nothing and shows as cancelled
 * @param version     1 when made, one more with every change, so the servers of a cluster settle on the latest
 */
public record MaintenanceWindow(
        String id,
        String name,
        Map<String, List<String>> match,
        Instant start,
        Instant end,
        Set<DayOfWeek> days,
        LocalTime at,
        Duration duration,
        ZoneId timeZone,
        LocalizedText title,
        LocalizedText description,
        boolean isPublic,
        Instant createdAt,
        Instant updatedAt,
        Instant cancelledAt,
        long version) {

    /** The default time zone of maintenance windows. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    public MaintenanceWindow {
        match = Map.copyOf(match);
        days = Set.copyOf(days);
    }

    /** A mute-only window as configured before maintenance was public: the id is made from the name. */
    public MaintenanceWindow(String name, Map<String, List<String>> match, Instant start, Instant end, Set<DayOfWeek> days,
                             LocalTime at, Duration duration, ZoneId timeZone) {
        this(idFor(name), name, match, start, end, days, at, duration, timeZone, null, null, false, null, null, null, 1);
    }

    /** One run of a window: from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Occurrence(Instant start, Instant end) {
        /** Whether {@code now} is inside this run. */
        public boolean contains(Instant now) {
            return !now.isBefore(start) && now.isBefore(end);
        }
    }

    /** Whether this is a recurring window. */
    public boolean recurring() {
        return at != null;
    }

    /** Whether it was cancelled. */
    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** Whether the public is told about it: public and titled. */
    public boolean announced() {
        return isPublic && title != null;
    }

    /** Whether the window is in force at {@code now} (labels aside); a cancelled window never is. */
    public boolean activeAt(Instant now) {
        return !cancelled() && occurrence(now).map(o -> o.contains(now)).orElse(false);
    }

    /**
     * The run in force at {@code now}, else the next one to start; empty when a one-off window has ended (or a
     * recurring one has no day). Cancellation is not considered here.
     */
    public Optional<Occurrence> occurrence(Instant now) {
        if (!recurring()) {
            return now.isBefore(end) ? Optional.of(new Occurrence(start, end)) : Optional.empty();
        }
        // A run that began on an earlier day may still go on (e.g. Sunday 23:00 for 3h), so look back far enough.
        LocalDate today = now.atZone(timeZone).toLocalDate();
        for (long day = -(duration.toDays() + 1); day <= 8; day++) {
            LocalDate d = today.plusDays(day);
            if (!days.contains(d.getDayOfWeek())) {
                continue;
            }
            Instant begin = d.atTime(at).atZone(timeZone).toInstant();
            if (now.isBefore(begin.plus(duration))) {
                return Optional.of(new Occurrence(begin, begin.plus(duration)));
            }
        }
        return Optional.empty();
    }

    /** The most recent run that has ended by {@code now}, if any (recurring windows look back a week). */
    public Optional<Occurrence> lastEnded(Instant now) {
        if (!recurring()) {
            return end.isAfter(now) ? Optional.empty() : Optional.of(new Occurrence(start, end));
        }
        LocalDate today = now.atZone(timeZone).toLocalDate();
        for (long day = 0; day >= -8; day--) {
            LocalDate d = today.plusDays(day);
            Instant begin = d.atTime(at).atZone(timeZone).toInstant();
            if (days.contains(d.getDayOfWeek()) && !begin.plus(duration).isAfter(now)) {
                return Optional.of(new Occurrence(begin, begin.plus(duration)));
            }
        }
        return Optional.empty();
    }

    /** An id made from a name: lower case, runs of other characters as one '-', at most 63 characters. */
    public static String idFor(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 63) {
            s = s.substring(0, 63).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "maintenance" : s;
    }
}
