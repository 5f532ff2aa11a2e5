package dev.bongsu.alerting.detect;

import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.Thresholds;

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
import java.util.Map;
import java.util.Set;

/**
 * The pure detector: fed probe results and ticks of time, it keeps the health of every check and service and
 * decides which incidents open, grow, merge and resolve. No Vert.x and no clock inside; not thread-safe.
 *
 * <p>The rules are described in {@code docs/DETECTION.md}.
 */
public final class Detector {
    /** Share of checks every vantage must fail for "everything fails everywhere". */
    static final double NETWORK_WIDE_RATIO = 0.9;
    /** Fewest failing services (and providers, at least 2) before "everything fails everywhere" is considered. */
    static final int NETWORK_WIDE_MIN_SERVICES = 3;

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
    private final Map<String, IncidentDraft> open = new LinkedHashMap<>();
    private final Map<String, String> probeFaultIncident = new HashMap<>();
    private final Set<String> faulted = new HashSet<>();
    private final Set<String> usedIds = new HashSet<>();
    private String networkIncident;

    /** What the detector knows about one service between steps. */
    private static final class ServiceTrack {
        ServiceState state;
        final Deque<Instant> changes = new ArrayDeque<>();
        boolean flapping;
        String incidentId;
        IncidentDraft lastIncident;
        Instant lastResolvedAt;
        long onset;
        Set<String> failingVantages = Set.of();
        LocalizedText reason;
    }

    /**
     * A detector for these services, seen from these vantages.
     *
     * @param services the configured services and their checks
     * @param vantages the configured vantages (results from others are accepted too)
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
            ServiceTrack t = new ServiceTrack();
            t.state = new ServiceState(s.id(), Health.UNKNOWN, Instant.EPOCH, null);
            tracks.put(s.id(), t);
        }
        this.vantages.addAll(vantages);
        this.ranker = new HypothesisRanker(this.services, cfg.correlationAttributes());
    }

    /** The current state of every service, in config order. */
    public List<ServiceState> states() {
        return tracks.values().stream().map(t -> t.state).toList();
    }

    /** The open incidents, oldest first. */
    public List<Incident> openIncidents() {
        return open.values().stream().map(IncidentDraft::snapshot).toList();
    }

    /** The health of one check across vantages (UNKNOWN for an unknown check). */
    public Health checkHealth(String checkId) {
        return checkHealth.getOrDefault(checkId, Health.UNKNOWN);
    }

    /** The vantages currently left out of the quorum as probe faults. */
    public Set<String> faultedVantages() {
        return Set.copyOf(faulted);
    }

    /**
     * Takes back the open incidents of a previous run, so that a service still failing attaches to its incident
     * instead of opening a new one, and a recovered one resolves it.
     */
    public void restore(List<Incident> incidents, Instant now) {
        for (Incident i : incidents) {
            usedIds.add(i.id());
            if (!i.isOpen()) {
                continue;
            }
            IncidentDraft d = IncidentDraft.of(i);
            open.put(d.id, d);
            if (i.kind() == IncidentKind.PROBE_FAULT) {
                if (i.hypothesis() != null && HypothesisRanker.NETWORK.equals(i.hypothesis().attribute())) {
                    networkIncident = d.id;
                } else {
                    for (String v : i.vantages()) {
                        probeFaultIncident.put(v, d.id);
                    }
                }
                continue;
            }
            for (String s : i.services()) {
                ServiceTrack t = tracks.get(s);
                if (t != null) {
                    t.incidentId = d.id;
                } else {
                    d.active.remove(s);
                }
            }
        }
    }

