package dev.bongsu.model.config;

import java.time.Duration;

/**
 * How the notification outbox retries.
 *
 * @param maxAge         a notification not delivered this long after it was written becomes a dead letter
 * @param maxAttempts    attempts before a dead letter (0: no limit but {@code maxAge})
 * @param initialBackoff wait after the first failed attempt; doubled each time, with jitter
 * @param maxBackoff     the longest wait between attempts
 * @param retention      how long delivered, suppressed and dead rows are kept
 */
public record OutboxConfig(Duration maxAge, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration retention) {
    /** Defaults: 24h, no attempt limit, 1s doubling to 5m, keep 7d. */
    public static OutboxConfig defaults() {
        return new OutboxConfig(Duration.ofHours(24), 0, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofDays(7));
    }
}
