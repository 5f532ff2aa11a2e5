package dev.bongsu.alerting.route;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.Hypothesis;
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
 */
public final class NotificationRouter {
    private final AlertingConfig cfg;
    private final Map<String, ServiceConfig> services;
    private final RouteTable routes;
    private final Supplier<List<Mute>> mutes;
    private final String publicUrl;
    private final Map<String, Incident> open = new LinkedHashMap<>();
    private final Map<GroupKey, Group> groups = new LinkedHashMap<>();
    private final Set<GroupKey> notifiedBefore = new HashSet<>();

    /**
     * A router for a config.
     *
     * @param cfg       the alerting config
     * @param services  the configured services by id (their attributes are labels)
     * @param mutes     the silences and maintenance windows in force, asked at each flush
     * @param publicUrl the status page base URL for links
     */
    public NotificationRouter(AlertingConfig cfg, Map<String, ServiceConfig> services, Supplier<List<Mute>> mutes, String publicUrl) {
        this.cfg = cfg;
        this.services = Map.copyOf(services);
        this.routes = new RouteTable(cfg);
        this.mutes = mutes;
        this.publicUrl = publicUrl;
    }

    /** Remembers that {@code receiver} was told of {@code incidentId} before a restart (its next message is an update). */
    public void restoreNotified(String receiver, String incidentId) {
        notifiedBefore.add(new GroupKey(receiver, incidentId));
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
        for (RouteTarget rt : routes.targets(IncidentLabels.of(inc, services))) {
            GroupKey key = new GroupKey(rt.receiver(), inc.id());
            if (!groups.containsKey(key) && notifiedBefore.remove(key)) {
                Group g = new Group(key, rt, now);
                g.notified = true;
                g.latest = inc;
                g.lastSentAt = now;
                g.lastSentHypothesis = inc.hypothesis();
                groups.put(key, g);
            }
        }
    }

    /** Takes in a transition and returns what is due at {@code now}. */
    public List<RoutingDecision> onTransition(IncidentTransition t, Instant now) {
        Incident inc = t.incident();
        if (inc.isOpen()) {
            open.put(inc.id(), inc);
        } else {
            open.remove(inc.id());
        }
        Map<String, RouteTarget> targets = new LinkedHashMap<>();
        for (RouteTarget rt : routes.targets(IncidentLabels.of(inc, services))) {
            targets.put(rt.receiver(), rt);
        }
        for (Group g : groups.values()) {
            if (g.key.incidentId.equals(inc.id())) {
                targets.remove(g.key.receiver);
                g.update(inc, t.type(), now);
            }
        }
        for (RouteTarget rt : targets.values()) {
            Group g = new Group(new GroupKey(rt.receiver(), inc.id()), rt, now);
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
        List<RoutingDecision> out = new ArrayList<>();
        List<Group> due = new ArrayList<>(groups.values());
        due.sort(Comparator.comparing((Group g) -> g.firstAt).thenComparing(g -> g.key.receiver));
        for (Group g : due) {
            if (g.pending != null && !now.isBefore(g.flushAt)) {
                flush(g, now, out);
            } else if (g.pending == null && g.notified && g.latest.isOpen() && !now.isBefore(g.lastSentAt.plus(g.target.repeatInterval()))) {
                g.repeats++;
                g.pending = g.latest;
                g.pendingType = TransitionType.UPDATED;
                g.repeatDue = true;
                flush(g, now, out);
            }
        }
        return out;
    }

    /** The incidents currently open, as last seen. */
    public List<Incident> openIncidents() {
        return List.copyOf(open.values());
    }

    private void flush(Group g, Instant now, List<RoutingDecision> out) {
        Incident inc = g.pending;
        String receiver = g.key.receiver;
        boolean resolved = g.pendingType == TransitionType.RESOLVED;
        String event = !g.notified ? (resolved ? TransitionType.RESOLVED : TransitionType.OPENED).eventName()
                : (resolved ? TransitionType.RESOLVED : TransitionType.UPDATED).eventName();
        if (resolved && !g.notified) {
            String why = g.lastReason != null ? "never notified (" + g.lastReason + ")" : "resolved before its first notification";
            out.add(new RoutingDecision.Suppress(receiver, inc.id(), inc.transitionKey(), event, why, now));
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
        String key = g.repeatDue ? inc.transitionKey() + ":repeat-" + g.repeats : inc.transitionKey();
        Notification n = new Notification(receiver, type, inc, key, publicUrl + "/incidents/" + inc.id(), null,
                g.repeatDue ? g.repeats : 0, now, g.notified ? g.lastSentHypothesis : null);
        out.add(new RoutingDecision.Deliver(n));
        ReceiverConfig rc = cfg.receiver(receiver).orElse(null);
        if (rc != null && rc.fallback() != null) {
            List<Incident> consider = new ArrayList<>(open.values());
            if (!consider.contains(inc) && inc.isOpen()) {
                consider.add(inc);
            }
            Optional<String> why = FallbackPolicy.reason(rc, consider, services);
            if (why.isPresent() || g.fallbackNotified) {
                String text = why.orElse("Also sent to '" + rc.fallback() + "' because it was told of this incident while receiver '"
                        + receiver + "' was not trusted alone.");
                out.add(new RoutingDecision.Deliver(n.forFallback(rc.fallback(), text)));
                g.fallbackNotified = true;
            }
        }
        g.notified = true;
        g.lastSentAt = now;
        g.lastSentHypothesis = inc.hypothesis();
        g.pending = null;
        g.repeatDue = false;
        g.lastReason = null;
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

    private record GroupKey(String receiver, String incidentId) {
    }

    private static final class Group {
        final GroupKey key;
        final RouteTarget target;
        final Instant firstAt;
        Instant flushAt;
        Incident latest;
        Incident pending;
        TransitionType pendingType;
        boolean notified;
        boolean fallbackNotified;
        boolean repeatDue;
        int repeats;
        Instant lastSentAt;
        Hypothesis lastSentHypothesis;
        String lastReason;
        String lastSuppressedKey;

        Group(GroupKey key, RouteTarget target, Instant now) {
            this.key = key;
            this.target = target;
            this.firstAt = now;
            this.flushAt = now.plus(target.groupWait());
        }

        void update(Incident inc, TransitionType type, Instant now) {
            latest = inc;
            pending = inc;
            pendingType = type;
            repeatDue = false;
            if (type == TransitionType.RESOLVED) {
                flushAt = now;
            } else if (notified) {
                Instant earliest = lastSentAt.plus(target.groupInterval());
                flushAt = earliest.isAfter(now) ? earliest : now;
            }
        }
    }

    /** Receivers currently holding state for an incident (for tests and the admin API). */
    Set<String> receiversOf(String incidentId) {
        Set<String> out = new HashSet<>();
        groups.keySet().forEach(k -> {
            if (k.incidentId.equals(incidentId)) {
                out.add(k.receiver);
            }
        });
        return out;
    }
}
