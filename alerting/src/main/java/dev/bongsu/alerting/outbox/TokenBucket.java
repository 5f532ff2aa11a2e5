package dev.bongsu.alerting.outbox;

import dev.bongsu.model.config.RateLimit;
import java.time.Instant;

/** A rate limit with bursts; time is given, never read. */
public final class TokenBucket {
    private final double perMilli;
    private final double capacity;
    private double tokens;
    private long lastMillis = Long.MIN_VALUE;

    /** A full bucket for this limit. */
    public TokenBucket(RateLimit limit) {
        this.perMilli = limit.perSecond() / 1000.0;
        this.capacity = limit.burst();
        this.tokens = capacity;
    }

    /** Takes one token if there is one at {@code now}. */
    public boolean tryTake(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill(Instant now) {
        long ms = now.toEpochMilli();
        if (lastMillis != Long.MIN_VALUE && ms > lastMillis) {
            tokens = Math.min(capacity, tokens + (ms - lastMillis) * perMilli);
        }
        if (lastMillis == Long.MIN_VALUE || ms > lastMillis) {
            lastMillis = ms;
        }
    }
}
