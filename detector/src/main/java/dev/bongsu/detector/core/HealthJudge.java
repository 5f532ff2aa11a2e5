package dev.bongsu.detector.core;

import dev.bongsu.model.Health;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import dev.bongsu.model.config.ServiceConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/** Judges each check by a quorum of its active vantages, and each service by its checks. */
final class HealthJudge {
    private final Observations obs;
    private DetectorConfig cfg;
    private final Map<String, Health> checkHealth = new HashMap<>();
    /** The critical checks found failing on their latest probes by the last {@link #failingOnLatest}. */
    private final Set<String> latestFailingChecks = new LinkedHashSet<>();

    /**
     * What the checks of one service say.
     *
     * @param health   the service's health
     * @param onset    start of the failure streak (epoch ms), {@link Long#MAX_VALUE} when not failing
     * @param vantages the vantages that see it failing
     * @param reason   a short reason, or null when up
     */
    record Verdict(Health health, long onset, Set<String> vantages, LocalizedText reason) {
    }

    HealthJudge(Observations obs, DetectorConfig cfg) {
        this.obs = obs;
        this.cfg = cfg;
    }

    /** Takes the settings of a reloaded configuration and forgets the checks it no longer has. */
    void reconfigure(DetectorConfig next) {
        this.cfg = next;
        Set<String> ids = new HashSet<>();
        obs.checks().forEach(c -> ids.add(c.id()));
        checkHealth.keySet().retainAll(ids);
    }

    /** Judges every check at {@code nowMs}, leaving out the faulted vantages. */
    void judgeChecks(Set<String> faulted, long nowMs) {
        for (CheckConfig c : obs.checks()) {
            checkHealth.put(c.id(), judgeCheck(c, faulted, nowMs));
        }
    }

    Health check(String checkId) {
        return checkHealth.getOrDefault(checkId, Health.UNKNOWN);
    }

    /** Whether some check is down by quorum (judged now). */
    boolean anyCheckDown(Set<String> faulted, long nowMs) {
        return obs.checks().stream().anyMatch(c -> judgeCheck(c, faulted, nowMs) == Health.DOWN);
    }

    private Health judgeCheck(CheckConfig c, Set<String> faulted, long nowMs) {
        int active = 0;
        int failing = 0;
        int slow = 0;
        for (Map.Entry<String, VantageCheckState> e : obs.of(c.id()).entrySet()) {
            if (faulted.contains(e.getKey()) || !obs.fresh(c, e.getValue(), nowMs)) {
                continue;
            }
            active++;
            if (e.getValue().failing()) {
                failing++;
            } else if (e.getValue().slow()) {
                slow++;
            }
        }
        if (active == 0) {
            return Health.UNKNOWN;
        }
        int q = Quorum.required(cfg.quorum(), active);
        if (failing >= q) {
            return Health.DOWN;
        }
        return slow > 0 && slow + failing >= q ? Health.DEGRADED : Health.UP;
    }

    /**
     * The services whose critical check failed on its latest probe at a quorum of active vantages, counting only
     * vantages that also saw some check pass since their failures began: a vantage failing everything proves nothing.
     */
    Set<String> failingOnLatest(Set<String> faulted, long nowMs) {
        Map<String, Boolean> witness = new HashMap<>();
        for (String v : obs.vantages()) {
            long failSince = Long.MAX_VALUE;
            long passedAt = Long.MIN_VALUE;
            for (CheckConfig c : obs.checks()) {
                VantageCheckState s = obs.get(c.id(), v);
                if (obs.fresh(c, s, nowMs)) {
                    failSince = Math.min(failSince, s.failingSince());
                    passedAt = s.lastOk() ? Math.max(passedAt, s.lastStartedAt()) : passedAt;
                }
            }
            witness.put(v, passedAt >= failSince);
        }
        // a missed heartbeat is about its job alone, never the network of a place
        witness.put(HeartbeatTarget.VANTAGE, true);
        Set<String> out = new LinkedHashSet<>();
        latestFailingChecks.clear();
        for (CheckConfig c : obs.checks()) {
            if (!c.critical()) {
                continue;
            }
            int active = 0;
            int failing = 0;
            for (Map.Entry<String, VantageCheckState> e : obs.of(c.id()).entrySet()) {
                if (faulted.contains(e.getKey()) || !obs.fresh(c, e.getValue(), nowMs)) {
                    continue;
                }
                active++;
                if (!e.getValue().lastOk() && witness.getOrDefault(e.getKey(), false)) {
                    failing++;
                }
            }
            if (active > 0 && failing >= Quorum.required(cfg.quorum(), active)) {
                out.add(c.serviceId());
                latestFailingChecks.add(c.id());
            }
        }
        return out;
    }

