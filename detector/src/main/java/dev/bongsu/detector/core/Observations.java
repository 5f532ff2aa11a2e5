package dev.bongsu.detector.core;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.Thresholds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every vantage has seen of every check: one {@link VantageCheckState} per pair, fed in probe-start order. A
 * result whose error class is about the probing host ({@code local_resource}) is no evidence about the check: it
 * never reaches the check's state and does not count as an arrival; it marks its vantage locally faulted instead
 * (see {@link #localFault}).
 */
final class Observations {
    /** A vantage whose newest result is older than one interval, the timeout and this share of an interval is silent. */
    static final double SILENT_MARGIN_INTERVALS = 0.25;
    /** … and never less than this margin (ms), for batching and scheduling jitter. */
    static final long SILENT_MIN_MARGIN_MS = 500;

    private final DetectorConfig cfg;
    private final Map<String, CheckConfig> checks = new LinkedHashMap<>();
    private final Set<String> vantages = new LinkedHashSet<>();
    /** check id → vantage → state. */
    private final Map<String, Map<String, VantageCheckState>> perVantage = new HashMap<>();
    /** vantage → when its latest batch arrived (epoch ms, the detector's time, not probe time). */
    private final Map<String, Long> lastArrival = new HashMap<>();
    /** vantage → check id → until when its latest local-resource result holds (epoch ms, probe time). */
    private final Map<String, Map<String, Long>> localUntil = new HashMap<>();
    /** vantage → the reason of its latest local-resource result. */
    private final Map<String, String> localReason = new HashMap<>();
    /** vantage → one interval after the first local-resource result of its current spell (epoch ms, probe time). */
    private final Map<String, Long> localDeadline = new HashMap<>();
    private long lateResults;
    private long ignoredResults;

    Observations(List<ServiceConfig> services, List<String> vantages, DetectorConfig cfg) {
        this.cfg = cfg;
        for (ServiceConfig s : services) {
            for (CheckConfig c : s.checks()) {
                checks.put(c.id(), c);
                perVantage.put(c.id(), new LinkedHashMap<>());
            }
        }
        this.vantages.addAll(vantages);
    }

    /** Takes results in probe-start order; late ones and ones from the far future are dropped and counted. */
    void accept(List<ProbeResult> results, long nowMs) {
        List<ProbeResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingLong(ProbeResult::startedAt));
        for (ProbeResult r : sorted) {
            CheckConfig c = checks.get(r.checkId());
            if (c == null || r.startedAt() > nowMs + c.interval().toMillis()) {
                ignoredResults++;
                continue;
            }
            vantages.add(r.vantage());
            if (!r.ok() && r.error() != null && r.error().probeSide()) {
                acceptLocal(c, r, nowMs);
                continue;
            }
            lastArrival.put(r.vantage(), nowMs);
            if (!state(c, r.vantage()).accept(r)) {
                lateResults++;
            }
        }
    }

    private void acceptLocal(CheckConfig c, ProbeResult r, long nowMs) {
        if (localFault(r.vantage(), nowMs).isEmpty()) {
            // a probe that cannot start fails at once: every node of the same process says so within an interval
            long interval = c.interval().toMillis();
            localDeadline.put(r.vantage(), r.startedAt() + interval
                    + Math.max((long) (SILENT_MARGIN_INTERVALS * interval), SILENT_MIN_MARGIN_MS));
        }
        localUntil.computeIfAbsent(r.vantage(), v -> new HashMap<>()).merge(c.id(), r.startedAt() + silentAfter(c), Math::max);
        localReason.put(r.vantage(), r.detail());
    }

    /** Starts the given vantages out failing the service's (critical or other) checks since {@code onset}. */
    void seedFailing(ServiceConfig s, boolean critical, Collection<String> seenBy, long onset) {
        for (CheckConfig c : s.checks()) {
            if (c.critical() != critical) {
                continue;
            }
            for (String v : seenBy) {
                vantages.add(v);
                state(c, v).seedFailing(onset);
            }
        }
    }

    void addVantage(String v) {
        vantages.add(v);
    }

    private VantageCheckState state(CheckConfig c, String vantage) {
        return perVantage.get(c.id()).computeIfAbsent(vantage, v -> {
            Thresholds t = c.thresholdsFor(v);
            t = t == null ? cfg.thresholds() : t.orElse(cfg.thresholds());
            int recent = Math.max(3, 2 * t.failuresToDown() - 1);
            LatencyBaseline latency = new LatencyBaseline(cfg.latencyWindow().toMillis(), cfg.latencyMinSamples(), recent,
                    cfg.latencyFactor(), cfg.latencyMadK(), cfg.latencyMinIncreaseMs());
            return new VantageCheckState(t.failuresToDown(), t.successesToUp(), latency);
        });
    }

    Collection<CheckConfig> checks() {
        return checks.values();
    }

    Set<String> vantages() {
        return vantages;
    }

    /** The states of one check, by vantage. */
    Map<String, VantageCheckState> of(String checkId) {
        return perVantage.get(checkId);
    }

    /** The state of one check at one vantage, or null. */
    VantageCheckState get(String checkId, String vantage) {
        return perVantage.get(checkId).get(vantage);
    }

    /** Whether {@code s} holds a result recent enough to be believed at {@code nowMs}. */
    boolean fresh(CheckConfig c, VantageCheckState s, long nowMs) {
        return s != null && s.isFresh(nowMs, (long) (cfg.staleAfterIntervals() * c.interval().toMillis()) + c.timeout().toMillis());
    }

    /** The start of the newest result of a vantage, or {@link Long#MIN_VALUE} when it has sent none. */
    long newest(String vantage) {
        long newest = Long.MIN_VALUE;
        for (CheckConfig c : checks.values()) {
            VantageCheckState s = get(c.id(), vantage);
            if (s != null && s.seen()) {
                newest = Math.max(newest, s.lastStartedAt());
            }
        }
        return newest;
    }

    /** When results of a vantage last arrived (epoch ms), or {@link Long#MIN_VALUE} when none has. */
    long lastArrival(String vantage) {
        return lastArrival.getOrDefault(vantage, Long.MIN_VALUE);
    }

    /** How long a vantage may send nothing before it is silent: interval + timeout + margin, its tightest check. */
    long silentAfter(String vantage) {
        long limit = Long.MAX_VALUE;
        for (CheckConfig c : checks.values()) {
            VantageCheckState s = get(c.id(), vantage);
            if (s != null && s.seen()) {
                limit = Math.min(limit, silentAfter(c));
            }
        }
        return limit;
    }

    /** One round of the tightest check: interval + timeout + margin. */
    long round() {
        return checks.values().stream().mapToLong(Observations::silentAfter).min().orElse(0);
    }

    private static long silentAfter(CheckConfig c) {
        long interval = c.interval().toMillis();
        return interval + c.timeout().toMillis() + Math.max((long) (SILENT_MARGIN_INTERVALS * interval), SILENT_MIN_MARGIN_MS);
    }

    /**
     * The checks a vantage could not probe for want of a local resource, within one interval + timeout + margin of
     * the start of that failed probe (so one round of the check): empty when the vantage's probe node is fine.
     */
    Set<String> localFault(String vantage, long nowMs) {
        Map<String, Long> until = localUntil.get(vantage);
        if (until == null) {
            return Set.of();
        }
        until.values().removeIf(u -> u < nowMs);
        return Set.copyOf(until.keySet());
    }

    /**
     * One interval + margin after the first local-resource result of the vantage's current spell: a vantage reporting
     * evidence that started later was not hit by the same exhaustion. {@link Long#MAX_VALUE} without a spell.
     */
    long localDeadline(String vantage) {
        return localDeadline.getOrDefault(vantage, Long.MAX_VALUE);
    }

    /** The detail of the latest local-resource result of a vantage, or null. */
    String localReason(String vantage) {
        return localReason.get(vantage);
    }

    long lateResults() {
        return lateResults;
    }

    long ignoredResults() {
        return ignoredResults;
    }
}
