package dev.bongsu.statuspage.subscribe;

import java.time.Instant;

/**
 * A public subscriber. Personal data: kept in its own file, never in a public answer, exported and deleted only
 * through the admin API.
 *
 * @param id          random, unguessable id
 * @param channel     e-mail or webhook
 * @param address     the e-mail address, or the webhook URL
 * @param lang        {@code ko} or {@code en}: the language of every message
 * @param scope       what it wants to hear about
 * @param secret      random secret: signs webhook messages, and makes the confirm and unsubscribe links unguessable
 * @param createdAt   when it subscribed
 * @param confirmedAt when the double opt-in was confirmed, or {@code null} while pending (nothing is sent but the
 *                    confirmation request)
 */
public record Subscriber(String id, Channel channel, String address, String lang, SubscriberScope scope, String secret,
                         Instant createdAt, Instant confirmedAt) {

    /** How a subscriber is reached. */
    public enum Channel {
        EMAIL, WEBHOOK
    }

    /** Whether the subscription was confirmed. */
    public boolean confirmed() {
        return confirmedAt != null;
    }
}