    /**
     * Whether a quorum of vantages has seen one check of the service fail (or be slow) on every probe for at least
     * {@code spanMs} of probe time (per check), up to its latest probe: the evidence itself spans the confirmation
     * time, so a failure shorter than that never confirms, however late its results arrive.
     */
    boolean failingFor(ServiceConfig s, Set<String> faulted, long nowMs, ToLongFunction<CheckConfig> spanMs) {
        for (CheckConfig c : s.checks()) {
            long span = spanMs.applyAsLong(c);
            int active = 0;
            int longEnough = 0;
            for (Map.Entry<String, VantageCheckState> e : obs.of(c.id()).entrySet()) {
                VantageCheckState vs = e.getValue();
                if (faulted.contains(e.getKey()) || !obs.fresh(c, vs, nowMs)) {
                    continue;
                }
                active++;
                long since = !vs.lastOk() ? vs.failingSince() : vs.slow() ? vs.latency().anomalyOnset() : Long.MAX_VALUE;
                if (since != Long.MAX_VALUE && vs.lastStartedAt() - since >= span) {
                    longEnough++;
                }
            }
            if (active > 0 && longEnough >= Quorum.required(cfg.quorum(), active)) {
                return true;
            }
        }
        return false;
    }

    /** The verdict on one service; {@code fast}: a critical check failing on its latest probes counts as down. */
    Verdict judge(ServiceConfig s, Set<String> faulted, long nowMs, boolean fast) {
        boolean anyKnown = false;
        boolean criticalDown = false;
        boolean degraded = false;
        long onset = Long.MAX_VALUE;
        Set<String> failingVantages = new LinkedHashSet<>();
        List<LocalizedText> reasons = new ArrayList<>();
        for (CheckConfig c : s.checks()) {
            Health h = check(c.id());
            if (h == Health.UNKNOWN) {
                continue;
            }
            anyKnown = true;
            boolean fastDown = fast && h != Health.DOWN && latestFailingChecks.contains(c.id());
            if (h == Health.UP && !fastDown) {
                continue;
            }
            boolean down = h == Health.DOWN || fastDown;
            if (down && c.critical()) {
                criticalDown = true;
            } else {
                degraded = true;
            }
            int n = 0;
            int active = 0;
            String error = null;
            double base = Double.NaN;
            double recent = Double.NaN;
            for (Map.Entry<String, VantageCheckState> e : obs.of(c.id()).entrySet()) {
                VantageCheckState vs = e.getValue();
                if (faulted.contains(e.getKey()) || !obs.fresh(c, vs, nowMs)) {
                    continue;
                }
                active++;
                if (down && (fastDown ? !vs.lastOk() : vs.failing())) {
                    n++;
                    failingVantages.add(e.getKey());
                    onset = Math.min(onset, fastDown ? vs.failingSince() : vs.failingOnset());
                    error = vs.lastError() == null ? error : vs.lastError().wireName();
                } else if (!down && vs.slow()) {
                    n++;
                    failingVantages.add(e.getKey());
                    onset = Math.min(onset, vs.latency().anomalyOnset());
                    base = vs.latency().baselineMs();
                    recent = vs.latency().recentMedianMs();
                }
            }
            reasons.add(down ? Wording.checkFailing(c.id(), n, active, error) : Wording.checkSlow(c.id(), n, active, recent, base));
        }
        Health health = !anyKnown ? Health.UNKNOWN : criticalDown ? Health.DOWN : degraded ? Health.DEGRADED : Health.UP;
        return new Verdict(health, onset, failingVantages, Wording.joinReasons(reasons));
    }
}
