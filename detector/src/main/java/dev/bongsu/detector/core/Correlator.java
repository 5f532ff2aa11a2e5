package dev.bongsu.detector.core;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentWords;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups failing services that share a likely cause into one {@code correlated} incident: new failures join an
 * open group that shares their cause (a later wave included), services failing close together form a new group,
 * and an older service incident still open joins whenever it shares the group's cause. It decides when failing
 * services open their incidents (see {@link Pacing}), and revises a group's hypothesis when the evidence changes.
 */
final class Correlator {
    private final ServiceIncidents services;
    private HypothesisRanker ranker;
    private final IncidentMaker maker;
    private Pacing pacing;
    private IncidentWords.ValueNames valueNames;
    private final Map<String, IncidentDraft> groups = new LinkedHashMap<>();

    Correlator(ServiceIncidents services, HypothesisRanker ranker, IncidentMaker maker, Pacing pacing,
               IncidentWords.ValueNames valueNames) {
        this.services = services;
        this.ranker = ranker;
        this.maker = maker;
        this.pacing = pacing;
        this.valueNames = valueNames;
    }

    /** The open correlated incident of an id, or null. */
    IncidentDraft group(String id) {
        return groups.get(id);
    }

    List<IncidentDraft> open() {
        return List.copyOf(groups.values());
    }

    void restore(IncidentDraft d) {
        groups.put(d.id, d);
    }

    /**
     * Takes a reloaded configuration: open groups lose the {@code removed} services (whose own incidents were
     * resolved) and say so; a group with no member failing any more resolves as when its last member recovers, and
     * one left with fewer than two services resolves too, a member still failing continuing in its own incident.
     */
    void reconfigure(HypothesisRanker nextRanker, Pacing nextPacing, IncidentWords.ValueNames nextNames,
                     Set<String> removed, Instant now, Step step) {
        this.ranker = nextRanker;
        this.pacing = nextPacing;
        this.valueNames = nextNames;
        for (IncidentDraft g : List.copyOf(groups.values())) {
            List<String> gone = g.services.stream().filter(removed::contains).toList();
            if (gone.isEmpty()) {
                continue;
            }
            for (String s : gone) {
                g.services.remove(s);
                g.note(Wording.removedFromGroup(s), s);
            }
            step.touch(g);
            List<IncidentDraft> children = children(g);
            if (children.isEmpty()) {
                g.resolve(now, Wording.groupResolved());
                groups.remove(g.id);
            } else if (g.services.size() < 2) {
                g.resolve(now, Wording.groupTooFew());
                groups.remove(g.id);
                children.forEach(c -> services.detach(c, g.id, step));
            }
        }
    }

    /** The open service incidents of a group's members. */
    private List<IncidentDraft> children(IncidentDraft g) {
        return services.tracks().stream().map(t -> t.incident).filter(c -> c != null && g.id.equals(c.parentId)).toList();
    }

    /** Decides which of the failing services without an incident open one now, and in which group. */
    void place(List<ServiceTrack> pending, Instant now, Step step) {
        long nowMs = now.toEpochMilli();
        Set<String> failing = services.failing();
        List<ServiceTrack> rest = new ArrayList<>(pending);
        for (ServiceTrack p : pending) {
            for (IncidentDraft g : groups.values()) {
                if (sharesCause(g.services, p.id(), failing)) {
                    join(g, services.open(p, step), Wording.joins(p.id()), step);
                    rest.remove(p);
                    break;
                }
            }
        }
        while (!rest.isEmpty()) {
            ServiceTrack seed = rest.remove(0);
            List<ServiceTrack> cluster = new ArrayList<>(List.of(seed));
            List<String> ids = new ArrayList<>(List.of(seed.id()));
            for (ServiceTrack o : List.copyOf(rest)) {
                if (within(seed.onset, o.onset) && sharesCause(ids, o.id(), failing)) {
                    cluster.add(o);
                    ids.add(o.id());
                }
            }
            List<IncidentDraft> standalone = new ArrayList<>();
            for (IncidentDraft d : standalone()) {
                if (within(seed.onset, d.startedAt.toEpochMilli()) && sharesCause(ids, d.service(), failing)) {
                    standalone.add(d);
                    ids.add(d.service());
                }
            }
            rest.removeAll(cluster);
            if (ids.size() < 2) {
                if (pacing.confirmedAlone(seed, nowMs)) {
                    services.open(seed, step);
                }
                continue;
            }
            boolean confirmed = ids.size() >= pacing.together() || !standalone.isEmpty()
                    || cluster.stream().anyMatch(t -> pacing.confirmedAlone(t, nowMs));
            if (confirmed && !waitForStragglers(cluster, standalone, ids, failing, nowMs)) {
                form(cluster, standalone, now, step);
            }
        }
        sweep(failing, step);
    }

