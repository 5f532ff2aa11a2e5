package dev.bongsu.detector.core;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What every vantage has seen of every check: one {@link VantageCheckState} per pair, fed in probe-start order. A
 * result whose error class is about the probing host ({@code local_resource}) is no evidence about the check: it
 * never reaches the check's state and does not count as an arrival; it marks its vantage locally faulted instead
 * (see {@link #localFault} and {@link LocalFaults}). The settings that shape each state are {@link CheckTuning}'s.
 *
 * <p>Heartbeat checks are seen from the {@code push} vantage alone, and only heartbeat
 * checks are: other pairs are ignored. {@code push} is not a place probes run from, so it is never one of
 * {@link #vantages()} (no probe fault, no blindness, no silence).
 */
final class Observations {
    private CheckTuning tuning;
    private final Map<String, CheckConfig> checks = new LinkedHashMap<>();
    private final Set<String> vantages = new LinkedHashSet<>();
    /** The vantages the configuration names (a subset of {@link #vantages}, which also holds any that reported). */
    private final Set<String> configured = new LinkedHashSet<>();
    /** check id → vantage → state. */
    private final Map<String, Map<String, VantageCheckState>> perVantage = new HashMap<>();
    /** vantage → when its latest batch arrived (epoch ms, the detector's time, not probe time). */
    private final Map<String, Long> lastArrival = new HashMap<>();
    private final LocalFaults localFaults = new LocalFaults();
    private long lateResults;
    private long ignoredResults;

    Observations(List<ServiceConfig> services, List<String> vantages, DetectorConfig cfg) {
        this.tuning = new CheckTuning(cfg);
        for (ServiceConfig s : services) {
            for (CheckConfig c : s.checks()) {
                checks.put(c.id(), c);
                perVantage.put(c.id(), new LinkedHashMap<>());
            }
        }
        this.vantages.addAll(vantages);
        this.configured.addAll(vantages);
    }

    /**
     * Takes a reloaded configuration: unchanged checks keep their states (with the new thresholds and latency
     * settings); a check whose target changed keeps its states but starts a new latency baseline; removed checks
     * and checks that became or stopped being heartbeats are forgotten, and so is every vantage the old configuration
     * named and the new one does not. Returns those vantages.
     */
    Set<String> reconfigure(List<ServiceConfig> services, List<String> nextVantages, DetectorConfig nextCfg) {
        this.tuning = new CheckTuning(nextCfg);
        Map<String, CheckConfig> next = new LinkedHashMap<>();
        services.forEach(s -> s.checks().forEach(c -> next.put(c.id(), c)));
        Map<String, CheckConfig> before = new LinkedHashMap<>(checks);
        for (CheckConfig old : before.values()) {
            CheckConfig after = next.get(old.id());
            if (after == null || Heartbeats.is(after) != Heartbeats.is(old)) {
                perVantage.remove(old.id());
                localFaults.forgetCheck(old.id());
            }
        }
        checks.clear();
        checks.putAll(next);
        for (CheckConfig c : next.values()) {
            CheckConfig old = before.get(c.id());
            boolean retargeted = old != null && !Objects.equals(old.target(), c.target());
            perVantage.computeIfAbsent(c.id(), id -> new LinkedHashMap<>())
                    .forEach((v, s) -> tuning.retune(s, c, v, retargeted));
        }
        Set<String> dropped = new LinkedHashSet<>(configured);
        dropped.removeAll(nextVantages);
        dropped.forEach(this::forget);
        configured.clear();
        configured.addAll(nextVantages);
        vantages.addAll(nextVantages);
        return dropped;
    }

    private void forget(String vantage) {
        vantages.remove(vantage);
        perVantage.values().forEach(m -> m.remove(vantage));
        lastArrival.remove(vantage);
        localFaults.forgetVantage(vantage);
    }

    /** Takes results in probe-start order; late ones and ones from the far future are dropped and counted. */
    void accept(List<ProbeResult> results, long nowMs) {
        List<ProbeResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingLong(ProbeResult::startedAt));
        for (ProbeResult r : sorted) {
            CheckConfig c = checks.get(r.checkId());
            if (c == null || r.startedAt() > nowMs + c.interval().toMillis() || !Heartbeats.seenFrom(c, r.vantage())) {
                ignoredResults++;
                continue;
            }
            if (Heartbeats.is(c)) {
                // pushed, not probed: no arrival, no local fault of a probe node
                if (!state(c, r.vantage()).accept(r)) {
                    lateResults++;
                }
                continue;
            }
            vantages.add(r.vantage());
            if (!r.ok() && r.error() != null && r.error().probeSide()) {
                localFaults.record(c, r, nowMs);
                continue;
            }
            lastArrival.put(r.vantage(), nowMs);
            if (!state(c, r.vantage()).accept(r)) {
                lateResults++;
            }
        }
    }

    /** Starts the given vantages out failing the service's (critical or other) checks since {@code onset}. */
    void seedFailing(ServiceConfig s, boolean critical, Collection<String> seenBy, long onset) {
        for (CheckConfig c : s.checks()) {
            if (c.critical() != critical) {
                continue;
            }
            for (String v : seenBy) {
                if (!Heartbeats.seenFrom(c, v)) {
                    continue;
                }
                if (!Heartbeats.is(c)) {
                    vantages.add(v);
                }
                state(c, v).seedFailing(onset);
            }
        }
    }

    void addVantage(String v) {
        if (!Heartbeats.isPush(v)) {
            vantages.add(v);
        }
    }

    private VantageCheckState state(CheckConfig c, String vantage) {
        return perVantage.get(c.id()).computeIfAbsent(vantage, v -> tuning.newState(c, v));
    }

    Collection<CheckConfig> checks() {
        return checks.values();
    }

    /** How many checks vantages probe (every check but the heartbeats). */
    int probedChecks() {
        return (int) checks.values().stream().filter(c -> !Heartbeats.is(c)).count();
    }

    /** The vantages probes run from: configured or reporting, never {@code push}. */
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
        return s != null && s.isFresh(nowMs, tuning.staleAfter(c));
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
                limit = Math.min(limit, Rounds.of(c));
            }
        }
        return limit;
    }

    /** One round of the tightest check: interval + timeout + margin. */
    long round() {
        return checks.values().stream().filter(c -> !Heartbeats.is(c)).mapToLong(Rounds::of).min().orElse(0);
    }

    /**
     * The checks a vantage could not probe for want of a local resource, within one interval + timeout + margin of
     * the start of that failed probe (so one round of the check): empty when the vantage's probe node is fine.
     */
    Set<String> localFault(String vantage, long nowMs) {
        return localFaults.checks(vantage, nowMs);
    }

    /**
     * One interval + margin after the first local-resource result of the vantage's current spell: a vantage reporting
     * evidence that started later was not hit by the same exhaustion. {@link Long#MAX_VALUE} without a spell.
     */
    long localDeadline(String vantage) {
        return localFaults.deadline(vantage);
    }

    /** The detail of the latest local-resource result of a vantage, or null. */
    String localReason(String vantage) {
        return localFaults.reason(vantage);
    }

    long lateResults() {
        return lateResults;
    }

    long ignoredResults() {
        return ignoredResults;
    }
}
