package dev.bongsu.detector.core;

import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentWords;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.VantageHealth;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pure detector: fed probe results, probe-node statistics and ticks of time, it keeps the health of every
 * check and service and decides which incidents open, change and resolve. No Vert.x and no clock inside; not
 * thread-safe. It orchestrates one collaborator per job: {@link Observations}, {@link VantageFaults},
 * {@link MonitoringBlindness}, {@link HealthJudge}, {@link ServiceIncidents}, {@link Correlator} with the
 * {@link HypothesisRanker}, and {@link Pacing}; every sentence comes from {@link Wording}.
 *
 * <p>The rules are described in {@code docs/DETECTION.md}.
 */
public final class Detector {
    private final Map<String, ServiceConfig> services = new LinkedHashMap<>();
    private final Observations obs;
    private HypothesisRanker ranker;
    private Pacing pacing;
    private IncidentWords.ValueNames valueNames;
    private final VantageFaults vantageFaults;
    private final MonitoringBlindness blindness;
    private final HealthJudge health;
    private final ServiceIncidents serviceIncidents;
    private final Correlator correlator;
    private final IncidentMaker maker;
    private final List<IncidentDraft> orphans = new ArrayList<>();

    /**
     * A detector for these services, seen from these vantages.
     *
     * @param services the configured services and their checks
     * @param vantages the configured vantages (results from others are taken too)
     * @param cfg      detection settings
     * @param ids      makes incident ids
     */
    public Detector(List<ServiceConfig> services, List<String> vantages, DetectorConfig cfg, IncidentIds ids) {
        this(services, vantages, cfg, ids, IncidentWords.ValueNames.AS_IS);
    }

    /**
     * A detector whose correlated-incident titles name a shared attribute value by its display name
     * ({@code statusPage.valueNames}).
     */
    public Detector(List<ServiceConfig> services, List<String> vantages, DetectorConfig cfg, IncidentIds ids,
                    IncidentWords.ValueNames valueNames) {
        services.forEach(s -> this.services.put(s.id(), s));
        this.valueNames = valueNames;
        this.maker = new IncidentMaker(ids);
        this.obs = new Observations(services, vantages, cfg);
        this.ranker = new HypothesisRanker(this.services, cfg.correlationAttributes());
        this.pacing = new Pacing(cfg);
        this.vantageFaults = new VantageFaults(obs, cfg, maker);
        this.blindness = new MonitoringBlindness(obs, cfg, this.services, maker);
        this.health = new HealthJudge(obs, cfg);
        this.serviceIncidents = new ServiceIncidents(services, cfg, maker, ranker, this::group);
        this.correlator = new Correlator(serviceIncidents, ranker, maker, pacing, valueNames);
    }

    private IncidentDraft group(String id) {
        return correlator.group(id);
    }

    // ---- reading ----

    /** The current state of every service, in config order. */
    public List<ServiceState> states() {
        return serviceIncidents.tracks().stream().map(t -> t.state).toList();
    }

    /** The open incidents, oldest start first. */
    public List<Incident> openIncidents() {
        List<IncidentDraft> all = new ArrayList<>(correlator.open());
        serviceIncidents.tracks().stream().filter(t -> t.incident != null).forEach(t -> all.add(t.incident));
        all.addAll(vantageFaults.open());
        all.addAll(blindness.open());
        all.addAll(orphans);
        return all.stream().sorted(Comparator.comparing((IncidentDraft d) -> d.startedAt).thenComparing(d -> d.id))
                .map(IncidentDraft::snapshot).toList();
    }

    /**
     * What each vantage sees of each service at {@code now}: per service and vantage, the checks with a fresh result
     * and how many of them that vantage sees failing. Vantages without any fresh result for a service are left out.
     */
    public List<VantageHealth> vantageHealth(Instant now) {
        long nowMs = now.toEpochMilli();
        List<VantageHealth> out = new ArrayList<>();
        for (ServiceConfig s : services.values()) {
            Map<String, int[]> byVantage = new LinkedHashMap<>();
            for (CheckConfig c : s.checks()) {
                for (Map.Entry<String, VantageCheckState> e : obs.of(c.id()).entrySet()) {
                    // a map of places: a heartbeat is pushed from nowhere in particular
                    if (!Heartbeats.isPush(e.getKey()) && obs.fresh(c, e.getValue(), nowMs)) {
                        int[] n = byVantage.computeIfAbsent(e.getKey(), v -> new int[2]);
                        n[0]++;
                        n[1] += e.getValue().failing() ? 1 : 0;
                    }
                }
            }
            byVantage.forEach((v, n) -> out.add(new VantageHealth(s.id(), v, n[0], n[1])));
        }
        return out;
    }

    /** The health of one check across vantages (UNKNOWN for an unknown check). */
    public Health checkHealth(String checkId) {
        return health.check(checkId);
    }

    /** The vantages currently left out of the quorum as probe faults. */
    public Set<String> faultedVantages() {
        return Set.copyOf(vantageFaults.faulted());
    }

    /** Results dropped because they were not newer than the latest one of their check and vantage. */
    public long lateResults() {
        return obs.lateResults();
    }

    /** Results dropped because their check is not configured or their time lies too far in the future. */
    public long ignoredResults() {
        return obs.ignoredResults();
    }

    // ---- input ----

