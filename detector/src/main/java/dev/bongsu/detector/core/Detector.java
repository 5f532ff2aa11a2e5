package dev.bongsu.detector.core;

import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.Thresholds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pure detector: fed probe results and ticks of time, it keeps the health of every check and service and
 * decides which incidents open, change and resolve. No Vert.x and no clock inside; not thread-safe.
 *
 * <p>The rules are described in {@code docs/DETECTION.md}.
 */
public final class Detector {
    /** Share of its checks every vantage must fail for "everything fails everywhere". */
    static final double NETWORK_WIDE_RATIO = 0.9;
    /** Fewest failing services (across at least 2 providers) before "everything fails everywhere" is considered. */
    static final int NETWORK_WIDE_MIN_SERVICES = 3;
    /** A vantage whose newest result is older than one interval, the timeout and this share of an interval is silent. */
    static final double SILENT_MARGIN_INTERVALS = 0.25;
    /** … and never less than this margin (ms), for batching and scheduling jitter. */
    static final long SILENT_MIN_MARGIN_MS = 500;

    private final DetectorConfig cfg;
    private final IncidentIds ids;
    private final HypothesisRanker ranker;
    private final Map<String, ServiceConfig> services = new LinkedHashMap<>();
    private final Map<String, CheckConfig> checks = new LinkedHashMap<>();
    private final Set<String> vantages = new LinkedHashSet<>();
    /** check id → vantage → state. */
    private final Map<String, Map<String, VantageCheckState>> perVantage = new HashMap<>();
    private final Map<String, Health> checkHealth = new HashMap<>();
    private final Map<String, ServiceTrack> tracks = new LinkedHashMap<>();
    private final Map<String, IncidentDraft> groups = new LinkedHashMap<>();
    private final Map<String, IncidentDraft> vantageFaults = new LinkedHashMap<>();
    private final List<IncidentDraft> orphans = new ArrayList<>();
    private final Set<String> faulted = new LinkedHashSet<>();
    private final Set<String> usedIds = new HashSet<>();
    private IncidentDraft network;
    private long lateResults;
    private long ignoredResults;

    /** What the detector knows about one service between steps. */
    private static final class ServiceTrack {
        final ServiceConfig config;
        ServiceState state;
        final Deque<Instant> changes = new ArrayDeque<>();
        boolean flapping;
        IncidentDraft incident;
        IncidentDraft lastResolved;
        /** No new incident before this (epoch ms): the service failed while every vantage failed on everything. */
        long quietUntil;
        long onset;
        Set<String> failingVantages = Set.of();
        LocalizedText reason;

        ServiceTrack(ServiceConfig config) {
            this.config = config;
            this.state = new ServiceState(config.id(), Health.UNKNOWN, Instant.EPOCH, null);
        }

        String id() {
            return config.id();
        }

        boolean failing() {
            return state.health() == Health.DOWN || state.health() == Health.DEGRADED;
        }
    }

    /**
     * A detector for these services, seen from these vantages.
     *
     * @param services the configured services and their checks
     * @param vantages the configured vantages (results from others are taken too)
     * @param cfg      detection settings
     * @param ids      makes incident ids
     */
    public Detector(List<ServiceConfig> services, List<String> vantages, DetectorConfig cfg, IncidentIds ids) {
        this.cfg = cfg;
        this.ids = ids;
        for (ServiceConfig s : services) {
            this.services.put(s.id(), s);
            for (CheckConfig c : s.checks()) {
                checks.put(c.id(), c);
                perVantage.put(c.id(), new LinkedHashMap<>());
                checkHealth.put(c.id(), Health.UNKNOWN);
            }
            tracks.put(s.id(), new ServiceTrack(s));
        }
        this.vantages.addAll(vantages);
        this.ranker = new HypothesisRanker(this.services, cfg.correlationAttributes());
    }

    // ---- reading ----

    /** The current state of every service, in config order. */
    public List<ServiceState> states() {
        return tracks.values().stream().map(t -> t.state).toList();
    }

