package dev.bongsu.alerting.notify;

import java.time.Duration;

/**
 * What one delivery attempt came to.
 *
 * @param status     delivered, retry or failed for good
 * @param retryAfter how long the receiver asked us to wait, or {@code null}
 * @param reason     a short, redacted explanation (empty when delivered)
 */
public record DeliveryOutcome(Status status, Duration retryAfter, String reason) {
    /** The three kinds of outcome. */
    public enum Status { DELIVERED, RETRY, FAILED }

    /** Delivered. */
    public static DeliveryOutcome delivered() {
        return new DeliveryOutcome(Status.DELIVERED, null, "");
    }

    /** Worth another attempt, after {@code retryAfter} when the receiver said so. */
    public static DeliveryOutcome retry(String reason, Duration retryAfter) {
        return new DeliveryOutcome(Status.RETRY, retryAfter, reason);
    }

    /** Will never succeed as sent. */
    public static DeliveryOutcome failed(String reason) {
        return new DeliveryOutcome(Status.FAILED, null, reason);
    }

    /** Whether it was delivered. */
    public boolean isDelivered() {
        return status == Status.DELIVERED;
    }
}
