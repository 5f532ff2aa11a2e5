package dev.bongsu.statuspage.reports;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.Severity;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A newsroom report over a time range, computed from the public incidents and the services' minute history; pure
 * (time is an input, nothing is read here). Feed each service's minutes to {@link #tally}, then ask for
 * {@link #rows}. The definitions are those of docs/API.md, "Reports":
 * <ul>
 *   <li>a service is <b>in an outage</b> while a public incident of severity critical names it, from the incident's
 *       start to its resolution (or the report time while open), cut to the range; a correlated incident counts for
 *       a member service only when that service has no service incident of its own under it (its own one is exact,
 *       the correlated one lasts until the last member is back);</li>
 *   <li><b>degraded</b> the same with severity warning, minus the outage time;</li>
 *   <li>a group's outage is the time at least one of its services is in an outage; the service outage time is the
 *       sum over its services.</li>
 * </ul>
 */
public final class OutageReport {
    private static final long MINUTE_MS = 60_000L;
    /**
     * How far behind the report time the probe minutes are counted: a minute is stored once it has closed and the
     * aggregator's grace for late results (2 minutes) has passed, so the newest minutes are not "no data", only not
     * written yet.
     */
    public static final long STORED_AFTER_MS = 3 * MINUTE_MS;

    private final PublicView view;
    private final long from;
    private final long spanEnd;
    private final long minuteEnd;
    private final List<PublicIncident> incidents;
    private final Map<String, List<Span>> outage = new HashMap<>();
    private final Map<String, List<Span>> degraded = new HashMap<>();
    private final Set<String> openOutage = new HashSet<>();
    private final Map<String, MinuteTally> tallies = new HashMap<>();

    /**
     * A report over {@code [from, to)}, both cut to whole minutes, made at {@code now}.
     *
     * @param incidents the public incidents overlapping the range (any order)
     */
    public OutageReport(PublicView view, Instant from, Instant to, Instant now, List<PublicIncident> incidents) {
        this.view = view;
        this.from = floorMinute(from.toEpochMilli());
        long to2 = floorMinute(to.toEpochMilli());
        this.spanEnd = Math.max(this.from, Math.min(to2, now.toEpochMilli()));
        this.minuteEnd = Math.max(this.from, Math.min(to2, floorMinute(now.toEpochMilli()) - STORED_AFTER_MS));
        this.incidents = List.copyOf(incidents);
        long nowMs = now.toEpochMilli();
        Set<String> ownIncident = new HashSet<>();
        for (PublicIncident i : incidents) {
            if (i.parentId() != null) {
                for (String s : i.services()) {
                    ownIncident.add(i.parentId() + "\n" + s);
                }
            }
        }
        Map<String, List<Span>> critical = new HashMap<>();
        Map<String, List<Span>> warning = new HashMap<>();
        for (PublicIncident i : incidents) {
            Map<String, List<Span>> into = i.severity() == Severity.CRITICAL ? critical : i.severity() == Severity.WARNING ? warning : null;
            if (into == null) {
                continue;
            }
            long end = i.resolvedAt() != null ? i.resolvedAt().toEpochMilli() : nowMs;
            for (String s : i.services()) {
                if (i.kind() == IncidentKind.CORRELATED && ownIncident.contains(i.id() + "\n" + s)) {
                    continue;
                }
                Spans.clip(i.startedAt().toEpochMilli(), Math.max(end, i.startedAt().toEpochMilli()), this.from, spanEnd)
                        .ifPresent(span -> into.computeIfAbsent(s, k -> new ArrayList<>()).add(span));
                if (into == critical && i.resolvedAt() == null && spanEnd == nowMs) {
                    openOutage.add(s);
                }
            }
        }
        for (ServiceConfig s : view.config().services()) {
            List<Span> down = Spans.union(critical.getOrDefault(s.id(), List.of()));
            List<Span> slow = Spans.minus(Spans.union(warning.getOrDefault(s.id(), List.of())), down);
            outage.put(s.id(), down);
            degraded.put(s.id(), slow);
            List<Span> covered = new ArrayList<>(down);
            covered.addAll(slow);
            tallies.put(s.id(), new MinuteTally(this.from, minuteEnd, Spans.union(covered)));
        }
    }

    /** Start of the range, epoch milliseconds (whole minute). */
    public long from() {
        return from;
    }

    /** End of what the report covers: the range's end, or the report time when that is earlier. */
    public long until() {
        return spanEnd;
    }

    /** End of the whole minutes whose probes count: the range's end, or the last minute stored by now. */
    public long minutesUntil() {
        return minuteEnd;
    }

    /** The tally a configured service's one-minute buckets go to. */
    public MinuteTally tally(String serviceId) {
        MinuteTally t = tallies.get(serviceId);
        if (t == null) {
            throw new IllegalArgumentException("not a configured service: " + serviceId);
        }
        return t;
    }

    /** A service's outage time in the range. */
    List<Span> outageOf(String serviceId) {
        return outage.getOrDefault(serviceId, List.of());
    }

    /** The rows, one per group, in configuration order (the row of what may not be named last). */
    public List<ReportRow> rows(GroupBy by) {
        List<ReportRow> out = new ArrayList<>();
        by.groups(view).forEach((key, services) -> out.add(row(by, key, services)));
        return out;
    }

    private ReportRow row(GroupBy by, String key, List<ServiceConfig> services) {
        List<Span> anyDown = new ArrayList<>();
        List<Span> anySlow = new ArrayList<>();
        List<Span> allDown = null;
        long serviceOutage = 0;
        long serviceDegraded = 0;
        long partial = 0;
        long observed = 0;
        long noData = 0;
        long probes = 0;
        long ok = 0;
        boolean open = false;
        TreeMap<Long, Long> hourly = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (ServiceConfig s : services) {
            ids.add(s.id());
            List<Span> down = outage.get(s.id());
            anyDown.addAll(down);
            anySlow.addAll(degraded.get(s.id()));
            allDown = allDown == null ? down : Spans.intersect(allDown, down);
            serviceOutage += Spans.total(down);
            serviceDegraded += Spans.total(degraded.get(s.id()));
            Spans.perHour(down).forEach((h, ms) -> hourly.merge(h, ms, Long::sum));
            open |= openOutage.contains(s.id());
            MinuteTally t = tallies.get(s.id());
            partial += t.partialMinutes();
            observed += t.observedMinutes();
            noData += t.noDataMinutes();
            probes += t.probes();
            ok += t.okProbes();
        }
        List<Span> any = Spans.union(anyDown);
        List<Span> slow = Spans.minus(Spans.union(anySlow), any);
        Span longest = Spans.longest(any).orElse(null);
        return new ReportRow(key, by.nameOf(key, view), ids, Spans.total(any), allDown == null ? 0 : Spans.total(allDown),
                Spans.total(slow), serviceOutage, serviceDegraded, partial, observed, noData, probes, ok,
                incidentCount(ids), longest, longest != null && open && longest.end() == spanEnd, worstHour(hourly, any));
    }

    /** The hour with the most service outage time; ties: the most group outage time, then the earliest. */
    private static ReportRow.WorstHour worstHour(TreeMap<Long, Long> serviceHourly, List<Span> any) {
        if (serviceHourly.isEmpty()) {
            return null;
        }
        TreeMap<Long, Long> anyHourly = Spans.perHour(any);
        ReportRow.WorstHour best = null;
        for (Map.Entry<Long, Long> e : serviceHourly.entrySet()) {
            ReportRow.WorstHour h = new ReportRow.WorstHour(e.getKey(), anyHourly.getOrDefault(e.getKey(), 0L), e.getValue());
            if (best == null || h.serviceOutageMs() > best.serviceOutageMs()
                    || (h.serviceOutageMs() == best.serviceOutageMs() && h.outageMs() > best.outageMs())) {
                best = h;
            }
        }
        return best;
    }

    /**
     * Public incidents naming a service of the group and overlapping the range; one whose correlated parent is also
     * counted is part of that parent and not counted again.
     */
    private int incidentCount(List<String> ids) {
        Set<String> counted = new HashSet<>();
        for (PublicIncident i : incidents) {
            if (overlapsRange(i) && i.services().stream().anyMatch(ids::contains)) {
                counted.add(i.id());
            }
        }
        int n = 0;
        Set<String> seen = new HashSet<>();
        for (PublicIncident i : incidents) {
            if (counted.contains(i.id()) && seen.add(i.id()) && (i.parentId() == null || !counted.contains(i.parentId()))) {
                n++;
            }
        }
        return n;
    }

    private boolean overlapsRange(PublicIncident i) {
        long start = i.startedAt().toEpochMilli();
        long end = i.resolvedAt() != null ? i.resolvedAt().toEpochMilli() : Long.MAX_VALUE;
        return start < spanEnd && (end > from || start >= from);
    }

    private static long floorMinute(long ms) {
        return Math.floorDiv(ms, MINUTE_MS) * MINUTE_MS;
    }
}
