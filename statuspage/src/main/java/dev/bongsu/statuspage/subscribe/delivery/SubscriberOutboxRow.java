package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.statuspage.subscribe.PublicNotice;
import java.time.Instant;

/**
 * One message of the subscription outbox: a notice to one subscriber.
 *
 * @param id            row id, increasing in write order
 * @param subscriberId  the subscriber, looked up again at each attempt
 * @param notice        what to tell
 * @param attempts      delivery attempts so far
 * @param createdAt     when it was written
 * @param nextAttemptAt earliest next attempt
 * @param reason        the last error, or {@code null}
 */
record SubscriberOutboxRow(long id, String subscriberId, PublicNotice notice, int attempts, Instant createdAt, Instant nextAttemptAt,
                           String reason) {

    /** This row after a failed attempt. */
    SubscriberOutboxRow retried(int newAttempts, Instant next, String why) {
        return new SubscriberOutboxRow(id, subscriberId, notice, newAttempts, createdAt, next, why);
    }
}
