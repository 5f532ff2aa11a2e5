package dev.bongsu.statuspage.api;

import dev.bongsu.model.IncidentState;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Times;
import io.vertx.core.MultiMap;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;

/** Reads and checks query parameters; anything unusable is a {@link BadParameter} naming it. */
public final class Params {
    /** The earliest time a query may name. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The latest time a query may name. */
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final Pattern SHORT_DURATION = Pattern.compile("([1-9][0-9]{0,4})(m|h|d)");
    private static final int MAX_LENGTH = 64;

    private final MultiMap query;

    /** Parameters of one request. */
    public Params(MultiMap query) {
        this.query = query;
    }

    /** The single value of a parameter, if given. */
    public Optional<String> single(String name) {
        List<String> all = query.getAll(name);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        if (all.size() > 1) {
            throw new BadParameter("parameter '" + name + "' given " + all.size() + " times: give it once");
        }
        String v = all.get(0);
        if (v.length() > MAX_LENGTH) {
            throw new BadParameter("parameter '" + name + "': expected at most " + MAX_LENGTH + " characters, found " + v.length());
        }
        return Optional.of(v);
    }

    /** A time: ISO-8601 with an offset ({@code 2026-11-25T09:00:00+09:00}, {@code …Z}) or a KST day ({@code 2026-11-25}). */
    public Optional<Instant> time(String name) {
        return single(name).map(v -> parseTime(name, v));
    }

    /** A KST day {@code yyyy-MM-dd}. */
    public Optional<LocalDate> day(String name) {
        return single(name).map(v -> {
            try {
                LocalDate d = LocalDate.parse(v);
                checkRange(name, d.atStartOfDay(Times.KST).toInstant());
                return d;
            } catch (DateTimeParseException e) {
                throw new BadParameter("parameter '" + name + "': expected a day like 2026-11-25, found '" + shorten(v) + "'");
            }
        });
    }

    /** A step: ISO-8601 ({@code PT5M}) or short ({@code 5m}, {@code 1h}, {@code 1d}), whole minutes within [min, max]. */
    public Optional<Duration> step(String name, Duration min, Duration max) {
        return single(name).map(v -> {
            Duration d;
            Matcher m = SHORT_DURATION.matcher(v);
            try {
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    d = switch (m.group(2)) {
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
                } else {
                    d = Duration.parse(v.toUpperCase(Locale.ROOT));
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new BadParameter("parameter '" + name + "': expected a duration like 5m, 1h, 1d or PT5M, found '" + shorten(v) + "'");
            }
            if (d.isNegative() || d.isZero() || d.compareTo(min) < 0 || d.compareTo(max) > 0 || d.toSeconds() % 60 != 0) {
                throw new BadParameter("parameter '" + name + "': expected whole minutes between " + min.toMinutes() + "m and "
                        + max.toMinutes() + "m, found '" + shorten(v) + "'");
            }
            return d;
        });
    }

    /** An incident state, {@code open} or {@code resolved}. */
    public Optional<IncidentState> incidentState(String name) {
        return single(name).map(v -> switch (v) {
            case "open" -> IncidentState.OPEN;
            case "resolved" -> IncidentState.RESOLVED;
            default -> throw new BadParameter("parameter '" + name + "': expected open or resolved, found '" + shorten(v) + "'");
        });
    }

    /** The {@code lang} parameter, {@code ko} or {@code en}. */
    public Optional<Lang> lang() {
        return single("lang").map(v -> Lang.ofTag(v)
                .orElseThrow(() -> new BadParameter("parameter 'lang': expected ko or en, found '" + shorten(v) + "'")));
    }

    static Instant parseTime(String name, String raw) {
        // an unencoded '+' of an offset arrives as a space
        String v = raw.trim().replace(' ', '+');
        Instant t;
        try {
            if (v.length() == 10) {
                t = LocalDate.parse(v).atStartOfDay(Times.KST).toInstant();
            } else {
                t = OffsetDateTime.parse(v).toInstant();
            }
        } catch (DateTimeException e) {
            throw new BadParameter("parameter '" + name + "': expected an ISO-8601 time with offset like 2026-11-25T09:00:00+09:00"
                    + " or a day like 2026-11-25, found '" + shorten(raw) + "'");
        }
        checkRange(name, t);
        return t;
    }

    private static void checkRange(String name, Instant t) {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new BadParameter("parameter '" + name + "': expected a time between 2000 and 2100");
        }
    }

    /** A value cut short and stripped of control characters, safe to echo in an error. */
    static String shorten(String v) {
        String s = v.replaceAll("[\\p{Cntrl}<>\"'&]", "?");
        return StringUtils.abbreviate(s, "…", 41);
    }
}
