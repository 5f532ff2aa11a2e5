package dev.bongsu.detector.core;

import dev.bongsu.model.Health;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The state of every service and its own incident: state changes, flapping, and opening, reopening, escalating and
 * resolving the {@code service} incident. Which failing services open now is decided with the correlator.
 */
final class ServiceIncidents {
    private DetectorConfig cfg;
    private final IncidentMaker maker;
    private HypothesisRanker ranker;
    /** The open correlated incident of an id, or null. */
    private final Function<String, IncidentDraft> groups;
    private final Map<String, ServiceTrack> tracks = new LinkedHashMap<>();

    ServiceIncidents(List<ServiceConfig> services, DetectorConfig cfg, IncidentMaker maker, HypothesisRanker ranker,
                     Function<String, IncidentDraft> groups) {
        this.cfg = cfg;
        this.maker = maker;
        this.ranker = ranker;
        this.groups = groups;
        services.forEach(s -> tracks.put(s.id(), new ServiceTrack(s)));
    }

    /**
     * Takes a reloaded configuration: a service still configured keeps its track (state, flapping, open incident)
     * with its new settings, a new one starts unknown, and a removed one's open incident resolves with the reason.
     * Returns the removed services.
     */
    Set<String> reconfigure(List<ServiceConfig> services, DetectorConfig nextCfg, HypothesisRanker nextRanker,
                            Instant now, Step step) {
        this.cfg = nextCfg;
        this.ranker = nextRanker;
        Map<String, ServiceTrack> next = new LinkedHashMap<>();
        for (ServiceConfig s : services) {
            ServiceTrack t = tracks.remove(s.id());
            if (t == null) {
                t = new ServiceTrack(s);
            } else {
                t.config = s;
            }
            next.put(s.id(), t);
        }
        Set<String> removed = new LinkedHashSet<>(tracks.keySet());
        for (ServiceTrack gone : tracks.values()) {
            if (gone.incident != null) {
                gone.incident.resolve(now, Wording.serviceRemoved(gone.id()));
                step.touch(gone.incident);
            }
        }
        tracks.clear();
        tracks.putAll(next);
        return removed;
    }

    /**
     * A member of a correlated incident that ends while it still fails continues on its own: same id, no parent,
     * its own hypothesis again.
     */
    void detach(IncidentDraft child, String groupId, Step step) {
        child.parentId = null;
        child.hypothesis = ranker.single(child.service(), failing());
        child.note(Wording.continuesAlone(groupId), child.service());
        step.touch(child);
    }

    Collection<ServiceTrack> tracks() {
        return tracks.values();
    }

    ServiceTrack track(String id) {
        return tracks.get(id);
    }

    /** The services failing (down or degraded) now. */
    Set<String> failing() {
        Set<String> out = new LinkedHashSet<>();
        tracks.values().stream().filter(ServiceTrack::failing).forEach(t -> out.add(t.id()));
        return out;
    }

    /** Takes the verdict on one service at {@code now}; returns its state change, or null. */
    ServiceStateChange judged(ServiceTrack t, HealthJudge.Verdict v, boolean failedLongEnough, Instant now) {
        t.failingVantages = v.vantages();
        if (v.onset() != Long.MAX_VALUE) {
            t.onset = v.onset();
        }
        t.reason = v.reason();
        t.failedLongEnough = failedLongEnough;
        Health h = v.health();
        ServiceStateChange change = null;
        if (t.state.since().equals(Instant.EPOCH)) {
            t.state = new ServiceState(t.id(), t.state.health(), now, t.state.reason());
        }
        if (h != t.state.health()) {
            ServiceState next = new ServiceState(t.id(), h, now, h == Health.UP ? null : t.reason);
            change = new ServiceStateChange(t.state, next);
            if (h != Health.UNKNOWN && t.state.health() != Health.UNKNOWN) {
                t.changes.addLast(now);
            }
            t.state = next;
        } else if (h != Health.UP && !Objects.equals(t.reason, t.state.reason())) {
            t.state = new ServiceState(t.id(), h, t.state.since(), t.reason);
        }
        while (!t.changes.isEmpty() && t.changes.peekFirst().isBefore(now.minus(cfg.flapWindow()))) {
            t.changes.removeFirst();
        }
        t.flapping = t.changes.size() >= cfg.flapChanges();
        return change;
    }

