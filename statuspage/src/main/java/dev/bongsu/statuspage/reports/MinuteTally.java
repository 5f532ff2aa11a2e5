package dev.bongsu.statuspage.reports;

import dev.bongsu.model.ServiceBucket;
import java.util.List;

/**
 * The probe figures of one service over a report's range, folded from its one-minute history buckets as they are
 * read (a long range arrives in chunks, so the minutes are never all held at once).
 */
public final class MinuteTally {
    private static final long MINUTE_MS = 60_000L;

    private final long from;
    private final long end;
    private final List<Span> covered;
    private long observed;
    private long partial;
    private long probes;
    private long ok;

    /**
     * A tally of the minutes in {@code [from, end)}; {@code covered} is the service's outage and degraded time, whose
     * minutes are not counted as partial.
     */
    MinuteTally(long from, long end, List<Span> covered) {
        this.from = from;
        this.end = end;
        this.covered = covered;
    }

    /** Adds one-minute buckets (any order, each minute at most once over all calls). */
    public void add(List<ServiceBucket> buckets) {
        for (ServiceBucket b : buckets) {
            if (b.count() <= 0 || b.start() < from || b.start() >= end) {
                continue;
            }
            observed++;
            probes += b.count();
            ok += b.okCount();
            if (b.okCount() < b.count() && !Spans.overlaps(covered, b.start(), b.start() + MINUTE_MS)) {
                partial++;
            }
        }
    }

    long observedMinutes() {
        return observed;
    }

    long partialMinutes() {
        return partial;
    }

    long noDataMinutes() {
        return Math.max(0, (end - from) / MINUTE_MS - observed);
    }

    long probes() {
        return probes;
    }

    long okProbes() {
        return ok;
    }
}