    private boolean waitForStragglers(List<ServiceTrack> cluster, List<IncidentDraft> standalone, List<String> ids,
                                      Set<String> failing, long nowMs) {
        Evidence top = ranker.rank(ids, failing).get(0);
        if (top.down() >= top.total()) {
            return false;
        }
        long earliest = Long.MAX_VALUE;
        long wait = 0;
        for (ServiceTrack t : cluster) {
            earliest = Math.min(earliest, t.onset);
            wait = Math.max(wait, pacing.stragglerWaitMillis(t.config));
        }
        for (IncidentDraft d : standalone) {
            earliest = Math.min(earliest, d.startedAt.toEpochMilli());
        }
        return nowMs < earliest + wait;
    }

    private void form(List<ServiceTrack> cluster, List<IncidentDraft> standalone, Instant now, Step step) {
        List<IncidentDraft> members = new ArrayList<>(standalone);
        List<IncidentDraft> opened = new ArrayList<>();
        for (ServiceTrack t : cluster) {
            opened.add(services.open(t, step));
        }
        members.addAll(opened);
        members.sort(Comparator.comparing((IncidentDraft d) -> d.startedAt).thenComparing(d -> d.id));
        IncidentDraft g = maker.make("group", IncidentKind.CORRELATED, members.get(0).startedAt);
        for (IncidentDraft m : members) {
            g.services.add(m.service());
            g.vantages.addAll(m.vantages);
            m.parentId = g.id;
            if (!opened.contains(m)) {
                m.note(Wording.partOf(g.id));
                step.touch(m);
            }
        }
        groups.put(g.id, g);
        g.opened(Wording.groupOpened(List.copyOf(g.services)), g.services.toArray(String[]::new));
        step.touch(g);
    }

    /** Open service incidents of any age that share an open group's cause join it: one story, not two. */
    private void sweep(Set<String> failing, Step step) {
        for (IncidentDraft d : standalone()) {
            for (IncidentDraft g : groups.values()) {
                if (sharesCause(g.services, d.service(), failing)) {
                    join(g, d, Wording.joinsLate(d.service()), step);
                    d.note(Wording.partOf(g.id));
                    step.touch(d);
                    break;
                }
            }
        }
    }

    private void join(IncidentDraft g, IncidentDraft d, LocalizedText text, Step step) {
        d.parentId = g.id;
        g.services.add(d.service());
        g.vantages.addAll(d.vantages);
        if (d.startedAt.isBefore(g.startedAt)) {
            g.startedAt = d.startedAt;
        }
        g.note(text, d.service());
        step.touch(g);
    }

    private List<IncidentDraft> standalone() {
        return services.tracks().stream().map(t -> t.incident)
                .filter(d -> d != null && d.parentId == null && d.active && d.isOpen())
                .sorted(Comparator.comparing((IncidentDraft d) -> d.startedAt).thenComparing(d -> d.id))
                .toList();
    }

    private boolean sharesCause(Collection<String> members, String candidate, Set<String> failing) {
        List<String> with = new ArrayList<>(members);
        with.add(candidate);
        return ranker.haveCommonCause(with, failing);
    }

    private boolean within(long a, long b) {
        return Duration.ofMillis(Math.abs(a - b)).compareTo(pacing.correlationWindow()) <= 0;
    }

    /** Carries the open groups forward: severity, hypothesis (revised when the top cause changes), title, resolution. */
    void update(Instant now, Step step) {
        Set<String> failing = services.failing();
        for (IncidentDraft g : List.copyOf(groups.values())) {
            List<IncidentDraft> children = children(g);
            if (children.isEmpty()) {
                g.resolve(now, Wording.groupResolved());
                groups.remove(g.id);
                step.touch(g);
                continue;
            }
            Severity severity = children.stream().anyMatch(c -> c.active && c.severity == Severity.CRITICAL)
                    ? Severity.CRITICAL : Severity.WARNING;
            if (severity != g.severity && children.stream().anyMatch(c -> c.active)) {
                g.severity = severity;
                g.note(severity == Severity.CRITICAL ? Wording.groupCritical() : Wording.groupWarning());
                step.touch(g);
            }
            if (!g.changed() && g.title != null) {
                continue;
            }
            Hypothesis h = ranker.group(g.services, failing);
            Hypothesis before = g.hypothesis;
            if (before != null && !before.evidence().isEmpty() && !h.evidence().isEmpty()
                    && !(before.attribute().equals(h.attribute()) && before.value().equals(h.value()))) {
                Evidence from = h.evidence().stream()
                        .filter(e -> e.attribute().equals(before.attribute()) && e.value().equals(before.value()))
                        .findFirst().orElse(before.evidence().get(0));
                Evidence to = h.evidence().get(0);
                g.note(Wording.revised(from, ranker.explained(g.services, failing, from.attribute(), from.value()), to,
                        ranker.explained(g.services, failing, to.attribute(), to.value()), g.services.size()));
            }
            g.hypothesis = h;
            Evidence cause = h.evidence().isEmpty() ? null : h.evidence().get(0);
            g.title = Wording.groupTitle(g.services.size(), cause, cause != null && ranker.isPublic(g.services, cause.attribute()),
                    valueNames);
            for (IncidentDraft c : children) {
                if (c.changed()) {
                    // A member's own cause is the group's: "only this service is failing" no longer holds.
                    c.hypothesis = g.hypothesis;
                }
            }
            step.touch(g);
        }
    }
}
