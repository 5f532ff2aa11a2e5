package dev.bongsu.alerting.silence;

import dev.bongsu.model.config.Durations;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated request to create a silence, read from the admin API's JSON body. Every problem is an
 * {@link IllegalArgumentException} whose message starts with the field it concerns ({@code matchers[1].label: …}).
 *
 * @param matchers all must match
 * @param startsAt when it begins (now when not given)
 * @param endsAt   when it ends
 * @param author   who asks
 * @param comment  why
 */
public record SilenceRequest(List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String author, String comment) {
    /** The longest a silence may last. */
    public static final Duration MAX_LENGTH = Duration.ofDays(90);
    /** How far ahead a silence may begin. */
    public static final Duration MAX_LEAD = Duration.ofDays(365);
    /** The most matchers in one silence. */
    public static final int MAX_MATCHERS = 20;
    /** The longest author or comment. */
    public static final int MAX_TEXT = 1000;

    private static final List<String> FIELDS = List.of("matchers", "startsAt", "endsAt", "duration", "author", "comment");
    private static final List<String> MATCHER_FIELDS = List.of("label", "op", "value");
    private static final String TIME_EXAMPLE = "an ISO-8601 UTC time such as 2026-12-01T02:00:00Z";

    /** Reads {@code body}, received at {@code now}. */
    public static SilenceRequest parse(JsonObject body, Instant now) {
        for (String key : body.fieldNames()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException(printable(key) + ": unknown field; expected " + String.join(", ", FIELDS));
            }
        }
        List<LabelMatcher> matchers = matchers(body.getValue("matchers"));
        Instant starts = body.getValue("startsAt") == null ? now : instant(body.getValue("startsAt"), "startsAt");
        if (Duration.between(now, starts).compareTo(MAX_LEAD) > 0) {
            throw new IllegalArgumentException("startsAt: expected a time at most 365d ahead, found '" + starts + "'");
        }
        Instant ends = ends(body, starts);
        if (!ends.isAfter(starts)) {
            throw new IllegalArgumentException("endsAt: expected a time after startsAt (" + starts + "), found '" + ends + "'");
        }
        if (!ends.isAfter(now)) {
            throw new IllegalArgumentException("endsAt: expected a time in the future, found '" + ends + "'");
        }
        if (Duration.between(starts, ends).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("endsAt: a silence may last at most 90d");
        }
        return new SilenceRequest(matchers, starts, ends, text(body, "author"), text(body, "comment"));
    }

    private static Instant ends(JsonObject body, Instant starts) {
        Object endsAt = body.getValue("endsAt");
        Object duration = body.getValue("duration");
        if (endsAt != null && duration != null) {
            throw new IllegalArgumentException("endsAt, duration: give one of them, not both");
        }
        if (endsAt != null) {
            return instant(endsAt, "endsAt");
        }
        if (duration == null) {
            throw new IllegalArgumentException("endsAt or duration: required; expected " + TIME_EXAMPLE + " or a duration such as 2h");
        }
        Duration d = duration instanceof String text ? parseDuration(text) : null;
        if (d == null || d.isZero()) {
            throw new IllegalArgumentException("duration: expected a duration such as 30m, 2h or 1d, found " + describe(duration));
        }
        if (d.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("duration: a silence may last at most 90d, found '" + duration + "'");
        }
        return starts.plus(d);
    }

    private static Duration parseDuration(String text) {
        try {
            return Durations.parse(text);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static List<LabelMatcher> matchers(Object value) {
        if (!(value instanceof JsonArray arr) || arr.isEmpty()) {
            throw new IllegalArgumentException("matchers: expected a non-empty list such as [\"provider=kakao\"], found " + describe(value));
        }
        if (arr.size() > MAX_MATCHERS) {
            throw new IllegalArgumentException("matchers: expected at most " + MAX_MATCHERS + " matchers, found " + arr.size());
        }
        List<LabelMatcher> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String at = "matchers[" + i + "]";
            Object m = arr.getValue(i);
            try {
                if (m instanceof String s) {
                    out.add(LabelMatcher.parse(s));
                } else if (m instanceof JsonObject o) {
                    out.add(matcher(o, at));
                } else {
                    throw new IllegalArgumentException("expected \"label=value\" or {\"label\":…,\"op\":…,\"value\":…}, found " + describe(m));
                }
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(at) ? e : new IllegalArgumentException(at + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static LabelMatcher matcher(JsonObject o, String at) {
        for (String key : o.fieldNames()) {
            if (!MATCHER_FIELDS.contains(key)) {
                throw new IllegalArgumentException(at + "." + printable(key) + ": unknown field; expected label, op, value");
            }
        }
        String label = string(o.getValue("label"), at + ".label", false);
        String op = string(o.getValue("op"), at + ".op", true);
        String value = string(o.getValue("value"), at + ".value", false);
        return new LabelMatcher(label, op == null ? "=" : op, value);
    }

    private static String string(Object v, String at, boolean optional) {
        if (v == null && optional) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(at + ": expected a string, found " + describe(v));
        }
        return s;
    }

    private static Instant instant(Object value, String key) {
        if (value instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(key + ": expected " + TIME_EXAMPLE + ", found " + describe(value));
    }

    private static String text(JsonObject body, String key) {
        Object v = body.getValue(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(key + ": required, a non-empty text; found " + describe(v));
        }
        if (s.length() > MAX_TEXT) {
            throw new IllegalArgumentException(key + ": at most " + MAX_TEXT + " characters, found " + s.length());
        }
        return s;
    }

    /** How a found value is named in a message: its text (shortened) or its JSON type. */
    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "'" + printable(s) + "'";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof JsonArray) {
            return "a list";
        }
        return v instanceof JsonObject ? "an object" : "a " + v.getClass().getSimpleName();
    }

    private static String printable(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        StringBuilder sb = new StringBuilder();
        cut.codePoints().forEach(c -> sb.append(Character.isISOControl(c) ? "?" : new String(Character.toChars(c))));
        return sb.toString();
    }
}