    /** The open incidents, oldest start first. */
    public List<Incident> openIncidents() {
        List<IncidentDraft> all = new ArrayList<>(groups.values());
        tracks.values().stream().filter(t -> t.incident != null).forEach(t -> all.add(t.incident));
        all.addAll(vantageFaults.values());
        if (network != null) {
            all.add(network);
        }
        all.addAll(orphans);
        return all.stream().sorted(Comparator.comparing((IncidentDraft d) -> d.startedAt).thenComparing(d -> d.id))
                .map(IncidentDraft::snapshot).toList();
    }

    /** The health of one check across vantages (UNKNOWN for an unknown check). */
    public Health checkHealth(String checkId) {
        return checkHealth.getOrDefault(checkId, Health.UNKNOWN);
    }

    /** The vantages currently left out of the quorum as probe faults. */
    public Set<String> faultedVantages() {
        return Set.copyOf(faulted);
    }

    /** Results dropped because they were not newer than the latest one of their check and vantage. */
    public long lateResults() {
        return lateResults;
    }

    /** Results dropped because their check is not configured or their time lies too far in the future. */
    public long ignoredResults() {
        return ignoredResults;
    }

    // ---- input ----

    /**
     * Takes back the open incidents of a previous run, so that they continue (same id, next sequence number):
     * a service still failing stays in its incident, a recovered one resolves it.
     */
    public void restore(List<Incident> incidents) {
        for (Incident i : incidents) {
            usedIds.add(i.id());
            if (!i.isOpen()) {
                continue;
            }
            IncidentDraft d = IncidentDraft.restored(i);
            switch (i.kind()) {
                case CORRELATED -> groups.put(d.id, d);
                case PROBE_FAULT -> {
                    if (i.hypothesis() != null && HypothesisRanker.NETWORK.equals(i.hypothesis().attribute())) {
                        network = d;
                    } else if (!i.vantages().isEmpty()) {
                        String v = i.vantages().get(0);
                        vantageFaults.put(v, d);
                        faulted.add(v);
                        vantages.add(v);
                    } else {
                        orphans.add(d);
                    }
                }
                case SERVICE -> {
                    ServiceTrack t = i.services().isEmpty() ? null : tracks.get(i.services().get(0));
                    if (t == null || t.incident != null) {
                        orphans.add(d);
                    } else {
                        t.incident = d;
                        seedFailing(t.config, d);
                    }
                }
            }
        }
    }

    /**
     * A restored service incident means its checks were failing: the vantages that saw it start out failing, so the
     * service is only judged recovered after {@code successesToUp} passes, not after the first probe.
     */
    private void seedFailing(ServiceConfig s, IncidentDraft d) {
        boolean critical = d.severity == Severity.CRITICAL;
        for (CheckConfig c : s.checks()) {
            if (c.critical() != critical) {
                continue;
            }
            for (String v : d.vantages) {
                vantages.add(v);
                perVantage.get(c.id()).computeIfAbsent(v, x -> newVantageState(c, x)).seedFailing(d.startedAt.toEpochMilli());
            }
        }
    }

