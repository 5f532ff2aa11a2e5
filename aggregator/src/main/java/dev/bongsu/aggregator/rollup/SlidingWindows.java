package dev.bongsu.aggregator.rollup;

import dev.bongsu.model.ProbeResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last {@code maxResults} results of every check × vantage, of which those started within {@code maxAge}
 * of the asked time count; time is passed in. Thread-safe, so readers on other threads may look.
 */
public final class SlidingWindows implements WindowReader {
    private final int maxResults;
    private final long maxAgeMs;
    private final Map<SeriesId, Ring> rings = new HashMap<>();

    /** Windows of at most {@code maxResults} results no older than {@code maxAge}. */
    public SlidingWindows(int maxResults, Duration maxAge) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, found " + maxResults);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, found " + maxAge);
        }
        this.maxResults = maxResults;
        this.maxAgeMs = maxAge.toMillis();
    }

    /** Adds one result to its window, dropping the oldest when the window is full. */
    public synchronized void add(ProbeResult r) {
        rings.computeIfAbsent(new SeriesId(r.checkId(), r.vantage()), k -> new Ring(maxResults)).add(r);
    }

    @Override
    public synchronized Optional<WindowStats> window(String checkId, String vantage, long nowMs) {
        Ring ring = rings.get(new SeriesId(checkId, vantage));
        return ring == null ? Optional.empty() : Optional.of(ring.stats(nowMs - maxAgeMs));
    }

    @Override
    public synchronized Set<SeriesId> series() {
        return Set.copyOf(rings.keySet());
    }

    /** Forgets windows whose newest result is older than the maximum age at {@code nowMs}; returns how many. */
    public synchronized int evictIdle(long nowMs) {
        int before = rings.size();
        rings.values().removeIf(ring -> ring.newest() < nowMs - maxAgeMs);
        return before - rings.size();
    }

    /** A fixed-size ring of the newest results of one series. */
    private static final class Ring {
        private final long[] startedAt;
        private final boolean[] ok;
        private final double[] latency;
        private int next;
        private int size;

        Ring(int capacity) {
            startedAt = new long[capacity];
            ok = new boolean[capacity];
            latency = new double[capacity];
        }

        void add(ProbeResult r) {
            startedAt[next] = r.startedAt();
            ok[next] = r.ok();
            latency[next] = r.latencyMs();
            next = (next + 1) % startedAt.length;
            size = Math.min(size + 1, startedAt.length);
        }

        long newest() {
            long newest = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                newest = Math.max(newest, startedAt[i]);
            }
            return newest;
        }

        WindowStats stats(long notBefore) {
            double[] latencies = new double[size];
            int count = 0;
            int okCount = 0;
            long newest = 0;
            for (int i = 0; i < size; i++) {
                if (startedAt[i] >= notBefore) {
                    latencies[count++] = latency[i];
                    okCount += ok[i] ? 1 : 0;
                    newest = Math.max(newest, startedAt[i]);
                }
            }
            Arrays.sort(latencies, 0, count);
            return new WindowStats(count, okCount, Percentiles.nearestRank(latencies, count, 50), newest);
        }
    }
}
