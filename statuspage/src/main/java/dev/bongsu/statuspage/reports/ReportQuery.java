package dev.bongsu.statuspage.reports;

import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.api.Params;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.render.Times;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The parameters of {@code GET /api/v1/reports}: {@code from}, {@code to} and {@code by}, checked.
 *
 * @param from start of the range (a whole minute)
 * @param to   end of the range, exclusive (a whole minute)
 * @param by   the grouping
 */
public record ReportQuery(Instant from, Instant to, GroupBy by) {
    /** The longest range a report may cover. */
    public static final Duration MAX_RANGE = Duration.ofDays(400);
    /** The most service-days (services × days of the range) one report may read; bounds the minutes read. */
    public static final long MAX_SERVICE_DAYS = 20_000;
    /** The range without {@code from}: this many KST days, today included. */
    public static final int DEFAULT_DAYS = 30;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Reads the query of a request made at {@code now}. {@code from} and {@code to} are a KST day ({@code from}: its
     * start; {@code to}: its end, so the day is included) or an ISO-8601 instant with offset ({@code to} exclusive);
     * instants are cut to the minute. Without {@code to}: the end of today (KST); without {@code from}: 30 days
     * before {@code to}; without {@code by}: {@code provider}.
     *
     * @throws BadParameter naming the parameter that is wrong
     */
    public static ReportQuery parse(MultiMap query, PublicView view, Instant now) {
        Params p = new Params(query);
        Instant to = p.single("to").map(v -> DAY.matcher(v).matches()
                        ? p.day("to").orElseThrow().plusDays(1).atStartOfDay(Times.KST).toInstant()
                        : p.time("to").orElseThrow())
                .orElse(LocalDate.ofInstant(now, Times.KST).plusDays(1).atStartOfDay(Times.KST).toInstant());
        Instant from = p.time("from").orElse(to.minus(Duration.ofDays(DEFAULT_DAYS)));
        to = minute(to);
        from = minute(from);
        if (!from.isBefore(to)) {
            throw new BadParameter("parameter 'from': must be before 'to'");
        }
        Duration range = Duration.between(from, to);
        if (range.compareTo(MAX_RANGE) > 0) {
            throw new BadParameter("parameters 'from' and 'to': at most " + MAX_RANGE.toDays() + " days apart");
        }
        GroupBy by = GroupBy.parse(p.single("by").orElse("provider"), view);
        long days = (range.toMinutes() + 1439) / 1440;
        long services = view.config().services().size();
        if (days * services > MAX_SERVICE_DAYS) {
            throw new BadParameter("parameters 'from' and 'to': " + days + " days × " + services + " services is more than the "
                    + MAX_SERVICE_DAYS + " service-days one report may read; ask for at most " + Math.max(1, MAX_SERVICE_DAYS / services)
                    + " days");
        }
        return new ReportQuery(from, to, by);
    }

    /** The key answers to this query are cached under. */
    public String key() {
        return from.toEpochMilli() + "/" + to.toEpochMilli() + "/" + by.wireName();
    }

    private static Instant minute(Instant t) {
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), 60_000L) * 60_000L);
    }
}
