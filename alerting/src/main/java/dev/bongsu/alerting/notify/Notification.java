package dev.bongsu.alerting.notify;

import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import java.time.Instant;
import java.util.Objects;

/**
 * One message to one receiver about one incident transition, as written to the outbox.
 *
 * @param receiver       the receiver's name
 * @param event          opened, updated or resolved, as the receiver should see it
 * @param incident       the incident as it stood
 * @param idempotencyKey {@code id:sequence} ({@code id:sequence:repeat-n} for reminders)
 * @param link           the incident's public page
 * @param notice         why this receiver gets it besides routing (a fallback), or {@code null}
 * @param repeat         0, or the number of this reminder while the incident stays open
 * @param createdAt      when the notification was decided
 */
public record Notification(
        String receiver,
        TransitionType event,
        Incident incident,
        String idempotencyKey,
        String link,
        String notice,
        int repeat,
        Instant createdAt) {

    public Notification {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The webhook event name, e.g. {@code incident.opened}. */
    public String eventName() {
        return event.eventName();
    }

    /** This notification for another receiver, with a notice saying why. */
    public Notification forFallback(String fallbackReceiver, String why) {
        return new Notification(fallbackReceiver, event, incident, idempotencyKey, link, why, repeat, createdAt);
    }
}
