package dev.bongsu.detector.core;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges each vantage on its own, before any check: a vantage whose probe node cannot run probes (out of file
 * descriptors, local ports, threads: {@code local_resource} results), that fails broadly what the others see up,
 * that went silent while the others kept reporting, or whose probe node is overloaded is a probe fault; it is left
 * out of every quorum and gets one {@code probe_fault} incident (never two at once).
 */
final class VantageFaults {
    /** Node statistics older than this are forgotten (a node that stopped reporting is no longer overloaded). */
    static final long NODE_STATS_TTL_MS = 30_000;

    private enum Cause { UNCONFIRMED, SILENT, OVERLOADED, LOCAL_RESOURCE }

    private record NodeStats(boolean overloaded, long lagP99Ms, long atMs) {
    }

    private final Observations obs;
    private DetectorConfig cfg;
    private final IncidentMaker maker;
    private final Map<String, IncidentDraft> open = new LinkedHashMap<>();
    private final Map<String, Cause> causes = new HashMap<>();
    private final Map<String, Map<String, NodeStats>> nodes = new LinkedHashMap<>();
    private final Set<String> faulted = new LinkedHashSet<>();
    /** When the monitor was last blind as a whole (epoch ms): silence alone is counted from then on. */
    private long lastBlindAt = Long.MIN_VALUE;

    VantageFaults(Observations obs, DetectorConfig cfg, IncidentMaker maker) {
        this.obs = obs;
        this.cfg = cfg;
        this.maker = maker;
    }

    /** The vantages left out of the quorum now. */
    Set<String> faulted() {
        return faulted;
    }

    List<IncidentDraft> open() {
        return List.copyOf(open.values());
    }

    /** Takes back an open probe fault of a previous run; false when the vantage already has one. */
    boolean restore(String vantage, IncidentDraft d) {
        if (open.containsKey(vantage)) {
            return false;
        }
        open.put(vantage, d);
        faulted.add(vantage);
        obs.addVantage(vantage);
        return true;
    }

    /**
     * Takes the settings of a reloaded configuration; the vantages it {@code dropped} are forgotten, their open probe
     * fault resolving with the reason.
     */
    void reconfigure(DetectorConfig next, Set<String> dropped, Instant now, Step step) {
        this.cfg = next;
        for (String v : dropped) {
            IncidentDraft d = open.remove(v);
            if (d != null) {
                d.resolve(now, Wording.vantageRemoved(v));
                step.touch(d);
            }
            causes.remove(v);
            nodes.remove(v);
            faulted.remove(v);
        }
    }

    /** Takes the latest statistics of one probe node. */
    void onNodeStats(String vantage, String node, boolean overloaded, long lagP99Ms, Instant now) {
        nodes.computeIfAbsent(vantage, v -> new LinkedHashMap<>()).put(node, new NodeStats(overloaded, lagP99Ms, now.toEpochMilli()));
    }

    /**
     * Whether no vantage that ever reported can see: each has sent no evidence for one interval + timeout + margin
     * (judged on arrival, so a late batch or a replayed buffer is not blindness) or its probe node cannot run probes
     * (a {@code local_resource} result within the last round). The monitor is blind, not one probe.
     */
    boolean blind(long nowMs) {
        int seen = 0;
        for (String v : obs.vantages()) {
            long arrived = obs.lastArrival(v);
            boolean local = !obs.localFault(v, nowMs).isEmpty();
            if (arrived == Long.MIN_VALUE && !local) {
                continue;
            }
            seen++;
            if (!local && nowMs - arrived <= obs.silentAfter(v)) {
                return false;
            }
        }
        return seen > 0;
    }

    /** Whether some vantage's probe node cannot run probes now (so blindness is the monitor's host, not silence). */
    boolean anyLocalFault(long nowMs) {
        return obs.vantages().stream().anyMatch(v -> !obs.localFault(v, nowMs).isEmpty());
    }

    /**
     * Silent alone: nothing for one interval + timeout + margin, while another vantage has reported a probe that
     * started after this one's deadline. Vantages dying one after the other within a probe round are not each
     * a probe fault: that is blindness, judged as a whole.
     */
    private boolean silentAlone(String v, long nowMs) {
        long newest = obs.newest(v);
        if (newest == Long.MIN_VALUE) {
            return false;
        }
        // After a blind spell every vantage gets a full round to report again before it counts as silent alone.
        newest = Math.max(newest, lastBlindAt);
        if (nowMs - newest <= obs.silentAfter(v)) {
            return false;
        }
        long deadline = newest + obs.silentAfter(v);
        return obs.vantages().stream().anyMatch(w -> !w.equals(v) && obs.newest(w) > deadline);
    }

    /**
     * Cannot probe alone: another vantage whose probe node is fine has reported evidence from a probe that started
     * an interval (+ margin) after this one's first local-resource failure. Probe nodes of one process running out of
     * descriptors one after the other are not each a probe fault: that is the monitor blind, judged as a whole.
     */
    private boolean localAlone(String v, long nowMs) {
        // After a blind spell the probe nodes recover one after the other too: each gets a full round.
        long afterBlind = lastBlindAt == Long.MIN_VALUE ? Long.MIN_VALUE : lastBlindAt + obs.round();
        long deadline = Math.max(obs.localDeadline(v), afterBlind);
        return obs.vantages().stream()
                .anyMatch(w -> !w.equals(v) && obs.localFault(w, nowMs).isEmpty() && obs.newest(w) > deadline);
    }

