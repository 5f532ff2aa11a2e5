package dev.bongsu.alerting.route;

import dev.bongsu.alerting.ack.AckLinks;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.AckReader;
import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.ReceiverConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an acknowledgement ({@link AckReader}) changes in routing, pure and driven by time given as input. While an
 * incident is open and not acknowledged, each notification carries a signed acknowledgement link. Once it is
 * acknowledged, reminders stop (except the keep-alive re-sends an Alertmanager needs) and every receiver told of it
 * gets one {@code incident.acknowledged} notification (key {@code id:ack}), its fallback too when that was told;
 * later changes and the resolution are still sent.
 */
final class Acknowledgements {
    private final AckReader acks;
    private final AckLinks links;
    private final Set<String> announced = new HashSet<>();

    /**
     * Acknowledgements as {@code acks} knows them, with links from {@code links}.
     *
     * @param acks  the acknowledgements, asked at each tick
     * @param links makes the links, or {@code null} for none
     */
    Acknowledgements(AckReader acks, AckLinks links) {
        this.acks = acks;
        this.links = links;
    }

    /** The incident's acknowledgement, if it has one. */
    Optional<Acknowledgement> of(String incidentId) {
        return acks.acknowledgement(incidentId);
    }

    /** Whether reminders of an open incident go on for this group: until it is acknowledged, always for a keep-alive receiver. */
    boolean remindersGoOn(ReceiverGroup g) {
        return g.target.keepAlive() || acks.acknowledgement(g.key.incidentId()).isEmpty();
    }

    /** The acknowledgement link for a notification of {@code inc}, or {@code null} when it is resolved or acknowledged or links are off. */
    String linkFor(Incident inc, Optional<Acknowledgement> ack, Instant now) {
        return links != null && inc.isOpen() && ack.isEmpty() ? links.url(inc.id(), now) : null;
    }

    /**
     * Takes back an incident still open after a restart; one acknowledged before is not announced again.
     *
     * @return whether it is acknowledged
     */
    boolean restore(String incidentId) {
        if (acks.acknowledgement(incidentId).isPresent()) {
            announced.add(incidentId);
            return true;
        }
        return false;
    }

    /** Forgets a resolved incident. */
    void forget(String incidentId) {
        announced.remove(incidentId);
    }

    /**
     * The {@code incident.acknowledged} notifications due at {@code now}: one for every receiver told of a newly
     * acknowledged open incident, and one for its fallback when that was told too.
     *
     * @param open      the open incidents
     * @param groups    every receiver's group
     * @param cfg       the alerting config (for fallbacks)
     * @param publicUrl the status page base URL for links
     */
    List<RoutingDecision> announce(Collection<Incident> open, Collection<ReceiverGroup> groups, AlertingConfig cfg, String publicUrl,
                                   Instant now) {
        List<RoutingDecision> out = new ArrayList<>();
        for (Incident inc : open) {
            if (announced.contains(inc.id())) {
                continue;
            }
            Optional<Acknowledgement> ack = acks.acknowledgement(inc.id());
            if (ack.isEmpty()) {
                continue;
            }
            announced.add(inc.id());
            for (ReceiverGroup g : groups) {
                if (!g.key.incidentId().equals(inc.id()) || !g.notified) {
                    continue;
                }
                Notification n = new Notification(g.key.receiver(), TransitionType.UPDATED, g.latest, inc.id() + ":ack",
                        publicUrl + "/incidents/" + inc.id(), null, 0, now, g.lastSentHypothesis, null, ack.get(), true);
                out.add(new RoutingDecision.Deliver(n));
                ReceiverConfig rc = cfg.receiver(g.key.receiver()).orElse(null);
                if (g.fallbackNotified && rc != null && rc.fallback() != null) {
                    String why = FallbackPolicy.toldBefore(rc.fallback(), g.key.receiver());
                    out.add(new RoutingDecision.Deliver(n.forFallback(rc.fallback(), why)));
                }
            }
        }
        return out;
    }
}
