package dev.bongsu.detector.core;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A robust latency baseline for one check and vantage: the median and MAD of the successful probes in a trailing
 * window, compared with the median of the last few probes.
 *
 * <p>A sample enters the baseline only once it has left the "recent" group, and only while no anomaly is being
 * reported, so a brownout does not teach the baseline that slow is normal; it can only age out of the window.
 */
final class LatencyBaseline {
    /** Memory bound per check and vantage. */
    static final int MAX_SAMPLES = 512;
    /** The baseline statistics are recomputed after this many changes, not on every probe. */
    private static final int RECOMPUTE_EVERY = 8;

    private record Sample(long at, double ms) {
    }

    private final boolean enabled;
    private long windowMillis;
    private int minSamples;
    private int recentSize;
    private double factor;
    private double madK;
    private double minIncreaseMs;

    private final Deque<Sample> baseline = new ArrayDeque<>();
    private final Deque<Sample> recent = new ArrayDeque<>();
    private int changesSinceRecompute = Integer.MAX_VALUE / 2;
    private double baseMedian = Double.NaN;
    private double baseMad = Double.NaN;
    private double recentMedian = Double.NaN;
    private boolean anomalous;
    private long anomalyOnset;

    LatencyBaseline(long windowMillis, int minSamples, int recentSize, double factor, double madK, double minIncreaseMs) {
        this(true);
        retune(windowMillis, minSamples, recentSize, factor, madK, minIncreaseMs);
    }

    private LatencyBaseline(boolean enabled) {
        this.enabled = enabled;
    }

    /** A baseline that takes no samples and is never anomalous: for heartbeat checks, which have no latency. */
    static LatencyBaseline off() {
        return new LatencyBaseline(false);
    }

    /**
     * Applies new settings (a reloaded configuration) and keeps the samples: the recent group shrinks into the
     * baseline or grows with the next probes, and the anomaly is judged again with the new numbers.
     */
    void retune(long windowMillis, int minSamples, int recentSize, double factor, double madK, double minIncreaseMs) {
        this.windowMillis = windowMillis;
        this.minSamples = minSamples;
        this.recentSize = recentSize;
        this.factor = factor;
        this.madK = madK;
        this.minIncreaseMs = minIncreaseMs;
        while (recent.size() > recentSize) {
            Sample old = recent.removeFirst();
            if (!anomalous) {
                baseline.addLast(old);
            }
        }
        while (baseline.size() > MAX_SAMPLES) {
            baseline.removeFirst();
        }
        if (!recent.isEmpty()) {
            long newest = recent.peekLast().at();
            while (!baseline.isEmpty() && newest - baseline.peekFirst().at() > windowMillis) {
                baseline.removeFirst();
            }
            recompute();
            judge();
        }
    }

    /** Adds a successful probe's latency (in time order) and re-judges the anomaly. */
    void add(long at, double ms) {
        if (!enabled) {
            return;
        }
        recent.addLast(new Sample(at, ms));
        if (recent.size() > recentSize) {
            Sample old = recent.removeFirst();
            if (!anomalous) {
                baseline.addLast(old);
                changesSinceRecompute++;
                if (baseline.size() > MAX_SAMPLES) {
                    baseline.removeFirst();
                }
            }
        }
        while (!baseline.isEmpty() && at - baseline.peekFirst().at() > windowMillis) {
            baseline.removeFirst();
            changesSinceRecompute++;
        }
        if (changesSinceRecompute >= RECOMPUTE_EVERY || Double.isNaN(baseMedian)) {
            recompute();
        }
        judge();
    }

    private void recompute() {
        changesSinceRecompute = 0;
        if (baseline.isEmpty()) {
            baseMedian = Double.NaN;
            baseMad = Double.NaN;
            return;
        }
        double[] xs = baseline.stream().mapToDouble(Sample::ms).toArray();
        baseMedian = median(xs);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.abs(xs[i] - baseMedian);
        }
        baseMad = median(xs);
    }

    private void judge() {
        if (recent.size() < recentSize) {
            return;
        }
        recentMedian = median(recent.stream().mapToDouble(Sample::ms).toArray());
        boolean now = baseline.size() >= minSamples && !Double.isNaN(baseMedian) && recentMedian > threshold();
        if (now && !anomalous) {
            double t = threshold();
            anomalyOnset = recent.stream().filter(s -> s.ms() > t).mapToLong(Sample::at).findFirst()
                    .orElse(recent.peekLast().at());
        }
        anomalous = now;
    }

    /** The latency above which the recent median is an anomaly. */
    double threshold() {
        return Math.max(baseMedian * factor, Math.max(baseMedian + madK * baseMad, baseMedian + minIncreaseMs));
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

    int baselineSamples() {
        return baseline.size();
    }
}
