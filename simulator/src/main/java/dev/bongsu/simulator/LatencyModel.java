package dev.bongsu.simulator;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Draws answer times from a log-normal distribution around a service's median: most answers near the
 * median, a long tail of slow ones, capped at {@value #CAP_FACTOR}× the median.
 */
public final class LatencyModel {
    /** The spread (σ of the underlying normal): about 1 answer in 20 takes 1.8× the median or more. */
    public static final double SIGMA = 0.35;
    /** No answer takes longer than this many medians. */
    public static final int CAP_FACTOR = 8;

    private final RandomGenerator random;

    /** A model drawing from {@code random}. */
    public LatencyModel(RandomGenerator random) {
        this.random = random;
    }

    /** One answer time in milliseconds for a service with this median; 0 when the median is zero. */
    public long sampleMillis(Duration median) {
        long m = median.toMillis();
        if (m <= 0) {
            return 0;
        }
        double v = m * Math.exp(SIGMA * random.nextGaussian());
        return Math.max(1, Math.min(m * CAP_FACTOR, Math.round(v)));
    }
}
