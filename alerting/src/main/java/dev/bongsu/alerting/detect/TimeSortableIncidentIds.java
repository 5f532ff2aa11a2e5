package dev.bongsu.alerting.detect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Ids like {@code inc-20261124-194501-kakaotalk-1}: UTC time of detection, subject, a running counter. */
final class TimeSortableIncidentIds implements IncidentIds {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private int counter;

    @Override
    public String next(Instant now, String subject) {
        counter++;
        return "inc-" + FORMAT.format(now) + "-" + subject.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + counter;
    }
}
