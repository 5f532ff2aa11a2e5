package dev.bongsu.statuspage.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Set operations on stretches of time. A "set" here is a list of {@link Span}s sorted by start, disjoint and not
 * touching, as {@link #union} makes it; every operation takes and returns such lists.
 */
final class Spans {
    /** One clock hour. */
    static final long HOUR_MS = 3_600_000L;

    private Spans() {
    }

    /** The spans merged: overlapping or touching spans become one; empty spans are dropped. */
    static List<Span> union(Collection<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.removeIf(s -> s.millis() == 0);
        sorted.sort(Comparator.comparingLong(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.start() <= last.end()) {
                out.set(out.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The time in both sets. */
    static List<Span> intersect(List<Span> a, List<Span> b) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long start = Math.max(a.get(i).start(), b.get(j).start());
            long end = Math.min(a.get(i).end(), b.get(j).end());
            if (start < end) {
                out.add(new Span(start, end));
            }
            if (a.get(i).end() < b.get(j).end()) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    /** The time in {@code a} and not in {@code b}. */
    static List<Span> minus(List<Span> a, List<Span> b) {
        List<Span> out = new ArrayList<>();
        int j = 0;
        for (Span s : a) {
            long start = s.start();
            while (j < b.size() && b.get(j).end() <= start) {
                j++;
            }
            int k = j;
            while (k < b.size() && b.get(k).start() < s.end()) {
                if (b.get(k).start() > start) {
                    out.add(new Span(start, b.get(k).start()));
                }
                start = Math.max(start, b.get(k).end());
                k++;
            }
            if (start < s.end()) {
                out.add(new Span(start, s.end()));
            }
        }
        return out;
    }

    /** A span cut to {@code [from, to)}; empty when they do not overlap. */
    static Optional<Span> clip(long start, long end, long from, long to) {
        long a = Math.max(start, from);
        long b = Math.min(end, to);
        return a < b ? Optional.of(new Span(a, b)) : Optional.empty();
    }

    /** The total length, in milliseconds. */
    static long total(List<Span> set) {
        long t = 0;
        for (Span s : set) {
            t += s.millis();
        }
        return t;
    }

    /** The longest span; the earliest of equally long ones. */
    static Optional<Span> longest(List<Span> set) {
        Span best = null;
        for (Span s : set) {
            if (best == null || s.millis() > best.millis()) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether the set has any time in {@code [from, to)}. */
    static boolean overlaps(List<Span> set, long from, long to) {
        int lo = 0;
        int hi = set.size() - 1;
        // the first span that ends after from
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (set.get(mid).end() <= from) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo < set.size() && set.get(lo).start() < to;
    }

    /** Milliseconds of the set in each clock hour (keyed by the hour's start), hours without any left out. */
    static TreeMap<Long, Long> perHour(List<Span> set) {
        TreeMap<Long, Long> out = new TreeMap<>();
        for (Span s : set) {
            long t = s.start();
            while (t < s.end()) {
                long hour = Math.floorDiv(t, HOUR_MS) * HOUR_MS;
                long next = Math.min(s.end(), hour + HOUR_MS);
                out.merge(hour, next - t, Long::sum);
                t = next;
            }
        }
        return out;
    }
}
