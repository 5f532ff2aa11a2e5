package dev.bongsu.alerting.maintenance;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.MaintenanceWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The record form of a maintenance window: stored in maintenance.db, shared between servers, shown by the admin API. */
public final class MaintenanceRecords {
    private MaintenanceRecords() {
    }

    /** A window as a JSON record. */
    public static JsonObject toJson(MaintenanceWindow w) {
        JsonObject match = new JsonObject();
        w.match().forEach((k, v) -> match.put(k, new JsonArray(List.copyOf(v))));
        JsonObject o = new JsonObject()
                .put("id", w.id())
                .put("version", w.version())
                .put("name", w.name())
                .put("match", match)
                .put("title", text(w.title()))
                .put("description", text(w.description()))
                .put("public", w.isPublic())
                .put("timeZone", w.timeZone().getId());
        if (w.recurring()) {
            JsonArray days = new JsonArray();
            w.days().stream().sorted().forEach(d -> days.add(d.name().toLowerCase(java.util.Locale.ROOT).substring(0, 3)));
            o.put("days", days).put("at", w.at().toString()).put("duration", w.duration().toString());
        } else {
            o.put("start", w.start().toString()).put("end", w.end().toString());
        }
        return o.put("createdAt", iso(w.createdAt())).put("updatedAt", iso(w.updatedAt())).put("cancelledAt", iso(w.cancelledAt()));
    }

    /** Reads a one-off window's record; an {@link IllegalArgumentException} says what is wrong. */
    public static MaintenanceWindow fromJson(JsonObject o) {
        try {
            Map<String, List<String>> match = new LinkedHashMap<>();
            JsonObject m = o.getJsonObject("match", new JsonObject());
            for (String k : m.fieldNames()) {
                List<String> values = new ArrayList<>();
                m.getJsonArray(k).forEach(v -> values.add((String) v));
                match.put(k, values);
            }
            String id = o.getString("id");
            if (id == null || o.getString("name") == null) {
                throw new IllegalArgumentException("maintenance record without id or name: " + o.encode());
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            JsonArray d = o.getJsonArray("days");
            LocalTime at = null;
            Duration duration = null;
            if (d != null) {
                for (Object x : d) {
                    String t = ((String) x).toUpperCase(java.util.Locale.ROOT);
                    days.add(java.util.Arrays.stream(DayOfWeek.values()).filter(v -> v.name().startsWith(t)).findFirst().orElseThrow());
                }
                at = LocalTime.parse(o.getString("at"));
                duration = Duration.parse(o.getString("duration"));
            } else if (o.getString("start") == null || o.getString("end") == null) {
                throw new IllegalArgumentException("maintenance record without start and end: " + o.encode());
            }
            return new MaintenanceWindow(id, o.getString("name"), match, instant(o.getString("start")), instant(o.getString("end")), days,
                    at, duration, ZoneId.of(o.getString("timeZone", MaintenanceWindow.DEFAULT_ZONE.getId())),
                    localized(o.getJsonObject("title")), localized(o.getJsonObject("description")), o.getBoolean("public", false),
                    instant(o.getString("createdAt")), instant(o.getString("updatedAt")), instant(o.getString("cancelledAt")),
                    o.getLong("version", 1L));
        } catch (ClassCastException | NullPointerException | java.time.DateTimeException | java.util.NoSuchElementException e) {
            throw new IllegalArgumentException("not a maintenance record: " + o.encode());
        }
    }

    /** {@code {"ko":…,"en":…}} or {@code null}. */
    public static JsonObject text(LocalizedText t) {
        return t == null ? null : new JsonObject().put("ko", t.ko()).put("en", t.en());
    }

    private static LocalizedText localized(JsonObject o) {
        return o == null ? null : new LocalizedText(o.getString("ko"), o.getString("en"));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
