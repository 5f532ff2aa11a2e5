package dev.bongsu.aggregator.rollup;

/**
 * Exact percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the sample at rank
 * {@code ceil(p / 100 × n)} (1-based), so it is always a value that was actually measured, never interpolated.
 * For 20 samples p95 is the 19th smallest and p50 the 10th; for one sample every percentile is that sample.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** The nearest-rank {@code percent}-th percentile (1..100) of ascending {@code sorted}; {@code NaN} when empty. */
    public static double nearestRank(double[] sorted, int length, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1..100, found " + percent);
        }
        if (length == 0) {
            return Double.NaN;
        }
        // Integer arithmetic: 0.95 * 20 in doubles is 19.000000000000004, whose ceiling would be wrong.
        long rank = ((long) percent * length + 99) / 100;
        return sorted[(int) Math.max(1, rank) - 1];
    }
}
