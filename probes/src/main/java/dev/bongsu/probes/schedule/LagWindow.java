package dev.bongsu.probes.schedule;

/**
 * Lag samples of one window in a fixed millisecond histogram, so memory stays bounded however many probes
 * start; lags beyond the histogram's range count in its last bucket and still set the exact maximum.
 */
public final class LagWindow {
    private final long[] buckets;
    private long samples;
    private long max;

    /** A window resolving lags up to {@code rangeMs} to the millisecond. */
    public LagWindow(int rangeMs) {
        if (rangeMs < 1) {
            throw new IllegalArgumentException("rangeMs must be at least 1, found " + rangeMs);
        }
        buckets = new long[rangeMs + 1];
    }

    /** Records one lag in ms (negative lags count as 0). */
    public void record(long lagMs) {
        long lag = Math.max(0, lagMs);
        buckets[(int) Math.min(lag, buckets.length - 1)]++;
        samples++;
        max = Math.max(max, lag);
    }

    /** The figures of the window so far. */
    public LagStats stats() {
        if (samples == 0) {
            return LagStats.EMPTY;
        }
        return new LagStats(samples, percentile(0.50), percentile(0.99), max);
    }

    /** The figures of the window so far, then starts a new window. */
    public LagStats snapshotAndReset() {
        LagStats s = stats();
        java.util.Arrays.fill(buckets, 0);
        samples = 0;
        max = 0;
        return s;
    }

    private long percentile(double q) {
        long rank = (long) Math.ceil(q * samples);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return i == buckets.length - 1 ? max : i;
            }
        }
        return max;
    }
}
