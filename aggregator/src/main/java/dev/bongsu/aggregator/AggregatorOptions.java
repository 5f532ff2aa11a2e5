package dev.bongsu.aggregator;

import dev.bongsu.aggregator.rollup.MinuteRollups;
import java.time.Duration;

/**
 * Tuning of the {@link AggregatorVerticle}; {@link #defaults()} is what {@code bongsu run} uses.
 *
 * @param grace         how long after its end a minute stays open for late results (2 minutes)
 * @param windowResults results kept per check × vantage in the sliding windows (20)
 * @param windowAge     the oldest result a sliding window counts (5 minutes)
 * @param tick          how often closed minutes are written (1 second)
 * @param statsInterval how often store statistics are published on {@code bongsu.store-stats} (5 seconds)
 * @param rebuildDelay  how long after late results their minute is recomputed from the stored raw results, so a
 *                      store that buffers writes has flushed them (5 seconds)
 */
public record AggregatorOptions(Duration grace, int windowResults, Duration windowAge, Duration tick, Duration statsInterval,
                                Duration rebuildDelay) {
    public AggregatorOptions {
        if (tick.toMillis() < 1 || statsInterval.toMillis() < 1) {
            throw new IllegalArgumentException("tick and statsInterval must be at least 1 ms, found " + tick + " and " + statsInterval);
        }
        if (rebuildDelay.isNegative()) {
            throw new IllegalArgumentException("rebuildDelay must not be negative, found " + rebuildDelay);
        }
    }

    /** The defaults listed above. */
    public static AggregatorOptions defaults() {
        return new AggregatorOptions(MinuteRollups.DEFAULT_GRACE, 20, Duration.ofMinutes(5), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
