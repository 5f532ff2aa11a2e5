package dev.bongsu.alerting.maintenance;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.config.RouteConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.maintenance.MaintenanceScope;
import dev.bongsu.model.text.TextRules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an admin API body into a maintenance window: a new one ({@code POST}), or a change of an existing one
 * ({@code PUT} gives every field, {@code PATCH} only those it changes). Every problem is an
 * {@link IllegalArgumentException} whose message starts with the field it concerns.
 */
public final class MaintenanceRequest {
    /** The longest a maintenance may last unless {@code force} is given. */
    public static final Duration MAX_LENGTH = Duration.ofDays(7);
    /** How far ahead a maintenance may begin. */
    public static final Duration MAX_LEAD = Duration.ofDays(365);
    /** The longest title per language. */
    public static final int MAX_TITLE = 200;
    /** The longest description per language. */
    public static final int MAX_DESCRIPTION = 5000;
    private static final List<String> FIELDS = List.of("title", "description", "start", "end", "services", "match", "public", "name", "force");
    private static final String TIME_EXAMPLE = "a time with offset such as 2026-12-01T02:00:00+09:00 (or a local time in KST)";

    private MaintenanceRequest() {
    }

    /**
     * The window {@code body} asks for.
     *
     * @param body     the JSON body
     * @param current  the window being changed, or {@code null} to create one
     * @param partial  whether missing fields keep their current value (PATCH); ignored when creating
     * @param id       the id of a new window
     * @param services the configured services (scope values are checked against them)
     * @param now      when the request came
     */
    public static MaintenanceWindow read(JsonObject body, MaintenanceWindow current, boolean partial, String id,
                                         List<ServiceConfig> services, Instant now) {
        for (String key : body.fieldNames()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException(printable(key) + ": unknown field; expected one of " + String.join(", ", FIELDS));
            }
        }
        boolean keep = current != null && partial;
        LocalizedText title = has(body, "title") || !keep ? text(body.getValue("title"), "title", MAX_TITLE, true) : current.title();
        LocalizedText description = has(body, "description") || !keep
                ? text(body.getValue("description"), "description", MAX_DESCRIPTION, false) : current.description();
        Instant start = has(body, "start") || !keep ? instant(body.getValue("start"), "start") : current.start();
        Instant end = has(body, "end") || !keep ? instant(body.getValue("end"), "end") : current.end();
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end: expected a time after start (" + start + "), found '" + end + "'");
        }
        if (!end.isAfter(now)) {
            throw new IllegalArgumentException("end: expected a time in the future, found '" + end + "'");
        }
        if (Duration.between(now, start).compareTo(MAX_LEAD) > 0) {
            throw new IllegalArgumentException("start: expected a time at most 365 days ahead, found '" + start + "'");
        }
        Object force = body.getValue("force");
        if (force != null && !(force instanceof Boolean)) {
            throw new IllegalArgumentException("force: expected true or false");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0 && !Boolean.TRUE.equals(force)) {
            throw new IllegalArgumentException("end: a maintenance may last at most 7 days (this one lasts "
                    + Duration.between(start, end).toHours() + " h); give \"force\": true if that is meant");
        }
        Map<String, List<String>> match = scope(body, current, keep, services);
        Object pub = body.getValue("public");
        if (pub != null && !(pub instanceof Boolean)) {
            throw new IllegalArgumentException("public: expected true or false");
        }
        boolean isPublic = pub != null ? (Boolean) pub : keep ? current.isPublic() : true;
        String name = body.getValue("name") != null ? name(body.getValue("name")) : current != null ? current.name() : id;
        if (current == null) {
            return new MaintenanceWindow(id, name, match, start, end, Set.of(), null, null, MaintenanceWindow.DEFAULT_ZONE, title, description,
                    isPublic, now, now, null, 1);
        }
        return new MaintenanceWindow(current.id(), name, match, start, end, Set.of(), null, null, current.timeZone(), title, description,
                isPublic, current.createdAt(), now, current.cancelledAt(), current.version() + 1);
    }

    private static boolean has(JsonObject body, String key) {
        return body.containsKey(key);
    }

    private static Map<String, List<String>> scope(JsonObject body, MaintenanceWindow current, boolean keep, List<ServiceConfig> services) {
        boolean hasServices = body.getValue("services") != null;
        boolean hasMatch = body.getValue("match") != null;
        if (!hasServices && !hasMatch) {
            if (keep) {
                return current.match();
            }
            throw new IllegalArgumentException("services: required: a list of service ids (or a label \"match\" such as "
                    + "{\"provider\": [\"kakao\"]}; an empty match {} covers every service)");
        }
        Map<String, List<String>> match = new LinkedHashMap<>();
        if (hasMatch) {
            if (!(body.getValue("match") instanceof JsonObject m)) {
                throw new IllegalArgumentException("match: expected an object of label to a value or a list of values");
            }
            for (String label : m.fieldNames()) {
                if (!RouteConfig.LABELS.contains(label)) {
                    throw new IllegalArgumentException("match." + printable(label) + ": unknown label; expected one of "
                            + String.join(", ", RouteConfig.LABELS));
                }
                match.put(label, values(m.getValue(label), "match." + label, known(label, services)));
            }
        }
        if (hasServices) {
            List<String> ids = values(body.getValue("services"), "services", known("service", services));
            match.merge("service", ids, (a, b) -> List.copyOf(new LinkedHashSet<>(b)));
        }
        if (!match.isEmpty() && MaintenanceScope.services(match, services).isEmpty()
                && !(match.size() == 1 && match.containsKey("kind"))) {
            throw new IllegalArgumentException((hasServices ? "services" : "match") + ": covers no configured service");
        }
        return match;
    }

    private static Set<String> known(String label, List<ServiceConfig> services) {
        Set<String> out = new LinkedHashSet<>();
        switch (label) {
            case "kind" -> out.addAll(List.of("service", "correlated", "probe_fault"));
            case "severity" -> out.addAll(List.of("critical", "warning", "info"));
            case "service" -> services.forEach(s -> out.add(s.id()));
            default -> services.forEach(s -> out.addAll(s.attributeValues(label)));
        }
        return out;
    }

    private static List<String> values(Object v, String field, Set<String> known) {
        List<Object> raw = new ArrayList<>();
        if (v instanceof JsonArray a) {
            a.forEach(raw::add);
        } else {
            raw.add(v);
        }
        if (raw.isEmpty()) {
            throw new IllegalArgumentException(field + ": expected at least one value");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = v instanceof JsonArray ? field + "[" + i + "]" : field;
            if (!(raw.get(i) instanceof String s)) {
                throw new IllegalArgumentException(at + ": expected a text");
            }
            if (!known.contains(s)) {
                throw new IllegalArgumentException(at + ": unknown " + (field.equals("services") ? "service" : "value") + " '" + printable(s)
                        + "'; expected one of " + String.join(", ", known.stream().limit(12).toList()) + (known.size() > 12 ? ", …" : ""));
            }
            out.add(s);
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private static LocalizedText text(Object v, String field, int max, boolean required) {
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException(field + ": required: {\"ko\": …, \"en\": …} or one text for both");
            }
            return null;
        }
        if (v instanceof String s) {
            String t = oneText(s, field, max);
            return new LocalizedText(t, t);
        }
        if (v instanceof JsonObject o) {
            for (String k : o.fieldNames()) {
                if (!k.equals("ko") && !k.equals("en")) {
                    throw new IllegalArgumentException(field + "." + printable(k) + ": unknown field; expected ko and en");
                }
            }
            if (!(o.getValue("ko") instanceof String ko)) {
                throw new IllegalArgumentException(field + ".ko: required text");
            }
            if (!(o.getValue("en") instanceof String en)) {
                throw new IllegalArgumentException(field + ".en: required text");
            }
            return new LocalizedText(oneText(ko, field + ".ko", max), oneText(en, field + ".en", max));
        }
        throw new IllegalArgumentException(field + ": expected a text or {\"ko\": …, \"en\": …}");
    }

    private static String oneText(String s, String field, int max) {
        String t = s.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(field + ": expected a non-empty text");
        }
        if (t.length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters, found " + t.length());
        }
        TextRules.problem(t).ifPresent(p -> {
            throw new IllegalArgumentException(field + ": text " + p);
        });
        return t;
    }

    private static String name(Object v) {
        if (!(v instanceof String s) || s.isBlank() || s.length() > 200 || TextRules.problem(s).isPresent()) {
            throw new IllegalArgumentException("name: expected a non-empty text of at most 200 characters");
        }
        return s.strip();
    }

    private static Instant instant(Object v, String field) {
        if (v == null) {
            throw new IllegalArgumentException(field + ": required: " + TIME_EXAMPLE);
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(field + ": expected " + TIME_EXAMPLE);
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(MaintenanceWindow.DEFAULT_ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(field + ": expected " + TIME_EXAMPLE + ", found '" + printable(s) + "'");
            }
        }
    }

    /** A value as it may be echoed in an error: short, without control characters. */
    static String printable(String s) {
        String t = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        StringBuilder b = new StringBuilder();
        t.codePoints().forEach(cp -> b.append(Character.isISOControl(cp) || TextRules.isBidiControl(cp) || !TextRules.isXmlChar(cp)
                ? "?" : new String(Character.toChars(cp))));
        return b.toString();
    }
}
