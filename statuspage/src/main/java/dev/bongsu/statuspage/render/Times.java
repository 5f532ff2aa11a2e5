package dev.bongsu.statuspage.render;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times as the public sees them: Korea Standard Time, with the zone written out. */
public final class Times {
    /** The zone every public time is shown in. */
    public static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Times() {
    }

    /** e.g. {@code 2026-11-25 22:31 KST}. */
    public static String display(Instant t) {
        return t == null ? "" : DISPLAY.format(t.atZone(KST)) + " KST";
    }

    /** e.g. {@code 2026-11-25}, the KST day. */
    public static String day(Instant t) {
        return DAY.format(t.atZone(KST));
    }

    /** ISO-8601 with the KST offset, e.g. {@code 2026-11-25T22:31:00+09:00}; {@code null} stays null. */
    public static String iso(Instant t) {
        return t == null ? null : ISO.format(OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), KST));
    }

    /** The machine-readable value of an HTML {@code <time>} element. */
    public static String attr(Instant t) {
        return iso(t);
    }

    /** A duration in the reader's language, e.g. {@code 1h 5m} or {@code 1시간 5분}. */
    public static String duration(Duration d, Lang lang) {
        boolean ko = lang == Lang.KO;
        String min = ko ? "분" : "m";
        String hour = ko ? "시간" : "h";
        String day = ko ? "일" : "d";
        long m = Math.max(0, d.toMinutes());
        if (m < 60) {
            return m + min;
        }
        long h = m / 60;
        if (h < 48) {
            return h + hour + " " + (m % 60) + min;
        }
        return (h / 24) + day + " " + (h % 24) + hour;
    }
}
