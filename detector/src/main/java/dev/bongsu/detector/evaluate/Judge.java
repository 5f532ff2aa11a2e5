package dev.bongsu.detector.evaluate;

import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.scenario.Expectation;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.FleetService;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.model.scenario.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Judges the incident transitions of a replay against the scenario's expectations. */
final class Judge {
    private static final double DEFAULT_MAX_DELAY = 2;

    private Judge() {
    }

    static ScenarioResult judge(Scenario s, List<ScenarioResult.Timed> timed) {
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
        for (Expectation e : s.expectations()) {
            if (e.none()) {
                continue;
            }
            Incident raised = topLevel.stream()
                    .filter(i -> !used.contains(i.id()) && i.kind() == e.kind() && members(i).equals(Set.copyOf(e.members())))
                    .findFirst().orElse(null);
            Duration allowed = allowed(s, e);
            if (raised == null) {
                matches.add(new ScenarioResult.Match(e, null, null, allowed, null, null, 0));
                problems.add("expected " + e.describe() + ", not raised" + nearest(topLevel, e));
                continue;
            }
            used.add(raised.id());
            ScenarioResult.Match m = match(s, e, raised, allowed, timed, last, first);
            matches.add(m);
            problems.addAll(problems(s, m));
        }
        Set<String> reported = new HashSet<>();
        for (Expectation e : s.expectations()) {
            if (e.none()) {
                for (Incident i : topLevel) {
                    if (!used.contains(i.id()) && forbids(e, i) && reported.add(i.id())) {
                        problems.add("expected " + e.describe() + ", raised " + describe(i));
                    }
                }
            }
        }
        List<Incident> falseIncidents = s.labelled() ? topLevel.stream().filter(i -> !used.contains(i.id())).toList() : List.of();
        for (Incident f : falseIncidents) {
            if (!reported.contains(f.id())) {
                problems.add("false incident: " + describe(f));
            }
        }
        return new ScenarioResult(s, matches, falseIncidents, problems, timed);
    }

    private static ScenarioResult.Match match(Scenario s, Expectation e, Incident raised, Duration allowed,
            List<ScenarioResult.Timed> timed, Map<String, Incident> last, Map<String, Duration> first) {
        Duration detected = first.get(raised.id());
        for (Incident child : last.values()) {
            if (raised.id().equals(child.parentId()) && first.get(child.id()).compareTo(detected) < 0) {
                detected = first.get(child.id());
            }
        }
        Duration onset = onset(s, e);
        Duration delay = onset == null ? null : detected.minus(onset);
        Duration hypothesisAt = null;
        int revisions = 0;
        String previous = null;
        for (ScenarioResult.Timed t : timed) {
            Incident i = t.transition().incident();
            if (!i.id().equals(raised.id())) {
                continue;
            }
            String h = text(i.hypothesis());
            if (t.transition().type() == TransitionType.UPDATED && previous != null && !Objects.equals(previous, h)) {
                revisions++;
            }
            previous = h;
            if (e.hypothesis() != null && e.hypothesis().equals(h)) {
                hypothesisAt = hypothesisAt == null ? t.at() : hypothesisAt;
            } else {
                hypothesisAt = null;
            }
        }
        return new ScenarioResult.Match(e, raised, delay, allowed, text(raised.hypothesis()), hypothesisAt, revisions);
    }

    private static List<String> problems(Scenario s, ScenarioResult.Match m) {
        Expectation e = m.expected();
        String what = e.describe();
        List<String> out = new ArrayList<>();
        if (Boolean.FALSE.equals(m.hypothesisRight())) {
            out.add(what + ": final hypothesis " + m.hypothesis() + ", expected " + e.hypothesis());
        }
        if (m.delay() != null && m.delay().compareTo(m.allowed()) > 0) {
            out.add(what + ": detected after " + EvaluationReport.seconds(m.delay()) + ", allowed "
                    + EvaluationReport.seconds(m.allowed()));
        }
        if (e.hypothesisBy() != null && Boolean.TRUE.equals(m.hypothesisRight())
                && (m.hypothesisAt() == null || m.hypothesisAt().compareTo(e.hypothesisBy()) > 0)) {
            out.add(what + ": hypothesis " + e.hypothesis() + " from " + EvaluationReport.seconds(m.hypothesisAt())
                    + ", expected by " + EvaluationReport.seconds(e.hypothesisBy()));
        }
        if (e.revisions() != null && e.revisions() != m.revisions()) {
            out.add(what + ": hypothesis revised " + m.revisions() + " times, expected " + e.revisions());
        }
        if (m.raised().state() != e.state()) {
            out.add(what + ": " + m.raised().state().wireName() + " at the end, expected " + e.state().wireName());
        }
        return out;
    }

