package dev.bongsu.detector.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Ids like {@code inc-20261124-194501-kakaotalk-k3f9}: UTC start time, subject, a random tag. */
final class TimeSortableIncidentIds implements IncidentIds {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int TAG_RANGE = 36 * 36 * 36 * 36;

    private final RandomGenerator random;

    TimeSortableIncidentIds(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public String next(Instant now, String subject) {
        String tag = Integer.toString(TAG_RANGE + random.nextInt(TAG_RANGE * 35), 36).substring(1, 5);
        return "inc-" + FORMAT.format(now) + "-" + subject.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + tag;
    }
}