    /**
     * Takes back the open incidents of a previous run, so that they continue (same id, next sequence number):
     * a service still failing stays in its incident, a recovered one resolves it.
     */
    public void restore(List<Incident> incidents) {
        for (Incident i : incidents) {
            maker.reserve(i.id());
            if (!i.isOpen()) {
                continue;
            }
            IncidentDraft d = IncidentDraft.restored(i);
            boolean taken = switch (i.kind()) {
                case CORRELATED -> {
                    correlator.restore(d);
                    yield true;
                }
                case PROBE_FAULT -> blindness.restore(d)
                        || (!i.vantages().isEmpty() && !isAllVantages(i) && vantageFaults.restore(i.vantages().get(0), d));
                case SERVICE -> {
                    boolean ok = serviceIncidents.restore(d);
                    if (ok) {
                        // The vantages that saw it start out failing: recovery needs successesToUp passes, not one probe.
                        obs.seedFailing(services.get(d.service()), d.severity == Severity.CRITICAL, d.vantages,
                                d.startedAt.toEpochMilli());
                    }
                    yield ok;
                }
            };
            if (!taken) {
                orphans.add(d);
            }
        }
    }

    private static boolean isAllVantages(Incident i) {
        return i.hypothesis() != null && HypothesisRanker.ALL_VANTAGES.equals(i.hypothesis().value());
    }

    /** Takes in probe results (in any order; late ones are dropped) and re-evaluates at {@code now}. */
    public DetectorOutput onResults(List<ProbeResult> results, Instant now) {
        obs.accept(results, now.toEpochMilli());
        return evaluate(now);
    }

    /**
     * Takes the latest statistics of one probe node (from {@code bongsu.probe-stats}): while a node of a vantage is
     * overloaded, the vantage is left out of the quorum and reported as a probe fault; re-evaluates at {@code now}.
     */
    public DetectorOutput onProbeNodeStats(String vantage, String node, boolean overloaded, long lagP99Ms, Instant now) {
        vantageFaults.onNodeStats(vantage, node, overloaded, lagP99Ms, now);
        return evaluate(now);
    }

    /** Re-evaluates at {@code now} without new results: staleness, silent vantages, flapping windows. */
    public DetectorOutput tick(Instant now) {
        return evaluate(now);
    }

    /**
     * Takes a reloaded configuration at {@code now}, keeping what it knows, and re-evaluates; correlated-incident
     * titles keep naming values as before.
     *
     * @see #reconfigure(List, List, DetectorConfig, IncidentWords.ValueNames, Instant)
     */
    public DetectorOutput reconfigure(List<ServiceConfig> services, List<String> vantages, DetectorConfig cfg, Instant now) {
        return reconfigure(services, vantages, cfg, valueNames, now);
    }

    /**
     * Takes a reloaded configuration at {@code now} without losing state, and re-evaluates. A check with the same id
     * keeps its state at every vantage (a new target resets only its latency baseline), a service with the same id
     * keeps its state and its open incident (same id); a removed service's open incident resolves with the reason
     * and leaves its correlated incident, which resolves when fewer than two services remain; a removed vantage's
     * probe fault resolves; new services and checks start unknown; the new settings apply from {@code now}.
     *
     * @return the state changes and incident transitions to publish, like any step
     */
    public DetectorOutput reconfigure(List<ServiceConfig> services, List<String> vantages, DetectorConfig cfg,
                                      IncidentWords.ValueNames valueNames, Instant now) {
        Step step = new Step();
        this.services.clear();
        services.forEach(s -> this.services.put(s.id(), s));
        this.valueNames = valueNames;
        this.ranker = new HypothesisRanker(this.services, cfg.correlationAttributes());
        this.pacing = new Pacing(cfg);
        Set<String> droppedVantages = obs.reconfigure(services, vantages, cfg);
        vantageFaults.reconfigure(cfg, droppedVantages, now, step);
        blindness.reconfigure(cfg);
        health.reconfigure(cfg);
        Set<String> removed = serviceIncidents.reconfigure(services, cfg, ranker, now, step);
        correlator.reconfigure(ranker, pacing, valueNames, removed, now, step);
        return evaluate(now, step);
    }

    // ---- one step ----

    private DetectorOutput evaluate(Instant now) {
        return evaluate(now, new Step());
    }

    private DetectorOutput evaluate(Instant now, Step step) {
        long nowMs = now.toEpochMilli();
        boolean blind = vantageFaults.blind(nowMs);
        blindness.judgeBlind(now, blind, blind && vantageFaults.anyLocalFault(nowMs), step);
        vantageFaults.judge(now, blind, step);
        Set<String> faulted = vantageFaults.faulted();
        boolean networkWide = blindness.judgeNetwork(now, () -> health.anyCheckDown(faulted, nowMs), step);
        health.judgeChecks(faulted, nowMs);
        Set<String> together = networkWide ? Set.of()
                : ranker.sharingACause(health.failingOnLatest(faulted, nowMs), pacing.together());
        List<ServiceStateChange> stateChanges = new ArrayList<>();
        for (ServiceTrack t : serviceIncidents.tracks()) {
            HealthJudge.Verdict v = health.judge(t.config, faulted, nowMs, together.contains(t.id()));
            boolean confirmed = health.failingFor(t.config, faulted, nowMs, c -> pacing.confirmForMillis(t.config, c));
            ServiceStateChange change = serviceIncidents.judged(t, v, confirmed, now);
            if (change != null) {
                stateChanges.add(change);
            }
        }
        List<ServiceTrack> pending = serviceIncidents.update(now, networkWide, step);
        correlator.place(pending, now, step);
        correlator.update(now, step);
        for (IncidentDraft d : orphans) {
            d.resolve(now, Wording.orphanResolved());
            step.touch(d);
        }
        orphans.clear();
        return new DetectorOutput(stateChanges, step.emit(now));
    }
}
