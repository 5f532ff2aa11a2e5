package dev.bongsu.alerting.outbox;

import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import java.time.Instant;

/**
 * One receiver's room for deliveries in the outbox: the token bucket of its rate limit and the deliveries in flight
 * against its concurrency. Used on the outbox's context only.
 */
final class ReceiverSlot {
    private final TokenBucket bucket;
    private final RateLimit limit;
    private final int concurrency;
    int inFlight;

    private ReceiverSlot(TokenBucket bucket, RateLimit limit, int concurrency) {
        this.bucket = bucket;
        this.limit = limit;
        this.concurrency = concurrency;
    }

    /** The slot of a receiver with this configuration ({@code null}: an unknown receiver, default limits, one at a time). */
    static ReceiverSlot of(ReceiverConfig rc) {
        RateLimit limit = rc == null ? RateLimit.defaults() : rc.rateLimit();
        return new ReceiverSlot(new TokenBucket(limit), limit, rc == null ? 1 : rc.concurrency());
    }

    /** Whether this slot has the limits of {@code rc} (a reloaded receiver with other limits gets a new slot). */
    boolean fits(ReceiverConfig rc) {
        return rc.rateLimit().equals(limit) && rc.concurrency() == concurrency;
    }

    /** Whether one more delivery may start at {@code now}: below the concurrency, and a token taken. */
    boolean tryTake(Instant now) {
        return inFlight < concurrency && bucket.tryTake(now);
    }
}
