package dev.bongsu.alerting.route;

import dev.bongsu.alerting.ack.AckLinks;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.AckReader;
import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The routing pipeline, pure and driven by time given as input: route → group (wait, interval, repeat) →
 * inhibit → silence / maintenance → deliver (plus fallback). Suppressed notifications come out as decisions too,
 * so they are recorded rather than forgotten.
 *
 * <p>One group per (receiver, incident). Its first notification waits {@code groupWait} (so the detector can
 * finish correlating) and is always an {@code incident.opened}; later changes are coalesced to the latest and
 * sent at most every {@code groupInterval}; an open incident without news is re-sent every {@code repeatInterval}
 * with key {@code id:sequence:repeat-n}. A resolution is sent at once to every receiver that was told of the
 * incident (even when muted meanwhile, so nobody is left with a stale open incident) and is recorded as
 * suppressed for receivers that never were. A keep-alive receiver (Alertmanager) that was told of an incident
 * hears every later notification of it, muted or not, so it never lets the alert lapse before the resolution.
 * Each notification carries the likely cause its receiver was last sent, so a revised cause reads as a change.
 *
 * <p>Acknowledgement and escalation: while an incident is open and not acknowledged, each notification carries a
 * signed acknowledgement link. Once it is acknowledged ({@link AckReader}), reminders stop (except the keep-alive
 * re-sends an Alertmanager needs), every receiver told of it gets one {@code incident.acknowledged} notification
 * (key {@code id:ack}), and no further escalation step is taken; later changes and the resolution are still sent
 * (see {@link Acknowledgements}). The escalation steps of the matching routes ({@link RouteTable#escalation}) count
 * from the incident's first notification: step {@code n} tells its receivers that were not told yet (key
 * {@code id:escalation-n}), muted, inhibited and with fallbacks like any notification, and they hear of the
 * incident's later changes from then on (see {@link Escalations}).
 */
public final class NotificationRouter {
    private AlertingConfig cfg;
    private Map<String, ServiceConfig> services;
    private RouteTable routes;
    private final Supplier<List<Mute>> mutes;
    private String publicUrl;
    private final Map<String, Incident> open = new LinkedHashMap<>();
    private final Map<ReceiverGroup.Key, ReceiverGroup> groups = new LinkedHashMap<>();
    private final Set<ReceiverGroup.Key> notifiedBefore = new HashSet<>();
    private final Acknowledgements acknowledgements;
    private final Escalations escalations;

    /**
     * A router for a config.
     *
     * @param cfg       the alerting config
     * @param services  the configured services by id (their attributes are labels)
     * @param mutes     the silences and maintenance windows in force, asked at each flush
     * @param publicUrl the status page base URL for links
     */
    public NotificationRouter(AlertingConfig cfg, Map<String, ServiceConfig> services, Supplier<List<Mute>> mutes, String publicUrl) {
        this(cfg, services, mutes, publicUrl, AckReader.NONE, null);
    }

    /**
     * A router that knows acknowledgements and puts signed acknowledgement links in notifications.
     *
     * @param acks     the acknowledgements, asked at each tick
     * @param ackLinks makes the links, or {@code null} for none
     */
    public NotificationRouter(AlertingConfig cfg, Map<String, ServiceConfig> services, Supplier<List<Mute>> mutes, String publicUrl,
                              AckReader acks, AckLinks ackLinks) {
        this.acknowledgements = new Acknowledgements(acks, ackLinks);
        this.escalations = new Escalations(acknowledgements);
        this.cfg = cfg;
        this.services = Map.copyOf(services);
        this.routes = new RouteTable(cfg);
        this.mutes = mutes;
        this.publicUrl = publicUrl;
    }

    /**
     * Takes a reloaded configuration: routes, receivers, grouping defaults, services and the link base apply to what is
     * decided from now on. Open incidents and what each receiver was told are kept; the groups of receivers that no
     * longer exist are dropped (a group already waiting keeps the timing it started with).
     */
    public void reconfigure(AlertingConfig next, Map<String, ServiceConfig> nextServices, String nextPublicUrl) {
        cfg = next;
        services = Map.copyOf(nextServices);
        routes = new RouteTable(next);
        publicUrl = nextPublicUrl;
        Set<String> names = new HashSet<>();
        next.effectiveReceivers().forEach(r -> names.add(r.name()));
        groups.keySet().removeIf(k -> !names.contains(k.receiver()));
        notifiedBefore.removeIf(k -> !names.contains(k.receiver()));
    }

    /** Remembers that {@code receiver} was told of {@code incidentId} before a restart (its next message is an update). */
    public void restoreNotified(String receiver, String incidentId) {
        notifiedBefore.add(new ReceiverGroup.Key(receiver, incidentId));
    }

    /**
     * Takes back an incident still open after a restart: every receiver told of it before (see
     * {@link #restoreNotified}) gets its reminders again, and an Alertmanager its re-sends, counted from {@code now}.
     */
    public void restoreOpen(Incident inc, Instant now) {
        if (!inc.isOpen()) {
            return;
        }
        open.put(inc.id(), inc);
        Map<String, Set<String>> labels = IncidentLabels.of(inc, services);
        List<RouteTarget> told = new ArrayList<>(routes.targets(labels));
        routes.escalation(labels).forEach(step -> told.addAll(step.receivers()));
        for (RouteTarget rt : told) {
            ReceiverGroup.Key key = new ReceiverGroup.Key(rt.receiver(), inc.id());
            if (!groups.containsKey(key) && notifiedBefore.remove(key)) {
                ReceiverGroup g = new ReceiverGroup(key, rt, now);
                g.latest = inc;
                g.sent(inc, now);
                groups.put(key, g);
            }
        }
        if (!acknowledgements.restore(inc.id()) && !receiversOf(inc.id()).isEmpty()) {
            // Told before the restart: escalation counts from the start, and receivers told already are not told again.
            escalations.restore(inc, routes.escalation(IncidentLabels.of(inc, services)));
        }
    }

    /** Takes in a transition and returns what is due at {@code now}. */
    public List<RoutingDecision> onTransition(IncidentTransition t, Instant now) {
        Incident inc = t.incident();
        if (inc.isOpen()) {
            open.put(inc.id(), inc);
        } else {
            open.remove(inc.id());
            escalations.stop(inc.id());
            acknowledgements.forget(inc.id());
        }
        Map<String, RouteTarget> targets = new LinkedHashMap<>();
        for (RouteTarget rt : routes.targets(IncidentLabels.of(inc, services))) {
            targets.put(rt.receiver(), rt);
        }
        for (ReceiverGroup g : groups.values()) {
            if (g.key.incidentId().equals(inc.id())) {
                targets.remove(g.key.receiver());
                g.update(inc, t.type(), now);
            }
        }
        for (RouteTarget rt : targets.values()) {
            ReceiverGroup g = new ReceiverGroup(new ReceiverGroup.Key(rt.receiver(), inc.id()), rt, now);
            if (notifiedBefore.remove(g.key)) {
                g.notified = true;
                g.lastSentAt = now.minus(rt.groupInterval());
            }
            groups.put(g.key, g);
            g.update(inc, t.type(), now);
        }
        return tick(now);
    }

    /** Returns what is due at {@code now}: waits ended, intervals passed, reminders. */
    public List<RoutingDecision> tick(Instant now) {
        List<RoutingDecision> out = new ArrayList<>(acknowledgements.announce(open.values(), groups.values(), cfg, publicUrl, now));
        escalations.openDueGroups(open, groups, now);
        List<ReceiverGroup> due = new ArrayList<>(groups.values());
        due.sort(Comparator.comparing((ReceiverGroup g) -> g.firstAt).thenComparing(g -> g.key.receiver()));
        for (ReceiverGroup g : due) {
            if (g.pending != null && !now.isBefore(g.flushAt)) {
                flush(g, now, out);
            } else if (g.reminderDue(now) && acknowledgements.remindersGoOn(g)) {
                g.remind();
                flush(g, now, out);
            }
        }
        return out;
    }

    /** When the next escalation step of an incident is due, if one is planned (for tests and operators). */
    public Optional<Instant> nextEscalation(String incidentId) {
        return escalations.nextDue(incidentId);
    }

    /** The incidents currently open, as last seen. */
    public List<Incident> openIncidents() {
        return List.copyOf(open.values());
    }

    private void flush(ReceiverGroup g, Instant now, List<RoutingDecision> out) {
        Incident inc = g.pending;
        String receiver = g.key.receiver();
        boolean resolved = g.pendingType == TransitionType.RESOLVED;
        String event = !g.notified ? (resolved ? TransitionType.RESOLVED : TransitionType.OPENED).eventName()
                : (resolved ? TransitionType.RESOLVED : TransitionType.UPDATED).eventName();
        if (resolved && !g.notified) {
            String why = g.lastReason != null ? "never notified (" + g.lastReason + ")" : "resolved before its first notification";
            out.add(new RoutingDecision.Suppress(receiver, inc.id(), inc.transitionKey(), event, why, now));
            groups.remove(g.key);
            return;
        }
        boolean escalation = Escalations.pending(g);
        Optional<Acknowledgement> ack = acknowledgements.of(inc.id());
        if (escalation && ack.isPresent()) {
            out.add(Escalations.dropped(g, inc, ack.get(), event, now));
            groups.remove(g.key);
            return;
        }
        boolean keepTelling = resolved || (g.notified && g.target.keepAlive());
        Optional<String> muted = keepTelling ? Optional.empty() : suppression(inc, now);
        if (muted.isPresent()) {
            String key = inc.transitionKey();
            if (!muted.get().equals(g.lastReason) || !key.equals(g.lastSuppressedKey)) {
                out.add(new RoutingDecision.Suppress(receiver, inc.id(), key, event, muted.get(), now));
            }
            g.lastReason = muted.get();
            g.lastSuppressedKey = key;
            g.repeatDue = false;
            // Look again later: a silence may expire or the correlated incident resolve while this one stays open.
            g.flushAt = now.plus(g.target.groupInterval());
            return;
        }
        TransitionType type = !g.notified ? TransitionType.OPENED : resolved ? TransitionType.RESOLVED : TransitionType.UPDATED;
        String key = escalation ? Escalations.key(inc, g)
                : g.repeatDue ? inc.transitionKey() + ":repeat-" + g.repeats : inc.transitionKey();
        String notice = escalation ? Escalations.notice(g) : null;
        String ackUrl = acknowledgements.linkFor(inc, ack, now);
        Notification n = new Notification(receiver, type, inc, key, publicUrl + "/incidents/" + inc.id(), notice,
                g.repeatDue ? g.repeats : 0, now, g.notified ? g.lastSentHypothesis : null, ackUrl, ack.orElse(null), false);
        out.add(new RoutingDecision.Deliver(n));
        ReceiverConfig rc = cfg.receiver(receiver).orElse(null);
        if (rc != null && rc.fallback() != null) {
            List<Incident> consider = new ArrayList<>(open.values());
            if (!consider.contains(inc) && inc.isOpen()) {
                consider.add(inc);
            }
            Optional<String> why = FallbackPolicy.reason(rc, consider, services);
            if (why.isPresent() || g.fallbackNotified) {
                String text = why.orElse(FallbackPolicy.toldBefore(rc.fallback(), receiver));
                out.add(new RoutingDecision.Deliver(n.forFallback(rc.fallback(), text)));
                g.fallbackNotified = true;
            }
        }
        if (!resolved) {
            escalations.startClock(inc.id(), routes.escalation(IncidentLabels.of(inc, services)), now);
        }
        g.sent(inc, now);
        if (resolved) {
            groups.remove(g.key);
        }
    }

    private Optional<String> suppression(Incident inc, Instant now) {
        if (cfg.inhibit()) {
            Optional<String> inhibited = Inhibitor.inhibitedBy(inc, open.values());
            if (inhibited.isPresent()) {
                return inhibited;
            }
        }
        Map<String, Set<String>> labels = IncidentLabels.of(inc, services);
        for (Mute m : mutes.get()) {
            Optional<String> why = m.mutedBy(labels, now);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    /** Receivers currently holding state for an incident (for tests and the admin API). */
    Set<String> receiversOf(String incidentId) {
        Set<String> out = new HashSet<>();
        groups.keySet().forEach(k -> {
            if (k.incidentId().equals(incidentId)) {
                out.add(k.receiver());
            }
        });
        return out;
    }
}
