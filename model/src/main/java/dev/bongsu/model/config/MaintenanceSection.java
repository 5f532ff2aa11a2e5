package dev.bongsu.model.config;

import dev.bongsu.model.LocalizedText;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the windows of {@code alerting.maintenance}: when alerts are muted, and what the status page announces. */
final class MaintenanceSection {
    private MaintenanceSection() {
    }

    /** One window of {@code alerting.maintenance}: one-off (start, end) or recurring (days, at, duration). */
    static MaintenanceWindow window(ConfigNode w) {
        w.allowOnly("name", "id", "match", "start", "end", "days", "at", "duration", "timeZone", "title", "description", "public");
        String name = w.require("name").nonEmptyText();
        String id = w.get("id").isMissing() ? MaintenanceWindow.idFor(name) : w.get("id").id();
        LocalizedText title = StatusPageSection.text(w.get("title"), null);
        LocalizedText description = StatusPageSection.text(w.get("description"), null);
        boolean isPublic = w.get("public").boolOr(title != null);
        if (isPublic && title == null) {
            throw w.get("public").problem("a public maintenance window needs a title (ko and en, or one text for both)");
        }
        ZoneId zone = MaintenanceWindow.DEFAULT_ZONE;
        ConfigNode tz = w.get("timeZone");
        if (!tz.isMissing()) {
            try {
                zone = ZoneId.of(tz.text());
            } catch (DateTimeException e) {
                throw tz.error("a time zone such as Asia/Seoul or UTC");
            }
        }
        Map<String, List<String>> match = AlertingSection.matchers(w.get("match"));
        boolean oneOff = !w.get("start").isMissing() || !w.get("end").isMissing();
        boolean recurring = !w.get("at").isMissing() || !w.get("days").isMissing() || !w.get("duration").isMissing();
        if (oneOff == recurring) {
            throw w.problem("expected either start and end (one-off) or days, at and duration (recurring)");
        }
        if (oneOff) {
            Instant start = instant(w.require("start"), zone);
            Instant end = instant(w.require("end"), zone);
            if (!end.isAfter(start)) {
                throw w.get("end").error("a time after start");
            }
            return new MaintenanceWindow(id, name, match, start, end, Set.of(), null, null, zone, title, description, isPublic,
                    null, null, null, 1);
        }
        ConfigNode at = w.require("at");
        LocalTime time;
        try {
            time = LocalTime.parse(at.text());
        } catch (DateTimeException e) {
            throw at.error("a local time such as 02:00");
        }
        return new MaintenanceWindow(id, name, match, null, null, days(w.require("days")), time,
                w.require("duration").duration(Duration.ofMinutes(1), Duration.ofDays(7)), zone, title, description, isPublic,
                null, null, null, 1);
    }

    private static Instant instant(ConfigNode n, ZoneId zone) {
        String t = n.text();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeException e2) {
                throw n.error("a time such as 2026-12-01T02:00 (in timeZone) or 2026-12-01T02:00+09:00");
            }
        }
    }

    private static Set<DayOfWeek> days(ConfigNode n) {
        if (n.isScalar() && "daily".equals(n.text())) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        List<String> values = n.texts();
        List<ConfigNode> nodes = n.oneOrMany();
        for (int i = 0; i < values.size(); i++) {
            DayOfWeek d = day(values.get(i));
            if (d == null) {
                throw nodes.get(i).error("a day such as mon, tue, wed, thu, fri, sat, sun (or 'daily')");
            }
            out.add(d);
        }
        if (out.isEmpty()) {
            throw n.error("at least one day");
        }
        return out;
    }

    private static DayOfWeek day(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (t.equals(full) || t.equals(full.substring(0, 3))) {
                return d;
            }
        }
        return null;
    }
}
