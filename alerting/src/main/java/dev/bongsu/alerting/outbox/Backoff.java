package dev.bongsu.alerting.outbox;

import java.time.Duration;

/**
 * Exponential backoff with full jitter between half and all of the step: initial × 2^(attempt−1), capped; a
 * receiver's {@code Retry-After} is honoured when longer.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;

    /** Backoff from {@code initial} doubling up to {@code max}. */
    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /**
     * The wait after failed attempt number {@code attempt} (1-based).
     *
     * @param random a number in [0, 1) for the jitter
     */
    public Duration delay(int attempt, Duration retryAfter, double random) {
        long base = initial.toMillis();
        long cap = max.toMillis();
        long step = base;
        for (int i = 1; i < attempt && step < cap; i++) {
            step *= 2;
        }
        step = Math.min(step, cap);
        long jittered = step / 2 + (long) (random * (step - step / 2));
        long wait = Math.max(1, jittered);
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = retryAfter.toMillis();
        }
        return Duration.ofMillis(wait);
    }
}
