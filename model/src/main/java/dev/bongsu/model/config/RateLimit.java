package dev.bongsu.model.config;

import java.time.Duration;

/**
 * At most {@code permits} deliveries per {@code per}, with bursts of up to {@code burst}.
 *
 * @param permits deliveries allowed per period
 * @param per     the period
 * @param burst   how many may go at once after a quiet spell
 */
public record RateLimit(int permits, Duration per, int burst) {
    /** Deliveries per second allowed on average. */
    public double perSecond() {
        return permits * 1000.0 / per.toMillis();
    }

    /** The default: 60 per minute, bursts of 10. */
    public static RateLimit defaults() {
        return new RateLimit(60, Duration.ofMinutes(1), 10);
    }
}
