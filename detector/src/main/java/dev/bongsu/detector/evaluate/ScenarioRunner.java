package dev.bongsu.detector.evaluate;

import dev.bongsu.detector.core.Detector;
import dev.bongsu.detector.core.DetectorOutput;
import dev.bongsu.detector.core.IncidentIds;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentTransition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Replays a scenario through the real {@link Detector} in virtual time and judges what it raised. */
public final class ScenarioRunner {
    private static final Duration TICK = Duration.ofSeconds(1);

    private final ProbeGenerator generator = new ProbeGenerator();

    /** Runs one scenario. */
    public ScenarioResult run(Scenario s) {
        Detector detector = new Detector(s.fleet(), s.vantages(), s.detector(), IncidentIds.timeSortable(new Random(42)));
        List<ScenarioResult.Timed> timed = new ArrayList<>();
        Duration nextTick = TICK;
        for (ProbeGenerator.Delivery d : generator.deliveries(s)) {
            while (nextTick.compareTo(d.at()) < 0) {
                record(timed, nextTick, detector.tick(ProbeGenerator.EPOCH.plus(nextTick)));
                nextTick = nextTick.plus(TICK);
            }
            record(timed, d.at(), detector.onResults(d.results(), ProbeGenerator.EPOCH.plus(d.at())));
        }
        while (nextTick.compareTo(s.duration()) <= 0) {
            record(timed, nextTick, detector.tick(ProbeGenerator.EPOCH.plus(nextTick)));
            nextTick = nextTick.plus(TICK);
        }
        return judge(s, timed);
    }

    private static void record(List<ScenarioResult.Timed> timed, Duration at, DetectorOutput out) {
        for (IncidentTransition t : out.transitions()) {
            timed.add(new ScenarioResult.Timed(at, t));
        }
    }

    private static ScenarioResult judge(Scenario s, List<ScenarioResult.Timed> timed) {
        Map<String, Incident> last = new LinkedHashMap<>();
        Map<String, Duration> first = new HashMap<>();
        for (ScenarioResult.Timed t : timed) {
            Incident i = t.transition().incident();
            last.put(i.id(), i);
            first.putIfAbsent(i.id(), t.at());
        }
        List<Incident> topLevel = last.values().stream().filter(i -> i.parentId() == null).toList();
        Set<String> used = new HashSet<>();
        List<ScenarioResult.Match> matches = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ExpectedIncident e : s.expected()) {
            Incident raised = topLevel.stream()
                    .filter(i -> !used.contains(i.id()) && i.kind() == e.kind() && members(i).equals(Set.copyOf(members(e))))
                    .findFirst().orElse(null);
            Duration allowed = allowed(s, e);
            if (raised == null) {
                matches.add(new ScenarioResult.Match(e, null, null, allowed, null));
                problems.add("expected " + e.describe() + ", not raised");
                continue;
            }
            used.add(raised.id());
            Duration detected = first.get(raised.id());
            for (Incident child : last.values()) {
                if (raised.id().equals(child.parentId()) && first.get(child.id()).compareTo(detected) < 0) {
                    detected = first.get(child.id());
                }
            }
            Duration onset = onset(s, e);
            Duration delay = onset == null ? null : detected.minus(onset);
            String hypothesis = raised.hypothesis() == null ? null
                    : raised.hypothesis().attribute() + "=" + raised.hypothesis().value();
            ScenarioResult.Match m = new ScenarioResult.Match(e, raised, delay, allowed, hypothesis);
            matches.add(m);
            if (Boolean.FALSE.equals(m.hypothesisRight())) {
                problems.add(e.describe() + ": top hypothesis " + hypothesis + ", expected " + e.hypothesis());
            }
            if (delay != null && delay.compareTo(allowed) > 0) {
                problems.add(e.describe() + ": detected after " + EvaluationReport.seconds(delay) + ", allowed "
                        + EvaluationReport.seconds(allowed));
            }
            if (raised.state() != e.state()) {
                problems.add(e.describe() + ": " + raised.state().wireName() + " at the end, expected " + e.state().wireName());
            }
        }
        List<Incident> falseIncidents = topLevel.stream().filter(i -> !used.contains(i.id())).toList();
        for (Incident f : falseIncidents) {
            problems.add("false incident: " + f.kind().wireName() + " " + members(f) + " (" + f.title().en() + ")");
        }
        return new ScenarioResult(s, matches, falseIncidents, problems, timed);
    }

    private static Set<String> members(Incident i) {
        return Set.copyOf(i.kind() == IncidentKind.PROBE_FAULT ? i.vantages() : i.services());
    }

    private static List<String> members(ExpectedIncident e) {
        return e.kind() == IncidentKind.PROBE_FAULT ? e.vantages() : e.services();
    }

    private static List<ScenarioFault> concerned(Scenario s, ExpectedIncident e) {
        return s.faults().stream()
                .filter(f -> e.kind() == IncidentKind.PROBE_FAULT
                        ? f.vantages().stream().anyMatch(e.vantages()::contains)
                        : f.services().stream().anyMatch(e.services()::contains))
                .toList();
    }

    /** When the first fault behind an expected incident starts, or {@code null}. */
    private static Duration onset(Scenario s, ExpectedIncident e) {
        return concerned(s, e).stream().map(ScenarioFault::at).min(Duration::compareTo).orElse(null);
    }

    /** Two probe intervals, plus the timeout when the failures are timeouts. */
    private static Duration allowed(Scenario s, ExpectedIncident e) {
        boolean timeouts = concerned(s, e).stream().anyMatch(f -> f.kind() == FaultKind.TIMEOUT
                || (f.kind() == FaultKind.SLOW && f.latencyMs() >= s.timeout().toMillis()));
        Duration allowed = s.interval().multipliedBy(2);
        return timeouts ? allowed.plus(s.timeout()) : allowed;
    }
}