    /** Judges every vantage at {@code now}; while the monitor is blind nothing is opened or resolved here. */
    void judge(Instant now, boolean blind, Step step) {
        if (blind) {
            lastBlindAt = now.toEpochMilli();
            return;
        }
        long nowMs = now.toEpochMilli();
        Set<String> silent = new LinkedHashSet<>();
        for (String v : obs.vantages()) {
            // a probe node saying it cannot probe is not silent: it is judged as a local fault
            if (silentAlone(v, nowMs) && obs.localFault(v, nowMs).isEmpty()) {
                silent.add(v);
            }
        }
        for (String v : obs.vantages()) {
            int freshChecks = 0;
            int unconfirmed = 0;
            for (CheckConfig c : obs.checks()) {
                VantageCheckState s = obs.get(c.id(), v);
                if (!obs.fresh(c, s, nowMs)) {
                    continue;
                }
                freshChecks++;
                if (unconfirmedElsewhere(c, v, s, silent, nowMs)) {
                    unconfirmed++;
                }
            }
            NodeStats overloaded = overloadedNode(v, nowMs);
            int local = obs.localFault(v, nowMs).size();
            boolean localAlone = local > 0 && (causes.get(v) == Cause.LOCAL_RESOURCE || localAlone(v, nowMs));
            Cause cause = localAlone ? Cause.LOCAL_RESOURCE
                    : overloaded != null ? Cause.OVERLOADED
                    : silent.contains(v) ? Cause.SILENT
                    : unconfirmed >= cfg.probeFaultMinChecks() && unconfirmed >= cfg.probeFaultRatio() * freshChecks
                    ? Cause.UNCONFIRMED : null;
            IncidentDraft d = open.get(v);
            if (cause != null) {
                Hypothesis h = cause == Cause.LOCAL_RESOURCE ? localHypothesis(v, local)
                        : hypothesis(v, cause, unconfirmed, freshChecks, overloaded, nowMs);
                if (d == null) {
                    d = maker.make("probe-" + v, IncidentKind.PROBE_FAULT, now);
                    d.severity = Severity.WARNING;
                    d.vantages.add(v);
                    d.title = Wording.probeFaultTitle(v);
                    d.hypothesis = h;
                    d.opened(h.text());
                    open.put(v, d);
                    step.touch(d);
                } else if (causes.containsKey(v) && causes.get(v) != cause) {
                    d.hypothesis = h;
                    d.note(Wording.vantageReasonChanged(h.text()));
                    step.touch(d);
                }
                causes.put(v, cause);
            } else if (d != null && (freshChecks > 0 || causes.get(v) == Cause.OVERLOADED)) {
                open.remove(v);
                causes.remove(v);
                d.resolve(now, Wording.vantageResolved(v));
                step.touch(d);
            }
            if (open.containsKey(v)) {
                faulted.add(v);
            } else {
                faulted.remove(v);
            }
        }
    }

    /**
     * Only passes overlapping this vantage's current failures contradict it: at the onset and the end of a real
     * outage the vantages disagree for a moment, one probe apart.
     */
    private boolean unconfirmedElsewhere(CheckConfig c, String v, VantageCheckState s, Set<String> silent, long nowMs) {
        if (!s.failing() || s.lastOk()) {
            return false;
        }
        int others = 0;
        int othersPassing = 0;
        for (Map.Entry<String, VantageCheckState> e : obs.of(c.id()).entrySet()) {
            if (!e.getKey().equals(v) && !silent.contains(e.getKey()) && obs.fresh(c, e.getValue(), nowMs)) {
                others++;
                othersPassing += e.getValue().contradicts(s) ? 1 : 0;
            }
        }
        return others > 0 && othersPassing * 2 > others;
    }

    private NodeStats overloadedNode(String v, long nowMs) {
        NodeStats worst = null;
        for (NodeStats n : nodes.getOrDefault(v, Map.of()).values()) {
            if (n.overloaded() && nowMs - n.atMs() <= NODE_STATS_TTL_MS && (worst == null || n.lagP99Ms() > worst.lagP99Ms())) {
                worst = n;
            }
        }
        return worst;
    }

    private String nodeOf(String v, NodeStats stats) {
        return nodes.get(v).entrySet().stream().filter(e -> e.getValue() == stats).map(Map.Entry::getKey).findFirst().orElse("?");
    }

    private Hypothesis localHypothesis(String v, int localChecks) {
        int checks = obs.probedChecks();
        LocalizedText text = Wording.vantageLocalResource(v, localChecks, checks, reason(obs.localReason(v)));
        return new Hypothesis(HypothesisRanker.VANTAGE, v, text, List.of(new Evidence(HypothesisRanker.VANTAGE, v, localChecks, checks)));
    }

    /** The operating system's words of a local-resource detail ("… could not run on this host: Too many open files"). */
    private static String reason(String detail) {
        if (detail == null) {
            return null;
        }
        int colon = detail.lastIndexOf(": ");
        return colon < 0 ? detail : detail.substring(colon + 2);
    }

    private Hypothesis hypothesis(String v, Cause cause, int unconfirmed, int checks, NodeStats node, long nowMs) {
        LocalizedText text = switch (cause) {
            case SILENT -> Wording.vantageSilent(v);
            case UNCONFIRMED -> Wording.vantageUnconfirmed(v, unconfirmed, checks);
            case OVERLOADED -> Wording.vantageOverloaded(v, nodeOf(v, node), node.lagP99Ms());
            case LOCAL_RESOURCE -> throw new IllegalStateException("local faults have their own hypothesis");
        };
        return new Hypothesis(HypothesisRanker.VANTAGE, v, text,
                List.of(new Evidence(HypothesisRanker.VANTAGE, v, unconfirmed, checks)));
    }
}
