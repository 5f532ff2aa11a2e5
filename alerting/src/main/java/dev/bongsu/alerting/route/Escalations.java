package dev.bongsu.alerting.route;

import dev.bongsu.alerting.escalation.EscalationPlan;
import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.Durations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation steps of the matching routes ({@link RouteTable#escalation}) in routing terms, pure and driven by
 * time given as input. Steps count from the incident's first notification (after a restart, from its start): step
 * {@code n} tells its receivers that were not told yet (key {@code id:escalation-n}), muted, inhibited and with
 * fallbacks like any notification, and they hear of the incident's later changes from then on. Once the incident is
 * acknowledged no further step is taken, and a step still held back (muted) is dropped and recorded as suppressed.
 */
final class Escalations {
    private final EscalationPlan<RouteTarget> plan = new EscalationPlan<>();
    private final Acknowledgements acks;

    /** Escalations that stop at an acknowledgement {@code acks} knows. */
    Escalations(Acknowledgements acks) {
        this.acks = acks;
    }

    /** Starts an incident's clock at its first notification; nothing happens when it runs already or there are no steps. */
    void startClock(String incidentId, List<EscalationPlan.Step<RouteTarget>> steps, Instant now) {
        plan.start(incidentId, steps, now);
    }

    /** Starts the clock of an incident whose receivers were told before a restart, counted from the incident's start. */
    void restore(Incident inc, List<EscalationPlan.Step<RouteTarget>> steps) {
        plan.start(inc.id(), steps, inc.startedAt());
    }

    /** Forgets a resolved incident's clock. */
    void stop(String incidentId) {
        plan.stop(incidentId);
    }

    /** When the next step of an incident is due, if one is planned. */
    Optional<Instant> nextDue(String incidentId) {
        return plan.nextDue(incidentId);
    }

    /** Takes the steps due at {@code now}: a group, due at once, for each step receiver not yet holding one for its open incident. */
    void openDueGroups(Map<String, Incident> open, Map<ReceiverGroup.Key, ReceiverGroup> groups, Instant now) {
        for (EscalationPlan.Due<RouteTarget> d : plan.due(id -> acks.of(id).isPresent(), now)) {
            Incident inc = open.get(d.incidentId());
            if (inc == null) {
                continue;
            }
            for (RouteTarget rt : d.step().receivers()) {
                ReceiverGroup.Key key = new ReceiverGroup.Key(rt.receiver(), inc.id());
                if (groups.containsKey(key)) {
                    continue;
                }
                ReceiverGroup g = new ReceiverGroup(key, rt, now);
                g.escalationStep = d.step().number();
                g.escalationAfter = d.step().after();
                g.update(inc, TransitionType.OPENED, now);
                g.flushAt = now;
                groups.put(key, g);
            }
        }
    }

    /** Whether the group's next notification is an escalation: a step's receiver not told yet. */
    static boolean pending(ReceiverGroup g) {
        return g.escalationStep > 0 && !g.notified;
    }

    /** The idempotency key of the group's escalation. */
    static String key(Incident inc, ReceiverGroup g) {
        return inc.id() + ":escalation-" + g.escalationStep;
    }

    /** The notice an escalation carries. */
    static String notice(ReceiverGroup g) {
        return "Escalated (step " + g.escalationStep + "): not acknowledged within " + Durations.format(g.escalationAfter)
                + " of its first notification.";
    }

    /** The record of an escalation dropped because the incident was acknowledged before it could be sent. */
    static RoutingDecision.Suppress dropped(ReceiverGroup g, Incident inc, Acknowledgement ack, String event, Instant now) {
        return new RoutingDecision.Suppress(g.key.receiver(), inc.id(), key(inc, g), event,
                "acknowledged by " + ack.by() + " before escalation step " + g.escalationStep, now);
    }
}
