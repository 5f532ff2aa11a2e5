package dev.bongsu.alerting.outbox;

import dev.bongsu.alerting.notify.Notification;
import java.time.Instant;

/**
 * One row of the outbox.
 *
 * @param id            row id, increasing in write order
 * @param receiver      receiver name
 * @param incidentId    incident id
 * @param key           idempotency key
 * @param event         event name
 * @param status        pending, sent, dead, suppressed or coalesced
 * @param attempts      delivery attempts so far
 * @param createdAt     when it was written
 * @param nextAttemptAt earliest next attempt (pending rows)
 * @param reason        last error, suppression reason or dead-letter reason
 * @param notification  the message (null for suppressed records)
 */
public record OutboxRow(long id, String receiver, String incidentId, String key, String event, String status, int attempts,
        Instant createdAt, Instant nextAttemptAt, String reason, Notification notification) {

    /** This row carrying another version of its message. */
    OutboxRow withNotification(Notification n) {
        return new OutboxRow(id, receiver, incidentId, key, event, status, attempts, createdAt, nextAttemptAt, reason, n);
    }

    /** This row after a failed attempt. */
    OutboxRow retried(int newAttempts, Instant next, String why) {
        return new OutboxRow(id, receiver, incidentId, key, event, status, newAttempts, createdAt, next, why, notification);
    }
}
