package dev.bongsu.aggregator.rollup;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Summarises probe results into one {@link Rollup} per check × vantage × minute; time is passed in, nothing here
 * reads a clock.
 *
 * <p>A result falls into the minute of its probe start time, not of its arrival. A minute stays open until
 * {@code now ≥ minute end + grace} (default 2 minutes), so results that a probe node buffered for a while still
 * land in the right minute, and {@link #closeDue} then emits its rollup with exact nearest-rank percentiles
 * ({@link Percentiles}) over every sample of the minute.
 *
 * <p><b>Late results are recomputed, not merged.</b> A result whose minute has already closed is counted as late
 * and its minute is reported in {@link Closed#rebuild()}: the caller stores the raw result as usual and then
 * recomputes that minute from the stored raw results with {@link #summarize}, replacing the stored rollup.
 * Merging a late part into a stored rollup would keep counts exact but could only approximate the percentiles;
 * recomputing keeps every rollup exactly what the raw results say, at the cost of one read per late minute,
 * which only happens after a probe node was cut off for longer than the grace period. The same applies to a
 * minute that began before this instance started (the aggregator restarted within it): the samples before the
 * restart are only in the store, so that minute is rebuilt from there too instead of being written half-seen.
 */
public final class MinuteRollups {
    /** The grace period used when none is configured. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

    private final long graceMs;
    private final long startedAtMs;
    private final Map<MinuteKey, MinuteSamples> open = new HashMap<>();
    private final Set<MinuteKey> lateMinutes = new LinkedHashSet<>();
    private long lateResults;

    /**
     * An engine whose minutes close {@code grace} after they end; minutes that began before {@code startedAtMs}
     * are rebuilt from the store rather than emitted from what this instance saw.
     */
    public MinuteRollups(Duration grace, long startedAtMs) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, found " + grace);
        }
        this.graceMs = grace.toMillis();
        this.startedAtMs = startedAtMs;
    }

    /** Adds one result seen at {@code nowMs}; returns {@code false} when it is late (its minute already closed). */
    public boolean add(ProbeResult result, long nowMs) {
        MinuteKey key = MinuteKey.of(result);
        MinuteSamples samples = open.get(key);
        if (samples == null) {
            if (isClosed(key, nowMs)) {
                lateResults++;
                lateMinutes.add(key);
                return false;
            }
            samples = new MinuteSamples(result.serviceId());
            open.put(key, samples);
        }
        samples.add(result);
        return true;
    }

    /** Closes every minute whose end plus grace is at or before {@code nowMs}. */
    public Closed closeDue(long nowMs) {
        return close(key -> isClosed(key, nowMs));
    }

    /** Closes every open minute, complete or not (the aggregator is stopping). */
    public Closed closeAll() {
        return close(key -> true);
    }

    /** Results that arrived after their minute had closed, since this engine started. */
    public long lateResults() {
        return lateResults;
    }

    /** Minutes currently open. */
    public int openMinutes() {
        return open.size();
    }

    /** The rollup of one cell computed from all of its raw results; {@code results} may be in any order. */
    public static Rollup summarize(MinuteKey key, String serviceId, List<ProbeResult> results) {
        MinuteSamples samples = new MinuteSamples(serviceId);
        for (ProbeResult r : results) {
            if (!MinuteKey.of(r).equals(key)) {
                throw new IllegalArgumentException("result of " + MinuteKey.of(r) + " does not belong to " + key);
            }
            samples.add(r);
        }
        return samples.toRollup(key);
    }

    private boolean isClosed(MinuteKey key, long nowMs) {
        return nowMs >= key.end() + graceMs;
    }

    private Closed close(Predicate<MinuteKey> due) {
        List<Rollup> rollups = new ArrayList<>();
        Set<MinuteKey> rebuild = new LinkedHashSet<>(lateMinutes);
        lateMinutes.clear();
        for (Iterator<Map.Entry<MinuteKey, MinuteSamples>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<MinuteKey, MinuteSamples> e = it.next();
            if (due.test(e.getKey())) {
                it.remove();
                if (e.getKey().minute() < startedAtMs) {
                    rebuild.add(e.getKey());
                } else {
                    rollups.add(e.getValue().toRollup(e.getKey()));
                }
            }
        }
        rollups.sort(Comparator.comparingLong(Rollup::minute).thenComparing(Rollup::checkId).thenComparing(Rollup::vantage));
        return new Closed(rollups, rebuild);
    }

    /**
     * What closing produced.
     *
     * @param rollups rollups of minutes this engine saw completely, oldest first
     * @param rebuild minutes to recompute from stored raw results: late results arrived for them, or they began
     *                before this engine started
     */
    public record Closed(List<Rollup> rollups, Set<MinuteKey> rebuild) {
        public Closed {
            rollups = List.copyOf(rollups);
            rebuild = Set.copyOf(Objects.requireNonNull(rebuild));
        }

        /** Whether there is nothing to write. */
        public boolean isEmpty() {
            return rollups.isEmpty() && rebuild.isEmpty();
        }
    }
}
