package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.model.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Which minutes a map covers: pure, time is an input. */
public final class MeasuredWindows {
    /** The recent window of a service page: the last five minutes and the minute under way. */
    public static final Duration LIVE = Duration.ofMinutes(5);
    /** At most this much of an incident is read: its first three hours say where it failed from. */
    public static final Duration INCIDENT_CAP = Duration.ofHours(3);
    /** At most this many member services of one incident are read. */
    public static final int MAX_SERVICES = 12;
    private static final long MINUTE = 60_000;

    private MeasuredWindows() {
    }

    /** The live window ending with the minute under way at {@code now}. */
    public static MeasuredWindow live(Instant now) {
        Instant to = ceilMinute(now.plusMillis(1));
        return MeasuredWindow.empty(to.minus(LIVE).minusSeconds(60), to);
    }

    /**
     * The window of an incident: from the minute it started to the end of the minute it was resolved in (or of the
     * minute under way while open), at most {@link #INCIDENT_CAP}; {@code capped} says when it was cut.
     */
    public static MeasuredWindow incident(Incident i, Instant now) {
        Instant from = floorMinute(i.startedAt());
        Instant end = i.resolvedAt() != null ? i.resolvedAt() : now;
        Instant to = ceilMinute(end.plusMillis(1));
        if (!to.isAfter(from)) {
            to = from.plusMillis(MINUTE);
        }
        boolean capped = Duration.between(from, to).compareTo(INCIDENT_CAP) > 0;
        return new MeasuredWindow(from, capped ? from.plus(INCIDENT_CAP) : to, java.util.Map.of(), capped);
    }

    /** The member services whose probes are read for an incident. */
    public static List<String> services(Incident i) {
        return i.services().size() <= MAX_SERVICES ? i.services() : i.services().subList(0, MAX_SERVICES);
    }

    static Instant floorMinute(Instant t) {
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), MINUTE) * MINUTE);
    }

    static Instant ceilMinute(Instant t) {
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli() + MINUTE - 1, MINUTE) * MINUTE);
    }
}