    /** Takes in probe results (in any order; late ones are dropped) and re-evaluates at {@code now}. */
    public DetectorOutput onResults(List<ProbeResult> results, Instant now) {
        List<ProbeResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingLong(ProbeResult::startedAt));
        long nowMs = now.toEpochMilli();
        for (ProbeResult r : sorted) {
            CheckConfig c = checks.get(r.checkId());
            if (c == null || r.startedAt() > nowMs + c.interval().toMillis()) {
                ignoredResults++;
                continue;
            }
            vantages.add(r.vantage());
            if (!perVantage.get(c.id()).computeIfAbsent(r.vantage(), v -> newVantageState(c, v)).accept(r)) {
                lateResults++;
            }
        }
        return evaluate(now);
    }

    /** Re-evaluates at {@code now} without new results: staleness, silent vantages, flapping windows. */
    public DetectorOutput tick(Instant now) {
        return evaluate(now);
    }

    private VantageCheckState newVantageState(CheckConfig c, String vantage) {
        Thresholds t = c.thresholdsFor(vantage);
        t = t == null ? cfg.thresholds() : t.orElse(cfg.thresholds());
        int recent = Math.max(3, 2 * t.failuresToDown() - 1);
        LatencyBaseline latency = new LatencyBaseline(cfg.latencyWindow().toMillis(), cfg.latencyMinSamples(), recent,
                cfg.latencyFactor(), cfg.latencyMadK(), cfg.latencyMinIncreaseMs());
        return new VantageCheckState(t.failuresToDown(), t.successesToUp(), latency);
    }

    private long staleMillis(CheckConfig c) {
        return (long) (cfg.staleAfterIntervals() * c.interval().toMillis()) + c.timeout().toMillis();
    }

    private static long silentAfterMillis(CheckConfig c) {
        long interval = c.interval().toMillis();
        return interval + c.timeout().toMillis() + Math.max((long) (SILENT_MARGIN_INTERVALS * interval), SILENT_MIN_MARGIN_MS);
    }

    private boolean fresh(CheckConfig c, VantageCheckState s, long nowMs) {
        return s != null && s.isFresh(nowMs, staleMillis(c));
    }

    // ---- one step ----

    private DetectorOutput evaluate(Instant now) {
        long nowMs = now.toEpochMilli();
        Step step = new Step();
        judgeVantages(now, nowMs, step);
        boolean networkWide = judgeNetwork(now, nowMs, step);
        for (CheckConfig c : checks.values()) {
            checkHealth.put(c.id(), judgeCheck(c, nowMs));
        }
        List<ServiceStateChange> stateChanges = new ArrayList<>();
        for (ServiceTrack t : tracks.values()) {
            Health h = judgeService(t, nowMs);
            if (t.state.since().equals(Instant.EPOCH)) {
                t.state = new ServiceState(t.id(), t.state.health(), now, t.state.reason());
            }
            if (h != t.state.health()) {
                ServiceState next = new ServiceState(t.id(), h, now, h == Health.UP ? null : t.reason);
                stateChanges.add(new ServiceStateChange(t.state, next));
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
        }
        updateServiceIncidents(now, networkWide, step);
        updateGroups(now, step);
        for (IncidentDraft d : orphans) {
            d.resolve(now, new LocalizedText("설정에 더 이상 없어 장애를 종료합니다.",
                    "No longer in the configuration; the incident is resolved."));
            step.touch(d);
        }
        orphans.clear();
        return new DetectorOutput(stateChanges, step.emit(now));
    }

    /** The incidents changed during one step, emitted probe faults first, then groups, then services. */
    private static final class Step {
        private final List<IncidentDraft> touched = new ArrayList<>();

        void touch(IncidentDraft d) {
            if (!touched.contains(d)) {
                touched.add(d);
            }
        }

        List<IncidentTransition> emit(Instant now) {
            List<IncidentTransition> out = new ArrayList<>();
            for (IncidentKind kind : List.of(IncidentKind.PROBE_FAULT, IncidentKind.CORRELATED, IncidentKind.SERVICE)) {
                for (IncidentDraft d : touched) {
                    if (d.kind == kind && d.changed()) {
                        out.add(new IncidentTransition(d.pendingType(), d.emit(now)));
                    }
                }
            }
            return out;
        }
    }

    // ---- vantages ----

    private void judgeVantages(Instant now, long nowMs, Step step) {
        Set<String> silent = new HashSet<>();
        for (String v : vantages) {
            long newest = Long.MIN_VALUE;
            long limit = Long.MAX_VALUE;
            for (CheckConfig c : checks.values()) {
                VantageCheckState s = perVantage.get(c.id()).get(v);
                if (s != null && s.seen()) {
                    newest = Math.max(newest, s.lastStartedAt());
                    limit = Math.min(limit, silentAfterMillis(c));
                }
            }
            if (newest != Long.MIN_VALUE && nowMs - newest > limit) {
                silent.add(v);
            }
        }
        if (silent.containsAll(vantages)) {
            // Nothing arrives from anywhere: not one probe's fault; staleness makes the services unknown.
            silent.clear();
        }
        for (String v : vantages) {
            int freshChecks = 0;
            int unconfirmed = 0;
            for (CheckConfig c : checks.values()) {
                Map<String, VantageCheckState> byVantage = perVantage.get(c.id());
                VantageCheckState s = byVantage.get(v);
                if (!fresh(c, s, nowMs)) {
                    continue;
                }
                freshChecks++;
                // Only passes overlapping this vantage's current failures contradict it: at the onset and the end of
                // a real outage the vantages disagree for a moment, one probe apart.
                if (!s.failing() || s.lastOk()) {
                    continue;
                }
                int others = 0;
                int othersPassing = 0;
                for (Map.Entry<String, VantageCheckState> e : byVantage.entrySet()) {
                    if (!e.getKey().equals(v) && !silent.contains(e.getKey()) && fresh(c, e.getValue(), nowMs)) {
                        others++;
                        if (e.getValue().contradicts(s)) {
                            othersPassing++;
                        }
                    }
                }
                if (others > 0 && othersPassing * 2 > others) {
                    unconfirmed++;
                }
            }
            boolean isSilent = silent.contains(v);
            boolean fault = isSilent || (unconfirmed >= cfg.probeFaultMinChecks()
                    && unconfirmed >= cfg.probeFaultRatio() * freshChecks);
            IncidentDraft d = vantageFaults.get(v);
            if (fault && d == null) {
                d = newIncident(now, "probe-" + v, IncidentKind.PROBE_FAULT, now);
                d.severity = Severity.WARNING;
                d.vantages.add(v);
                d.hypothesis = HypothesisRanker.probeFault(v, unconfirmed, freshChecks, isSilent);
                d.title = new LocalizedText("관측 지점 " + v + " 프로브 장애", "Probe fault at vantage " + v);
                d.opened(d.hypothesis.text());
                vantageFaults.put(v, d);
                step.touch(d);
            } else if (!fault && d != null && freshChecks > 0) {
                vantageFaults.remove(v);
                d.resolve(now, new LocalizedText("관측 지점 " + v + "이(가) 다시 정상적으로 측정합니다.",
                        "Vantage " + v + " measures normally again."));
                step.touch(d);
            }
            if (vantageFaults.containsKey(v)) {
                faulted.add(v);
            } else {
                faulted.remove(v);
            }
        }
    }

    /**
     * Every vantage sees (nearly) every check fail: judged on the latest results, so that it is known before the
     * first service would be paged; opened once some check is down by quorum.
     */
    private boolean judgeNetwork(Instant now, long nowMs, Step step) {
        int freshVantages = 0;
        boolean all = true;
        int maxFailing = 0;
        int maxChecks = 0;
        Set<String> failingServices = new HashSet<>();
        Set<String> providers = new HashSet<>();
        for (String v : vantages) {
            int fresh = 0;
            int failed = 0;
            for (CheckConfig c : checks.values()) {
                VantageCheckState s = perVantage.get(c.id()).get(v);
                if (fresh(c, s, nowMs)) {
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
        boolean wide = freshVantages > 0 && all && failingServices.size() >= NETWORK_WIDE_MIN_SERVICES
                && providers.size() >= 2;
        if (wide && network == null && anyCheckDown(nowMs)) {
            network = newIncident(now, "network", IncidentKind.PROBE_FAULT, now);
            network.severity = Severity.CRITICAL;
            network.vantages.addAll(vantages);
            network.hypothesis = HypothesisRanker.network(freshVantages, maxFailing, maxChecks);
            network.title = new LocalizedText("모든 관측 지점에서 거의 모든 점검 실패", "Every vantage fails nearly every check");
            network.opened(network.hypothesis.text());
            step.touch(network);
        } else if (!wide && network != null && freshVantages > 0) {
            network.resolve(now, new LocalizedText("관측 지점들이 다시 정상적으로 측정합니다.", "The vantages measure normally again."));
            step.touch(network);
            network = null;
        }
        return network != null;
    }

    private boolean anyCheckDown(long nowMs) {
        for (CheckConfig c : checks.values()) {
            if (judgeCheck(c, nowMs) == Health.DOWN) {
                return true;
            }
        }
        return false;
    }

    // ---- health ----

    private Health judgeCheck(CheckConfig c, long nowMs) {
        int active = 0;
        int failing = 0;
        int slow = 0;
        for (Map.Entry<String, VantageCheckState> e : perVantage.get(c.id()).entrySet()) {
            if (faulted.contains(e.getKey()) || !fresh(c, e.getValue(), nowMs)) {
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
        if (slow > 0 && slow + failing >= q) {
            return Health.DEGRADED;
        }
        return Health.UP;
    }

    private Health judgeService(ServiceTrack t, long nowMs) {
        boolean anyKnown = false;
        boolean criticalDown = false;
        boolean degraded = false;
        long onset = Long.MAX_VALUE;
        Set<String> failingVantages = new LinkedHashSet<>();
        List<String> en = new ArrayList<>();
        List<String> ko = new ArrayList<>();
        for (CheckConfig c : t.config.checks()) {
            Health h = checkHealth.get(c.id());
            if (h == Health.UNKNOWN) {
                continue;
            }
            anyKnown = true;
            if (h == Health.UP) {
                continue;
            }
            if (h == Health.DOWN && c.critical()) {
                criticalDown = true;
            } else {
                degraded = true;
            }
            int n = 0;
            int active = 0;
            String error = null;
            double base = Double.NaN;
            double recent = Double.NaN;
            for (Map.Entry<String, VantageCheckState> e : perVantage.get(c.id()).entrySet()) {
                VantageCheckState vs = e.getValue();
                if (faulted.contains(e.getKey()) || !fresh(c, vs, nowMs)) {
                    continue;
                }
                active++;
                if (h == Health.DOWN && vs.failing()) {
                    n++;
                    failingVantages.add(e.getKey());
                    onset = Math.min(onset, vs.failingOnset());
                    error = vs.lastError() == null ? error : vs.lastError().wireName();
                } else if (h == Health.DEGRADED && vs.slow()) {
                    n++;
                    failingVantages.add(e.getKey());
                    onset = Math.min(onset, vs.latency().anomalyOnset());
                    base = vs.latency().baselineMs();
                    recent = vs.latency().recentMedianMs();
                }
            }
            if (h == Health.DOWN) {
                String err = error == null ? "" : " (" + error + ")";
                en.add(c.id() + " failing from " + n + " of " + active + " vantages" + err);
                ko.add(c.id() + " 실패: 관측 지점 " + active + "곳 중 " + n + "곳" + err);
            } else {
                en.add(String.format(Locale.ROOT, "%s slow from %d of %d vantages (%.0f ms, usually %.0f ms)",
                        c.id(), n, active, recent, base));
                ko.add(String.format(Locale.ROOT, "%s 지연: 관측 지점 %d곳 중 %d곳 (%.0f ms, 평소 %.0f ms)",
                        c.id(), active, n, recent, base));
            }
        }
        t.failingVantages = failingVantages;
        if (onset != Long.MAX_VALUE) {
            t.onset = onset;
        }
        t.reason = en.isEmpty() ? null : new LocalizedText(String.join("; ", ko), String.join("; ", en));
        if (!anyKnown) {
            return Health.UNKNOWN;
        }
        return criticalDown ? Health.DOWN : degraded ? Health.DEGRADED : Health.UP;
    }

    // ---- service incidents ----

    private IncidentDraft newIncident(Instant now, String subject, IncidentKind kind, Instant startedAt) {
        // The start comes from probe times, so detectors fed the same results name the incident alike.
        String id = ids.next(startedAt, subject);
        while (!usedIds.add(id)) {
            id = ids.next(startedAt, subject);
        }
        return new IncidentDraft(id, kind, startedAt);
    }

    private Set<String> failingServices() {
        Set<String> out = new LinkedHashSet<>();
        tracks.values().stream().filter(ServiceTrack::failing).forEach(t -> out.add(t.id()));
        return out;
    }

    private void updateServiceIncidents(Instant now, boolean networkWide, Step step) {
        List<ServiceTrack> newlyFailing = new ArrayList<>();
        for (ServiceTrack t : tracks.values()) {
            IncidentDraft d = t.incident;
            if (t.state.health() == Health.UP) {
                t.quietUntil = 0;
            } else if (networkWide && t.failing()) {
                // Its vantages need a few probes to see it again once the network is back; do not page meanwhile.
                long settle = t.config.checks().stream().mapToLong(c -> c.interval().toMillis()).max().orElse(0)
                        * (cfg.successesToUp() + 1L);
                t.quietUntil = now.toEpochMilli() + settle;
            }
            if (d == null) {
                if (t.failing() && !networkWide && now.toEpochMilli() >= t.quietUntil) {
                    newlyFailing.add(t);
                }
                continue;
            }
            String s = t.id();
            if (t.failing()) {
                d.vantages.addAll(t.failingVantages);
                if (!d.active) {
                    d.active = true;
                    if (!t.flapping) {
                        d.note(new LocalizedText(s + " 다시 실패합니다.", s + " is failing again."), s);
                        step.touch(d);
                        noteParent(d, new LocalizedText(s + " 다시 실패합니다.", s + " is failing again."), step);
                    }
                }
                Severity severity = severityOf(t);
                if (severity != d.severity && t.flapping) {
                    d.severity = severity;
                    describeService(d);
                } else if (severity != d.severity) {
                    d.severity = severity;
                    describeService(d);
                    d.note(new LocalizedText(s + " 상태: " + healthKo(t.state.health()) + ". " + reasonKo(t),
                            s + " is now " + t.state.health().wireName() + ": " + reasonEn(t)), s);
                    step.touch(d);
                    touchParent(d, step);
                }
            } else if (t.state.health() == Health.UP && d.active) {
                d.active = false;
                if (t.flapping) {
                    // Held open while flapping: the changes are not worth a transition each.
                    continue;
                }
                resolveService(t, now, step);
            } else if (t.state.health() == Health.UP && !t.flapping) {
                resolveService(t, now, step);
            }
            if (t.incident != null && t.flapping && !d.flapReported) {
                d.flapReported = true;
                d.note(new LocalizedText(s + " 상태가 불안정합니다: " + windowText(true) + " 동안 " + t.changes.size()
                        + "번 바뀌었습니다. 바뀔 때마다 알리지 않고, 안정될 때까지 이 장애를 열어 둡니다.",
                        s + " is flapping: " + t.changes.size() + " changes in " + windowText(false)
                                + "; the incident stays open until it is stable, without a page per change."), s);
                step.touch(d);
            }
        }
        newlyFailing.sort(Comparator.comparingLong((ServiceTrack t) -> t.onset).thenComparing(ServiceTrack::id));
        for (ServiceTrack t : newlyFailing) {
            openService(t, now, step);
        }
    }

    private void resolveService(ServiceTrack t, Instant now, Step step) {
        IncidentDraft d = t.incident;
        d.resolve(now, new LocalizedText(t.id() + " 복구되어 장애를 종료합니다.", t.id() + " recovered; the incident is resolved."));
        step.touch(d);
        t.incident = null;
        t.lastResolved = d;
        noteParent(d, new LocalizedText(t.id() + " 복구되었습니다.", t.id() + " recovered."), step);
    }

    private void openService(ServiceTrack t, Instant now, Step step) {
        String s = t.id();
        IncidentDraft last = t.lastResolved;
        IncidentDraft lastParent = last == null || last.parentId == null ? null : groups.get(last.parentId);
        if (last != null && last.resolvedAt != null && !now.isAfter(last.resolvedAt.plus(cfg.flapWindow()))
                && (last.parentId == null || lastParent != null)) {
            // Failing again soon after recovery continues the incident instead of paging anew.
            last.reopen(new LocalizedText(s + "이(가) 복구 후 곧 다시 실패하여 장애를 다시 엽니다.",
                    s + " is failing again soon after recovering; the incident is reopened."), s);
            last.vantages.addAll(t.failingVantages);
            last.severity = severityOf(t);
            describeService(last);
            t.incident = last;
            t.lastResolved = null;
            step.touch(last);
            noteParent(last, new LocalizedText(s + " 다시 실패합니다.", s + " is failing again."), step);
            return;
        }
        Instant onset = Instant.ofEpochMilli(t.onset);
        IncidentDraft d = newIncident(now, s, IncidentKind.SERVICE, onset);
        d.services.add(s);
        d.vantages.addAll(t.failingVantages);
        d.severity = severityOf(t);
        describeService(d);
        d.opened(new LocalizedText(s + " " + healthKo(t.state.health()) + " 감지: " + reasonKo(t),
                s + " detected " + t.state.health().wireName() + ": " + reasonEn(t)), s);
        t.incident = d;
        t.lastResolved = null;
        step.touch(d);
        correlate(d, now, step);
    }

    private Severity severityOf(ServiceTrack t) {
        return t.state.health() == Health.DOWN ? Severity.CRITICAL : Severity.WARNING;
    }

    private void describeService(IncidentDraft d) {
        String s = d.service();
        ServiceConfig sc = services.get(s);
        String ko = sc == null ? s : sc.name().ko();
        String en = sc == null ? s : sc.name().en();
        d.title = d.severity == Severity.CRITICAL
                ? new LocalizedText(ko + " 중단", en + " down")
                : new LocalizedText(ko + " 성능 저하", en + " degraded");
        d.hypothesis = ranker.single(s, failingServices());
    }

    // ---- correlation ----

    private boolean withinWindow(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(cfg.correlationWindow()) <= 0;
    }

    private void correlate(IncidentDraft d, Instant now, Step step) {
        String s = d.service();
        for (IncidentDraft g : groups.values()) {
            List<String> with = new ArrayList<>(g.services);
            with.add(s);
            if (withinWindow(g.startedAt, d.startedAt) && ranker.haveCommonCause(with)) {
                d.parentId = g.id;
                g.services.add(s);
                g.vantages.addAll(d.vantages);
                g.note(new LocalizedText(s + "도 실패하여 이 장애에 합류했습니다.", s + " is failing too and joins this incident."), s);
                step.touch(g);
                return;
            }
        }
        List<IncidentDraft> members = new ArrayList<>(List.of(d));
        List<String> memberServices = new ArrayList<>(List.of(s));
        List<IncidentDraft> candidates = tracks.values().stream()
                .map(t -> t.incident)
                .filter(o -> o != null && o != d && o.parentId == null && o.active && o.isOpen()
                        && withinWindow(o.startedAt, d.startedAt))
                .sorted(Comparator.comparing((IncidentDraft o) -> o.startedAt).thenComparing(o -> o.id))
                .toList();
        for (IncidentDraft o : candidates) {
            List<String> with = new ArrayList<>(memberServices);
            with.add(o.service());
            if (ranker.haveCommonCause(with)) {
                members.add(o);
                memberServices.add(o.service());
            }
        }
        if (members.size() < 2) {
            return;
        }
        members.sort(Comparator.comparing((IncidentDraft o) -> o.startedAt).thenComparing(o -> o.id));
        IncidentDraft g = newIncident(now, "group", IncidentKind.CORRELATED, members.get(0).startedAt);
        for (IncidentDraft m : members) {
            g.services.add(m.service());
            g.vantages.addAll(m.vantages);
            m.parentId = g.id;
            if (m != d) {
                m.note(new LocalizedText("연관 장애 " + g.id + "의 일부입니다.", "Part of correlated incident " + g.id + "."));
                step.touch(m);
            }
        }
        groups.put(g.id, g);
        g.opened(new LocalizedText("서비스 " + g.services.size() + "개가 함께 실패합니다: " + String.join(", ", g.services) + ".",
                g.services.size() + " services are failing together: " + String.join(", ", g.services) + "."),
                g.services.toArray(String[]::new));
        step.touch(g);
    }

    private void noteParent(IncidentDraft child, LocalizedText text, Step step) {
        IncidentDraft g = child.parentId == null ? null : groups.get(child.parentId);
        if (g != null) {
            g.note(text, child.service());
            step.touch(g);
        }
    }

    private void touchParent(IncidentDraft child, Step step) {
        IncidentDraft g = child.parentId == null ? null : groups.get(child.parentId);
        if (g != null) {
            step.touch(g);
        }
    }

    private void updateGroups(Instant now, Step step) {
        Set<String> failing = failingServices();
        for (IncidentDraft g : List.copyOf(groups.values())) {
            List<IncidentDraft> children = tracks.values().stream()
                    .map(t -> t.incident)
                    .filter(c -> c != null && g.id.equals(c.parentId))
                    .toList();
            if (children.isEmpty()) {
                g.resolve(now, new LocalizedText("모든 서비스가 복구되어 장애를 종료합니다.",
                        "All services recovered; the incident is resolved."));
                groups.remove(g.id);
                step.touch(g);
                continue;
            }
            boolean anyDown = children.stream().anyMatch(c -> c.active && c.severity == Severity.CRITICAL);
            Severity severity = anyDown ? Severity.CRITICAL : Severity.WARNING;
            if (severity != g.severity && children.stream().anyMatch(c -> c.active)) {
                g.severity = severity;
                g.note(severity == Severity.CRITICAL
                        ? new LocalizedText("서비스가 중단되어 심각도가 critical로 올라갔습니다.", "A member is down: severity is now critical.")
                        : new LocalizedText("중단된 서비스가 없어 심각도가 warning으로 내려갔습니다.", "No member is down any more: severity is now warning."));
                step.touch(g);
            }
            if (!g.changed() && g.title != null) {
                continue;
            }
            g.hypothesis = ranker.group(g.services, failing);
            String what = g.hypothesis.attribute() + "=" + g.hypothesis.value();
            String list = String.join(", ", g.services);
            g.title = new LocalizedText("연관 장애: 서비스 " + g.services.size() + "개 (" + list + "), 추정 원인 " + what,
                    "Correlated outage: " + g.services.size() + " services (" + list + "), likely cause " + what);
            for (IncidentDraft c : children) {
                if (c.changed()) {
                    // A member's own cause is the group's: "only this service is failing" no longer holds.
                    c.hypothesis = g.hypothesis;
                }
            }
            if (!g.changed()) {
                step.touch(g);
            }
        }
    }

    private String windowText(boolean ko) {
        Duration w = cfg.flapWindow();
        if (w.toSeconds() % 60 == 0) {
            return w.toMinutes() + (ko ? "분" : " min");
        }
        return w.toSeconds() + (ko ? "초" : " s");
    }

    private static String healthKo(Health h) {
        return switch (h) {
            case DOWN -> "중단";
            case DEGRADED -> "성능 저하";
            case UP -> "정상";
            case UNKNOWN -> "알 수 없음";
        };
    }

    private static String reasonEn(ServiceTrack t) {
        return t.reason == null ? "" : t.reason.en() + ".";
    }

    private static String reasonKo(ServiceTrack t) {
        return t.reason == null ? "" : t.reason.ko() + ".";
    }
}
