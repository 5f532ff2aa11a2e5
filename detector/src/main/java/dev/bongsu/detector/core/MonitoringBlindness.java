package dev.bongsu.detector.core;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.Severity;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * When the monitor as a whole cannot see: every vantage silent or unable to run probes (blind), or every vantage
 * failing nearly every check (its own network, or a nationwide outage). One {@code probe_fault} incident each,
 * critical.
 */
final class MonitoringBlindness {
    /** Share of its checks every vantage must fail for "everything fails everywhere". */
    static final double NETWORK_WIDE_RATIO = 0.9;
    /** Fewest failing services (across at least 2 providers) before "everything fails everywhere" is considered. */
    static final int NETWORK_WIDE_MIN_SERVICES = 3;

    private final Observations obs;
    private DetectorConfig cfg;
    private final Map<String, ServiceConfig> services;
    private final IncidentMaker maker;
    private IncidentDraft blind;
    private IncidentDraft network;

    MonitoringBlindness(Observations obs, DetectorConfig cfg, Map<String, ServiceConfig> services, IncidentMaker maker) {
        this.obs = obs;
        this.cfg = cfg;
        this.services = services;
        this.maker = maker;
    }

    /** Takes the settings of a reloaded configuration (the services map is the detector's, updated in place). */
    void reconfigure(DetectorConfig next) {
        this.cfg = next;
    }

    List<IncidentDraft> open() {
        List<IncidentDraft> out = new ArrayList<>();
        if (blind != null) {
            out.add(blind);
        }
        if (network != null) {
            out.add(network);
        }
        return out;
    }

    /** Takes back an open blind or network incident of a previous run; false when it is neither or a duplicate. */
    boolean restore(IncidentDraft d) {
        String attribute = d.hypothesis == null ? null : d.hypothesis.attribute();
        if (HypothesisRanker.NETWORK.equals(attribute) && network == null) {
            network = d;
            return true;
        }
        if (HypothesisRanker.MONITORING.equals(attribute) && blind == null) {
            blind = d;
            return true;
        }
        return false;
    }

    /**
     * Opens the blind incident when no vantage can see, resolves it when results arrive again; {@code local}: some
     * probe node reports it cannot run probes, which the incident then says.
     */
    void judgeBlind(Instant now, boolean blindNow, boolean local, Step step) {
        if (blindNow && blind == null) {
            long nowMs = now.toEpochMilli();
            int vantages = (int) obs.vantages().stream()
                    .filter(v -> obs.newest(v) != Long.MIN_VALUE || !obs.localFault(v, nowMs).isEmpty()).count();
            blind = maker.make("monitoring", IncidentKind.PROBE_FAULT, now);
            blind.severity = Severity.CRITICAL;
            blind.vantages.addAll(obs.vantages());
            blind.title = Wording.blindTitle();
            blind.hypothesis = new Hypothesis(HypothesisRanker.MONITORING, HypothesisRanker.ALL_VANTAGES,
                    local ? Wording.blindLocal(vantages) : Wording.blind(vantages), List.of(new Evidence(HypothesisRanker.MONITORING, HypothesisRanker.ALL_VANTAGES,
                    vantages, vantages)));
            blind.opened(blind.hypothesis.text());
            step.touch(blind);
        } else if (!blindNow && blind != null) {
            blind.resolve(now, Wording.blindResolved());
            step.touch(blind);
            blind = null;
        }
    }

    /**
     * Every vantage sees (nearly) every check fail: judged on the latest results, so that it is known before the
     * first service would be paged; opened once some check is down by quorum. Returns whether it is open.
     */
    boolean judgeNetwork(Instant now, BooleanSupplier anyCheckDown, Step step) {
        long nowMs = now.toEpochMilli();
        int freshVantages = 0;
        boolean all = true;
        int maxFailing = 0;
        int maxChecks = 0;
        Set<String> failingServices = new HashSet<>();
        Set<String> providers = new HashSet<>();
        for (String v : obs.vantages()) {
            int fresh = 0;
            int failed = 0;
            for (CheckConfig c : obs.checks()) {
                VantageCheckState s = obs.get(c.id(), v);
                if (obs.fresh(c, s, nowMs)) {
                    fresh++;
                    if (!s.lastOk()) {
                        failed++;
                        failingServices.add(c.serviceId());
                        providers.add(services.get(c.serviceId()).provider());
                    }
                }
            }
            if (fresh == 0) {
                continue;
            }
            freshVantages++;
            maxFailing = Math.max(maxFailing, failed);
            maxChecks = Math.max(maxChecks, fresh);
            if (failed < NETWORK_WIDE_RATIO * fresh || failed < cfg.probeFaultMinChecks()) {
                all = false;
            }
        }
        boolean wide = freshVantages > 0 && all && failingServices.size() >= NETWORK_WIDE_MIN_SERVICES && providers.size() >= 2;
        if (wide && network == null && anyCheckDown.getAsBoolean()) {
            network = maker.make("network", IncidentKind.PROBE_FAULT, now);
            network.severity = Severity.CRITICAL;
            network.vantages.addAll(obs.vantages());
            network.hypothesis = new Hypothesis(HypothesisRanker.NETWORK, HypothesisRanker.ALL_VANTAGES,
                    Wording.network(freshVantages, maxFailing, maxChecks),
                    List.of(new Evidence(HypothesisRanker.NETWORK, HypothesisRanker.ALL_VANTAGES, maxFailing, maxChecks)));
            network.title = Wording.networkTitle();
            network.opened(network.hypothesis.text());
            step.touch(network);
        } else if (!wide && network != null && freshVantages > 0) {
            network.resolve(now, Wording.networkResolved());
            step.touch(network);
            network = null;
        }
        return network != null;
    }
}