    /**
     * Carries the open service incidents forward (failing again, severity, flapping, recovery) and returns the
     * failing services without an incident that may open one, by onset.
     */
    List<ServiceTrack> update(Instant now, boolean networkWide, Step step) {
        List<ServiceTrack> pending = new ArrayList<>();
        for (ServiceTrack t : tracks.values()) {
            if (t.state.health() == Health.UP) {
                t.quietUntil = 0;
            } else if (networkWide && t.failing()) {
                // Its vantages need a few probes to see it again once the network is back; do not page meanwhile.
                long settle = Pacing.probed(t.config).stream().mapToLong(c -> c.interval().toMillis()).max().orElse(0)
                        * (cfg.successesToUp() + 1L);
                t.quietUntil = now.toEpochMilli() + settle;
            }
            if (t.incident == null) {
                if (t.failing() && !networkWide && now.toEpochMilli() >= t.quietUntil && !reopen(t, now, step)) {
                    pending.add(t);
                }
                continue;
            }
            carry(t, now, step);
        }
        pending.sort(Comparator.comparingLong((ServiceTrack t) -> t.onset).thenComparing(ServiceTrack::id));
        return pending;
    }

    private void carry(ServiceTrack t, Instant now, Step step) {
        IncidentDraft d = t.incident;
        String s = t.id();
        if (t.failing()) {
            d.vantages.addAll(t.failingVantages);
            if (!d.active) {
                d.active = true;
                if (!t.flapping) {
                    d.note(Wording.failingAgain(s), s);
                    step.touch(d);
                    noteParent(d, Wording.failingAgain(s), step);
                }
            }
            Severity severity = severityOf(t);
            if (severity != d.severity) {
                d.severity = severity;
                describe(d);
                if (!t.flapping) {
                    d.note(Wording.nowIs(s, t.state.health(), t.reason), s);
                    step.touch(d);
                    touchParent(d, step);
                }
            }
        } else if (t.state.health() == Health.UP && d.active) {
            d.active = false;
            if (!t.flapping) {
                resolve(t, now, step);
            }
        } else if (t.state.health() == Health.UP && !t.flapping) {
            resolve(t, now, step);
        }
        if (t.incident != null && t.flapping && !d.flapReported) {
            d.flapReported = true;
            d.note(Wording.flapping(s, t.changes.size(), cfg.flapWindow()), s);
            step.touch(d);
        }
    }

    private void resolve(ServiceTrack t, Instant now, Step step) {
        IncidentDraft d = t.incident;
        d.resolve(now, Wording.serviceResolved(t.id()));
        step.touch(d);
        t.incident = null;
        t.lastResolved = d;
        noteParent(d, Wording.recovered(t.id()), step);
    }

    /** Failing again soon after recovery continues the incident instead of paging anew. */
    private boolean reopen(ServiceTrack t, Instant now, Step step) {
        IncidentDraft last = t.lastResolved;
        if (last == null || last.resolvedAt == null || now.isAfter(last.resolvedAt.plus(cfg.flapWindow()))
                || (last.parentId != null && groups.apply(last.parentId) == null)) {
            return false;
        }
        String s = t.id();
        last.reopen(Wording.reopened(s), s);
        last.vantages.addAll(t.failingVantages);
        last.severity = severityOf(t);
        describe(last);
        t.incident = last;
        t.lastResolved = null;
        step.touch(last);
        noteParent(last, Wording.failingAgain(s), step);
        return true;
    }

    /** Opens the service incident of a failing service (its start is the onset of the failure). */
    IncidentDraft open(ServiceTrack t, Step step) {
        String s = t.id();
        IncidentDraft d = maker.make(s, IncidentKind.SERVICE, Instant.ofEpochMilli(t.onset));
        d.services.add(s);
        d.vantages.addAll(t.failingVantages);
        d.severity = severityOf(t);
        describe(d);
        d.opened(Wording.detected(s, t.state.health(), t.reason), s);
        t.incident = d;
        t.lastResolved = null;
        step.touch(d);
        return d;
    }

    /** Takes back an open service incident of a previous run; false when its service is unknown or already has one. */
    boolean restore(IncidentDraft d) {
        ServiceTrack t = d.services.isEmpty() ? null : tracks.get(d.services.iterator().next());
        if (t == null || t.incident != null) {
            return false;
        }
        t.incident = d;
        return true;
    }

    private Severity severityOf(ServiceTrack t) {
        return t.state.health() == Health.DOWN ? Severity.CRITICAL : Severity.WARNING;
    }

    private void describe(IncidentDraft d) {
        ServiceConfig sc = tracks.get(d.service()).config;
        d.title = Wording.serviceTitle(sc.name(), d.severity == Severity.CRITICAL);
        IncidentDraft parent = d.parentId == null ? null : groups.apply(d.parentId);
        d.hypothesis = parent != null && parent.hypothesis != null ? parent.hypothesis : ranker.single(d.service(), failing());
    }

    private void noteParent(IncidentDraft child, LocalizedText text, Step step) {
        IncidentDraft g = child.parentId == null ? null : groups.apply(child.parentId);
        if (g != null) {
            g.note(text, child.service());
            step.touch(g);
        }
    }

    private void touchParent(IncidentDraft child, Step step) {
        IncidentDraft g = child.parentId == null ? null : groups.apply(child.parentId);
        if (g != null) {
            step.touch(g);
        }
    }
}
