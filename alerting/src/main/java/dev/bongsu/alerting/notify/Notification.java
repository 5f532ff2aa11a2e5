package dev.bongsu.alerting.notify;

import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.Hypothesis;
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
 * @param previousHypothesis the likely cause in the last notification this receiver was sent about the incident,
 *                       or {@code null} (the first one, or no cause then); see {@link #causeChanged()}
 * @param ackUrl         the signed link that acknowledges the incident, or {@code null} (resolved, or no link)
 * @param acknowledgement who acknowledged the incident and when, once someone has, else {@code null}
 * @param acknowledgedNow whether this notification is the news of that acknowledgement ({@code incident.acknowledged})
 */
public record Notification(
        String receiver,
        TransitionType event,
        Incident incident,
        String idempotencyKey,
        String link,
        String notice,
        int repeat,
        Instant createdAt,
        Hypothesis previousHypothesis,
        String ackUrl,
        Acknowledgement acknowledgement,
        boolean acknowledgedNow) {

    /** The webhook event name of an acknowledgement notice. */
    public static final String ACKNOWLEDGED_EVENT = "incident.acknowledged";

    public Notification {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if (acknowledgedNow) {
            Objects.requireNonNull(acknowledgement, "acknowledgement");
        }
    }

    /** A notification without acknowledgement link or acknowledgement. */
    public Notification(String receiver, TransitionType event, Incident incident, String idempotencyKey, String link, String notice,
                        int repeat, Instant createdAt, Hypothesis previousHypothesis) {
        this(receiver, event, incident, idempotencyKey, link, notice, repeat, createdAt, previousHypothesis, null, null, false);
    }

    /** The webhook event name, e.g. {@code incident.opened}, or {@value #ACKNOWLEDGED_EVENT} for the news of an acknowledgement. */
    public String eventName() {
        return acknowledgedNow ? ACKNOWLEDGED_EVENT : event.eventName();
    }

    /** This notification with the incident's signed acknowledgement link and its acknowledgement so far. */
    public Notification withAck(String url, Acknowledgement ack) {
        return new Notification(receiver, event, incident, idempotencyKey, link, notice, repeat, createdAt, previousHypothesis, url, ack,
                acknowledgedNow);
    }

    /** This notification for another receiver, with a notice saying why. */
    public Notification forFallback(String fallbackReceiver, String why) {
        return new Notification(fallbackReceiver, event, incident, idempotencyKey, link, why, repeat, createdAt, previousHypothesis,
                ackUrl, acknowledgement, acknowledgedNow);
    }

    /** This notification as if the receiver had last been told this cause (an earlier one was skipped). */
    public Notification withPreviousHypothesis(Hypothesis previous) {
        return new Notification(receiver, event, incident, idempotencyKey, link, notice, repeat, createdAt, previous, ackUrl,
                acknowledgement, acknowledgedNow);
    }

    /**
     * Whether the likely cause differs from the one this receiver was last told: another attribute or value, or
     * none any more. A new count of the same cause ("3 of 4 services" after "2 of 4") is no change.
     */
    public boolean causeChanged() {
        Hypothesis now = incident.hypothesis();
        return previousHypothesis != null && (now == null || !Causes.label(now).equals(Causes.label(previousHypothesis)));
    }
}