    /** Takes in probe results (in any order, late ones too) and re-evaluates at {@code now}. */
    public DetectorOutput onResults(List<ProbeResult> results, Instant now) {
        List<ProbeResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingLong(ProbeResult::startedAt));
        for (ProbeResult r : sorted) {
            CheckConfig c = checks.get(r.checkId());
            if (c == null) {
                continue;
            }
            vantages.add(r.vantage());
            perVantage.get(c.id()).computeIfAbsent(r.vantage(), v -> newVantageState(c, v)).accept(r);
        }
        return evaluate(now);
    }

    /** Re-evaluates at {@code now} without new results: staleness, flapping windows, probe faults. */
    public DetectorOutput tick(Instant now) {
        return evaluate(now);
    }

    private VantageCheckState newVantageState(CheckConfig c, String vantage) {
        Thresholds t = c.thresholdsFor(vantage) == null ? cfg.thresholds() : c.thresholdsFor(vantage).orElse(cfg.thresholds());
        int recent = Math.max(1, 2 * t.failuresToDown() - 1);
        LatencyBaseline latency = new LatencyBaseline(cfg.latencyWindow().toMillis(), cfg.latencyMinSamples(), recent,
                cfg.latencyFactor(), cfg.latencyMadK(), cfg.latencyMinIncreaseMs());
        return new VantageCheckState(t.failuresToDown(), t.successesToUp(), latency);
    }

    private long staleMillis(CheckConfig c) {
        return (long) (cfg.staleAfterIntervals() * c.interval().toMillis()) + c.timeout().toMillis();
    }

    private boolean fresh(CheckConfig c, String vantage, long nowMs) {
        VantageCheckState s = perVantage.get(c.id()).get(vantage);
        return s != null && s.isFresh(nowMs, staleMillis(c));
    }

    /** Vantages that must agree; {@code active} is the number of active vantages with fresh data. */
    int quorum(int active) {
        if (active <= 0) {
            return Integer.MAX_VALUE;
        }
        if (cfg.quorum() > 0) {
            return Math.min(cfg.quorum(), active);
        }
        return active >= 2 ? Math.max(2, active / 2 + 1) : 1;
    }

    // ---- one step ----

    private DetectorOutput evaluate(Instant now) {
        long nowMs = now.toEpochMilli();
        List<ServiceStateChange> stateChanges = new ArrayList<>();
        List<IncidentDraft> touched = new ArrayList<>();
        evaluateProbeFaults(now, nowMs, touched);
        boolean networkWide = evaluateNetworkWide(now, nowMs, touched);
        for (CheckConfig c : checks.values()) {
            checkHealth.put(c.id(), judgeCheck(c, nowMs));
        }
        Set<String> failing = new LinkedHashSet<>();
        for (ServiceConfig s : services.values()) {
            ServiceTrack t = tracks.get(s.id());
            Health h = judgeService(s, t, nowMs);
            if (h != t.state.health()) {
                ServiceState next = new ServiceState(s.id(), h, now, t.reason);
                stateChanges.add(new ServiceStateChange(t.state, next));
                if (h != Health.UNKNOWN && t.state.health() != Health.UNKNOWN) {
                    t.changes.addLast(now);
                }
                t.state = next;
            } else if (!java.util.Objects.equals(t.reason, t.state.reason()) && h != Health.UP) {
                t.state = new ServiceState(s.id(), h, t.state.since(), t.reason);
            }
            while (!t.changes.isEmpty() && t.changes.peekFirst().isBefore(now.minus(cfg.flapWindow()))) {
                t.changes.removeFirst();
            }
            if (isFailing(h)) {
                failing.add(s.id());
            }
        }
        updateServiceIncidents(now, failing, networkWide, touched);
        List<IncidentTransition> transitions = new ArrayList<>();
        for (IncidentDraft d : touched) {
            if (!d.touched) {
                continue;
            }
            TransitionType type = d.isNew ? TransitionType.OPENED : d.justResolved ? TransitionType.RESOLVED : TransitionType.UPDATED;
            transitions.add(new IncidentTransition(type, d.emit(now, type)));
        }
        return new DetectorOutput(stateChanges, transitions);
    }

    private static boolean isFailing(Health h) {
        return h == Health.DOWN || h == Health.DEGRADED;
    }

    private void touch(List<IncidentDraft> touched, IncidentDraft d) {
        if (!touched.contains(d)) {
            touched.add(d);
        }
    }

    private void evaluateProbeFaults(Instant now, long nowMs, List<IncidentDraft> touched) {
        for (String v : vantages) {
            int freshChecks = 0;
            int unconfirmed = 0;
            boolean everSeen = false;
            boolean othersFresh = false;
            for (CheckConfig c : checks.values()) {
                Map<String, VantageCheckState> byVantage = perVantage.get(c.id());
                VantageCheckState s = byVantage.get(v);
                everSeen |= s != null && s.seen();
                int others = 0;
                int othersPassing = 0;
                for (Map.Entry<String, VantageCheckState> e : byVantage.entrySet()) {
                    if (!e.getKey().equals(v) && e.getValue().isFresh(nowMs, staleMillis(c))) {
                        others++;
                        if (!e.getValue().failing()) {
                            othersPassing++;
                        }
                    }
                }
                othersFresh |= others > 0;
                if (s == null || !s.isFresh(nowMs, staleMillis(c))) {
                    continue;
                }
                freshChecks++;
                if (s.failing() && others > 0 && othersPassing * 2 >= others) {
                    unconfirmed++;
                }
            }
            boolean silent = freshChecks == 0 && everSeen && othersFresh;
            boolean fault = silent || (unconfirmed >= cfg.probeFaultMinChecks()
                    && unconfirmed >= cfg.probeFaultRatio() * freshChecks);
            String incidentId = probeFaultIncident.get(v);
            if (fault && !faulted.contains(v)) {
                faulted.add(v);
                if (incidentId == null) {
                    IncidentDraft d = newDraft(now, "probe-" + v, IncidentKind.PROBE_FAULT, now);
                    d.severity = Severity.WARNING;
                    d.vantages.add(v);
                    d.hypothesis = HypothesisRanker.probeFault(v, unconfirmed, freshChecks, silent);
                    d.title = new LocalizedText("관측 지점 " + v + " 프로브 장애", "Probe fault at vantage " + v);
                    d.note(d.hypothesis.text());
                    probeFaultIncident.put(v, d.id);
                    touch(touched, d);
                }
            } else if (!fault && (faulted.contains(v) || incidentId != null) && freshChecks > 0) {
                faulted.remove(v);
                if (incidentId != null) {
                    IncidentDraft d = open.get(incidentId);
                    probeFaultIncident.remove(v);
                    if (d != null) {
                        resolve(d, now, new LocalizedText("관측 지점 " + v + "이(가) 다시 정상적으로 측정합니다.",
                                "Vantage " + v + " measures normally again."));
                        touch(touched, d);
                    }
                }
            } else if (fault && incidentId == null) {
                faulted.remove(v);
            }
            if (fault && incidentId != null) {
                faulted.add(v);
            }
        }
    }

    private boolean evaluateNetworkWide(Instant now, long nowMs, List<IncidentDraft> touched) {
        int freshVantages = 0;
        boolean all = true;
        int maxFailing = 0;
        int maxChecks = 0;
        for (String v : vantages) {
            int fresh = 0;
            int failingChecks = 0;
            for (CheckConfig c : checks.values()) {
                VantageCheckState s = perVantage.get(c.id()).get(v);
                if (s != null && s.isFresh(nowMs, staleMillis(c))) {
                    fresh++;
                    if (s.failing()) {
                        failingChecks++;
                    }
                }
            }
            if (fresh == 0) {
                continue;
            }
            freshVantages++;
            maxFailing = Math.max(maxFailing, failingChecks);
            maxChecks = Math.max(maxChecks, fresh);
            if (failingChecks < NETWORK_WIDE_RATIO * fresh || failingChecks < cfg.probeFaultMinChecks()) {
                all = false;
            }
        }
        boolean wide = freshVantages > 0 && all && spansProvidersAndServices(nowMs);
        if (wide && networkIncident == null) {
            IncidentDraft d = newDraft(now, "network", IncidentKind.PROBE_FAULT, now);
            d.severity = Severity.CRITICAL;
            d.vantages.addAll(vantages);
            d.hypothesis = HypothesisRanker.network(freshVantages, maxFailing, maxChecks);
            d.title = new LocalizedText("모든 관측 지점에서 거의 모든 점검 실패", "Every vantage fails nearly every check");
            d.note(d.hypothesis.text());
            networkIncident = d.id;
            touch(touched, d);
        } else if (!wide && networkIncident != null && freshVantages > 0) {
            IncidentDraft d = open.get(networkIncident);
            networkIncident = null;
            if (d != null) {
                resolve(d, now, new LocalizedText("관측 지점들이 다시 정상적으로 측정합니다.", "The vantages measure normally again."));
                touch(touched, d);
            }
        }
        return wide;
    }

    private boolean spansProvidersAndServices(long nowMs) {
        Set<String> failingServices = new HashSet<>();
        Set<String> providers = new HashSet<>();
        for (CheckConfig c : checks.values()) {
            for (VantageCheckState s : perVantage.get(c.id()).values()) {
                if (s.failing() && s.isFresh(nowMs, staleMillis(c))) {
                    failingServices.add(c.serviceId());
                    ServiceConfig sc = services.get(c.serviceId());
                    if (sc != null) {
                        providers.add(sc.provider());
                    }
                }
            }
        }
        return failingServices.size() >= NETWORK_WIDE_MIN_SERVICES && providers.size() >= 2;
    }

    private Health judgeCheck(CheckConfig c, long nowMs) {
        int active = 0;
        int failing = 0;
        int slow = 0;
        for (Map.Entry<String, VantageCheckState> e : perVantage.get(c.id()).entrySet()) {
            if (faulted.contains(e.getKey()) || !e.getValue().isFresh(nowMs, staleMillis(c))) {
                continue;
            }
            active++;
            if (e.getValue().failing()) {
                failing++;
            } else if (e.getValue().latency().anomalous()) {
                slow++;
            }
        }
        if (active == 0) {
            return Health.UNKNOWN;
        }
        int q = quorum(active);
        if (failing >= q) {
            return Health.DOWN;
        }
        if (slow + failing >= q && slow > 0) {
            return Health.DEGRADED;
        }
        return Health.UP;
    }

    private Health judgeService(ServiceConfig s, ServiceTrack t, long nowMs) {
        boolean anyKnown = false;
        boolean criticalDown = false;
        boolean degraded = false;
        long onset = Long.MAX_VALUE;
        Set<String> failingVantages = new LinkedHashSet<>();
        List<String> en = new ArrayList<>();
        List<String> ko = new ArrayList<>();
        for (CheckConfig c : s.checks()) {
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
                if (faulted.contains(e.getKey()) || !vs.isFresh(nowMs, staleMillis(c))) {
                    continue;
                }
                active++;
                if (h == Health.DOWN && vs.failing()) {
                    n++;
                    failingVantages.add(e.getKey());
                    onset = Math.min(onset, vs.failingOnset());
                    error = vs.lastError() == null ? error : vs.lastError().wireName();
                } else if (h == Health.DEGRADED && vs.latency().anomalous()) {
                    n++;
                    failingVantages.add(e.getKey());
                    onset = Math.min(onset, vs.latency().anomalyOnset());
                    base = vs.latency().baselineMs();
                    recent = vs.latency().recentMedianMs();
                }
            }
            if (h == Health.DOWN) {
                en.add(c.id() + " failing from " + n + " of " + active + " vantages" + (error == null ? "" : " (" + error + ")"));
                ko.add(c.id() + " 실패: 관측 지점 " + active + "곳 중 " + n + "곳" + (error == null ? "" : " (" + error + ")"));
            } else {
                en.add(String.format(java.util.Locale.ROOT, "%s slow from %d of %d vantages (%.0f ms, baseline %.0f ms)",
                        c.id(), n, active, recent, base));
                ko.add(String.format(java.util.Locale.ROOT, "%s 지연: 관측 지점 %d곳 중 %d곳 (%.0f ms, 평소 %.0f ms)",
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

    // ---- incidents ----

    private IncidentDraft newDraft(Instant now, String subject, IncidentKind kind, Instant startedAt) {
        String id = ids.next(now, subject);
        while (!usedIds.add(id)) {
            id = ids.next(now, subject);
        }
        IncidentDraft d = new IncidentDraft(id, kind, startedAt);
        d.isNew = true;
        open.put(id, d);
        return d;
    }

    private void resolve(IncidentDraft d, Instant now, LocalizedText note) {
        d.state = IncidentState.RESOLVED;
        d.resolvedAt = now;
        d.justResolved = true;
        d.note(note);
        open.remove(d.id);
        for (String m : d.members) {
            ServiceTrack t = tracks.get(m);
            if (t != null && d.id.equals(t.incidentId)) {
                t.incidentId = null;
                t.lastIncident = d;
                t.lastResolvedAt = now;
            }
        }
    }

    private void updateServiceIncidents(Instant now, Set<String> failing, boolean networkWide, List<IncidentDraft> touched) {
        // Members that recovered.
        for (IncidentDraft d : List.copyOf(open.values())) {
            if (d.kind == IncidentKind.PROBE_FAULT) {
                continue;
            }
            for (String m : List.copyOf(d.active)) {
                ServiceTrack t = tracks.get(m);
                if (t != null && t.state.health() == Health.UP) {
                    d.active.remove(m);
                    if (!t.flapping) {
                        d.note(new LocalizedText(m + " 복구됨.", m + " recovered."), m);
                        touch(touched, d);
                    }
                }
            }
        }
        // Newly failing services, earliest onset first.
        List<String> unattached = new ArrayList<>();
        for (String s : failing) {
            ServiceTrack t = tracks.get(s);
            IncidentDraft current = t.incidentId == null ? null : open.get(t.incidentId);
            if (current == null) {
                t.incidentId = null;
                if (!networkWide) {
                    unattached.add(s);
                }
            } else if (!current.active.contains(s)) {
                current.active.add(s);
                current.vantages.addAll(t.failingVantages);
                if (!t.flapping) {
                    current.note(new LocalizedText(s + " 다시 실패.", s + " is failing again."), s);
                    touch(touched, current);
                }
            }
        }
        unattached.sort(Comparator.comparingLong((String s) -> tracks.get(s).onset).thenComparing(s -> s));
        for (String s : unattached) {
            attach(s, now, failing, touched);
        }
        // Flapping, reported once per member and episode.
        for (ServiceTrack t : tracks.values()) {
            String s = t.state.serviceId();
            boolean flapping = t.changes.size() >= cfg.flapChanges();
            if (flapping && !t.flapping) {
                IncidentDraft d = t.incidentId != null ? open.get(t.incidentId) : null;
                if (d != null && d.flapReported.add(s)) {
                    d.note(new LocalizedText(s + " 상태가 불안정합니다: " + formatWindow(true) + " 동안 " + t.changes.size()
                            + "번 바뀜. 변화마다 알리지 않고 안정될 때까지 이 장애를 열어 둡니다.",
                            s + " is flapping: " + t.changes.size() + " changes in " + formatWindow(false)
                                    + "; the incident stays open until it is stable, without a page per change."), s);
                    touch(touched, d);
                }
            } else if (!flapping && t.flapping && t.incidentId != null) {
                IncidentDraft d = open.get(t.incidentId);
                if (d != null) {
                    d.flapReported.remove(s);
                }
            }
            t.flapping = flapping;
        }
        // Severity, hypothesis and resolution of touched or idle service incidents.
        for (IncidentDraft d : List.copyOf(open.values())) {
            if (d.kind == IncidentKind.PROBE_FAULT) {
                continue;
            }
            if (d.active.isEmpty() && d.members.stream().noneMatch(m -> tracks.containsKey(m) && tracks.get(m).flapping)) {
                resolve(d, now, d.members.size() == 1
                        ? new LocalizedText("복구되어 장애를 종료합니다.", "Recovered; the incident is resolved.")
                        : new LocalizedText("모든 서비스가 복구되어 장애를 종료합니다.", "All services recovered; the incident is resolved."));
                touch(touched, d);
            }
        }
        for (IncidentDraft d : touched) {
            if (d.kind == IncidentKind.PROBE_FAULT) {
                continue;
            }
            boolean anyDown = d.active.stream().anyMatch(m -> tracks.get(m).state.health() == Health.DOWN);
            if (d.isOpen() && !d.active.isEmpty()) {
                d.severity = anyDown ? Severity.CRITICAL : Severity.WARNING;
            }
            describe(d, failing);
        }
    }

    private String formatWindow(boolean ko) {
        long minutes = cfg.flapWindow().toMinutes();
        if (minutes > 0 && cfg.flapWindow().toSeconds() % 60 == 0) {
            return minutes + (ko ? "분" : " min");
        }
        return cfg.flapWindow().toSeconds() + (ko ? "초" : " s");
    }

    private void attach(String s, Instant now, Set<String> failing, List<IncidentDraft> touched) {
        ServiceTrack t = tracks.get(s);
        Instant onset = Instant.ofEpochMilli(t.onset);
        List<IncidentDraft> candidates = new ArrayList<>();
        for (IncidentDraft d : open.values()) {
            if (d.kind == IncidentKind.PROBE_FAULT || d.active.isEmpty()) {
                continue;
            }
            boolean within = !onset.isAfter(d.startedAt.plus(cfg.correlationWindow()))
                    && !onset.isBefore(d.startedAt.minus(cfg.correlationWindow()));
            if (within && d.members.stream().anyMatch(m -> ranker.related(m, s))) {
                candidates.add(d);
            }
        }
        if (!candidates.isEmpty()) {
            candidates.sort(Comparator.comparing((IncidentDraft d) -> d.startedAt).thenComparing(d -> d.id));
            IncidentDraft survivor = candidates.get(0);
            join(survivor, s, onset, t);
            touch(touched, survivor);
            for (IncidentDraft other : candidates.subList(1, candidates.size())) {
                for (String m : other.members) {
                    survivor.members.add(m);
                    if (other.active.contains(m)) {
                        survivor.active.add(m);
                    }
                    ServiceTrack mt = tracks.get(m);
                    if (mt != null) {
                        mt.incidentId = survivor.id;
                    }
                }
                survivor.vantages.addAll(other.vantages);
                if (other.startedAt.isBefore(survivor.startedAt)) {
                    survivor.startedAt = other.startedAt;
                }
                other.parentId = survivor.id;
                other.active.clear();
                resolve(other, now, new LocalizedText(survivor.id + " 장애로 합쳐졌습니다.", "Merged into " + survivor.id + "."));
                survivor.note(new LocalizedText(other.id + " 장애를 합쳤습니다 (" + String.join(", ", other.members) + ").",
                        "Merged " + other.id + " (" + String.join(", ", other.members) + ")."), other.members.toArray(String[]::new));
                touch(touched, other);
            }
            promote(survivor);
            return;
        }
        IncidentDraft last = t.lastIncident;
        if (last != null && last.parentId == null && !last.isOpen() && t.lastResolvedAt != null
                && !now.isAfter(t.lastResolvedAt.plus(cfg.flapWindow()))) {
            // A service failing again soon after recovery continues its incident instead of paging anew.
            last.state = IncidentState.OPEN;
            last.resolvedAt = null;
            last.active.add(s);
            last.vantages.addAll(t.failingVantages);
            open.put(last.id, last);
            t.incidentId = last.id;
            last.note(new LocalizedText(s + "이(가) 복구 후 다시 실패하여 장애를 다시 엽니다.",
                    s + " is failing again soon after recovering; the incident is reopened."), s);
            touch(touched, last);
            return;
        }
        IncidentDraft d = newDraft(now, s, IncidentKind.SERVICE, onset);
        d.members.add(s);
        d.active.add(s);
        d.vantages.addAll(t.failingVantages);
        t.incidentId = d.id;
        d.note(new LocalizedText(s + " " + healthKo(t.state.health()) + " 감지: " + reasonKo(t),
                s + " detected " + t.state.health().wireName() + ": " + reasonEn(t)), s);
        touch(touched, d);
    }

    private void join(IncidentDraft d, String s, Instant onset, ServiceTrack t) {
        d.members.add(s);
        d.active.add(s);
        d.vantages.addAll(t.failingVantages);
        t.incidentId = d.id;
        if (onset.isBefore(d.startedAt)) {
            d.startedAt = onset;
        }
        d.note(new LocalizedText(s + " " + healthKo(t.state.health()) + " 감지, 이 장애에 합류: " + reasonKo(t),
                s + " detected " + t.state.health().wireName() + " and joins this incident: " + reasonEn(t)), s);
    }

    private void promote(IncidentDraft d) {
        if (d.kind == IncidentKind.SERVICE && d.members.size() > 1) {
            d.kind = IncidentKind.CORRELATED;
            d.note(new LocalizedText("연관 장애로 확대되었습니다.", "Promoted to a correlated incident."));
        }
    }

    private void describe(IncidentDraft d, Set<String> failing) {
        boolean warning = d.severity == Severity.WARNING;
        if (d.kind == IncidentKind.CORRELATED) {
            d.hypothesis = ranker.group(d.members, failing);
            String list = String.join(", ", d.members);
            String what = d.hypothesis.attribute() + "=" + d.hypothesis.value();
            d.title = new LocalizedText("연관 장애: 서비스 " + d.members.size() + "개 (" + list + "), 추정 원인 " + what,
                    "Correlated outage: " + d.members.size() + " services (" + list + "), likely cause " + what);
        } else if (d.kind == IncidentKind.SERVICE) {
            String s = d.members.iterator().next();
            d.hypothesis = ranker.single(s, failing);
            ServiceConfig sc = services.get(s);
            String ko = sc == null ? s : sc.name().ko();
            String en = sc == null ? s : sc.name().en();
            d.title = warning ? new LocalizedText(ko + " 성능 저하", en + " degraded") : new LocalizedText(ko + " 중단", en + " down");
        }
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
