package dev.bongsu.alerting.detect;

import java.util.Arrays;

/**
 * A robust latency baseline for one check and vantage: median and MAD of the successful probes in a trailing
 * window (a ring of at most {@link #MAX_SAMPLES}), compared with the median of the most recent few samples.
 */
final class LatencyBaseline {
    /** Memory bound per check and vantage: 10,000 checks × 3 vantages stay well under 1 GiB. */
    static final int MAX_SAMPLES = 512;
    /** The baseline is recomputed after this many new samples, not on every probe. */
    private static final int RECOMPUTE_EVERY = 16;

    private final long windowMillis;
    private final int minSamples;
    private final int recentSize;
    private final double factor;
    private final double madK;
    private final double minIncreaseMs;

    private final long[] times = new long[MAX_SAMPLES];
    private final float[] values = new float[MAX_SAMPLES];
    private int head;
    private int size;
    private int sinceRecompute = Integer.MAX_VALUE / 2;
    private double baseMedian = Double.NaN;
    private double baseMad = Double.NaN;
    private int baseCount;
    private boolean anomalous;
    private long anomalyOnset;
    private double recentMedian;

    LatencyBaseline(long windowMillis, int minSamples, int recentSize, double factor, double madK, double minIncreaseMs) {
        this.windowMillis = windowMillis;
        this.minSamples = minSamples;
        this.recentSize = recentSize;
        this.factor = factor;
        this.madK = madK;
        this.minIncreaseMs = minIncreaseMs;
    }

    /** Adds a successful probe's latency and re-judges the anomaly. */
    void add(long at, double ms) {
        int idx = (head + size) % MAX_SAMPLES;
        if (size == MAX_SAMPLES) {
            head = (head + 1) % MAX_SAMPLES;
        } else {
            size++;
        }
        times[idx] = at;
        values[idx] = (float) ms;
        while (size > 0 && at - times[head] > windowMillis) {
            head = (head + 1) % MAX_SAMPLES;
            size--;
        }
        if (++sinceRecompute >= RECOMPUTE_EVERY) {
            recomputeBaseline();
        }
        judge();
    }

    private void recomputeBaseline() {
        sinceRecompute = 0;
        int n = size - recentSize;
        baseCount = Math.max(n, 0);
        if (n < 1) {
            baseMedian = Double.NaN;
            return;
        }
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = values[(head + i) % MAX_SAMPLES];
        }
        baseMedian = median(xs);
        for (int i = 0; i < n; i++) {
            xs[i] = Math.abs(xs[i] - baseMedian);
        }
        baseMad = median(xs);
    }

    private void judge() {
        if (size < recentSize) {
            return;
        }
        double[] recent = new double[recentSize];
        for (int i = 0; i < recentSize; i++) {
            recent[i] = values[(head + size - recentSize + i) % MAX_SAMPLES];
        }
        recentMedian = median(recent);
        boolean now = baseCount >= minSamples && !Double.isNaN(baseMedian)
                && recentMedian > baseMedian * factor
                && recentMedian > baseMedian + madK * baseMad
                && recentMedian > baseMedian + minIncreaseMs;
        if (now && !anomalous) {
            anomalyOnset = firstSlowRecent();
        }
        anomalous = now;
    }

    private long firstSlowRecent() {
        double threshold = Math.max(baseMedian * factor, Math.max(baseMedian + madK * baseMad, baseMedian + minIncreaseMs));
        for (int i = 0; i < recentSize; i++) {
            int idx = (head + size - recentSize + i) % MAX_SAMPLES;
            if (values[idx] > threshold) {
                return times[idx];
            }
        }
        return times[(head + size - 1) % MAX_SAMPLES];
    }

    static double median(double[] xs) {
        Arrays.sort(xs);
        int n = xs.length;
        return n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
    }

    boolean anomalous() {
        return anomalous;
    }

    long anomalyOnset() {
        return anomalyOnset;
    }

    double baselineMs() {
        return baseMedian;
    }

    double recentMedianMs() {
        return recentMedian;
    }
}
