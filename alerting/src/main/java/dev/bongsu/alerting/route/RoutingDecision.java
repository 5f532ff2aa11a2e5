package dev.bongsu.alerting.route;

import dev.bongsu.alerting.notify.Notification;
import java.time.Instant;

/** What routing decided about one receiver and one incident transition. */
public sealed interface RoutingDecision {
    /** Send this notification (through the outbox). */
    record Deliver(Notification notification) implements RoutingDecision {
    }

    /**
     * Do not send; keep a record with the reason.
     *
     * @param receiver      the receiver that would have got it
     * @param incidentId    the incident
     * @param transitionKey {@code id:sequence}
     * @param event         the event name it would have had
     * @param reason        why it was suppressed
     * @param at            when
     */
    record Suppress(String receiver, String incidentId, String transitionKey, String event, String reason, Instant at)
            implements RoutingDecision {
    }
}