    private static String nearest(List<Incident> raised, Expectation e) {
        List<String> same = raised.stream().filter(i -> i.kind() == e.kind()).map(i -> members(i).toString()).toList();
        return same.isEmpty() ? "" : " (raised " + e.kind().wireName() + " " + String.join(", ", same) + ")";
    }

    private static boolean forbids(Expectation none, Incident i) {
        if (none.kind() != null && none.kind() != i.kind()) {
            return false;
        }
        List<String> about = none.services().isEmpty() ? none.vantages() : none.services();
        return about.isEmpty() || members(i).stream().anyMatch(about::contains);
    }

    private static String describe(Incident i) {
        return i.kind().wireName() + " " + members(i).stream().sorted().toList() + " (" + i.title().en() + ")";
    }

    private static String text(Hypothesis h) {
        return h == null ? null : h.attribute() + "=" + h.value();
    }

    private static Set<String> members(Incident i) {
        return Set.copyOf(i.kind() == IncidentKind.PROBE_FAULT ? i.vantages() : i.services());
    }

    /** The steps behind an expected incident: those hitting its services, or for a probe fault its vantages. */
    private static List<Step> concerned(Scenario s, Expectation e) {
        return s.steps().stream().filter(step -> {
            if (e.kind() == IncidentKind.PROBE_FAULT) {
                boolean vantageSide = step.fault().probeSide() || !step.target().vantages().isEmpty()
                        || step.target().everyService();
                return vantageSide && e.vantages().stream().anyMatch(step.target()::seenFrom);
            }
            // a probe-side fault (a silent or exhausted prober) is no onset of a service's failure
            return !step.fault().probeSide()
                    && s.fleet().select(step.target()).stream().map(FleetService::id).anyMatch(e.services()::contains);
        }).toList();
    }

    /** When the first step behind an expected incident starts, or {@code null}. */
    static Duration onset(Scenario s, Expectation e) {
        return concerned(s, e).stream().map(Step::at).min(Duration::compareTo).orElse(null);
    }

    /**
     * {@code maxDelay} intervals, plus the timeout when probes fail by timing out, plus any node lag. By default 2
     * intervals for what the detector confirms at once (a probe fault, or enough services failing together); a
     * service failing alone or with too few others is paged once its failing probes span its confirmation time (3
     * intervals by default), which its first failing probe starts up to one interval after the onset: 1.5 intervals
     * more than the confirmation.
     */
    private static Duration allowed(Scenario s, Expectation e) {
        DetectorConfig defaults = DetectorConfig.defaults();
        boolean atOnce = e.kind() == IncidentKind.PROBE_FAULT
                || (e.kind() == IncidentKind.CORRELATED && e.services().size() >= defaults.confirmTogether());
        double confirmIntervals = Math.max(3.0, 2.0 + (double) s.timeout().toMillis() / s.interval().toMillis());
        double intervals = e.maxDelay() != null ? e.maxDelay() : atOnce ? DEFAULT_MAX_DELAY : confirmIntervals + 1.5;
        Duration allowed = Duration.ofMillis(Math.round(s.interval().toMillis() * intervals));
        Duration extra = Duration.ZERO;
        for (Step step : concerned(s, e)) {
            Fault f = step.fault() instanceof Fault.Flap flap ? flap.downFault() : step.fault();
            if (f instanceof Fault.Hang
                    || (f instanceof Fault.Slow slow && slow.delay().compareTo(s.timeout()) >= 0)) {
                extra = max(extra, s.timeout());
            }
            if (f instanceof Fault.Overload o) {
                extra = max(extra, s.timeout().plus(o.lag().multipliedBy(2)));
            }
        }
        return allowed.plus(extra);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
