package dev.bongsu.detector.evaluate;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.scenario.Expectation;
import dev.bongsu.model.scenario.Scenario;
import java.time.Duration;
import java.util.List;

/**
 * What replaying one scenario through the detector gave.
 *
 * @param scenario       the scenario
 * @param matches        one per expected incident (not per {@code none} expectation), in the scenario's order
 * @param falseIncidents top-level incidents raised that no expectation asked for
 * @param problems       why the scenario failed; empty when it passed
 * @param transitions    every incident transition, in order, with its virtual time
 */
public record ScenarioResult(Scenario scenario, List<Match> matches, List<Incident> falseIncidents,
                             List<String> problems, List<Timed> transitions) {
    public ScenarioResult {
        matches = List.copyOf(matches);
        falseIncidents = List.copyOf(falseIncidents);
        problems = List.copyOf(problems);
        transitions = List.copyOf(transitions);
    }

    /**
     * One expected incident and what was raised for it.
     *
     * @param expected     the expectation
     * @param raised       the incident matched to it as it stood at the end, or {@code null}
     * @param delay        from the onset of its faults to its first transition, or {@code null}
     * @param allowed      the longest detection delay allowed
     * @param hypothesis   the final top hypothesis as {@code attribute=value}, or {@code null}
     * @param hypothesisAt when (from the start) the expected hypothesis first held and kept holding, or {@code null}
     * @param revisions    how many updates changed the hypothesis's attribute or value
     */
    public record Match(Expectation expected, Incident raised, Duration delay, Duration allowed, String hypothesis,
                        Duration hypothesisAt, int revisions) {
        /** Whether the hypothesis was checked and right ({@code null} when not checked). */
        public Boolean hypothesisRight() {
            return expected.hypothesis() == null ? null : expected.hypothesis().equals(hypothesis);
        }
    }

    /** A transition and when, from the start of the scenario, it happened. */
    public record Timed(Duration at, IncidentTransition transition) {
    }

    /** Whether every expectation was met and nothing else was raised. */
    public boolean passed() {
        return problems.isEmpty();
    }

    /** The slowest detection of the scenario, or {@code null} when nothing was detected. */
    public Duration slowestDetection() {
        return matches.stream().map(Match::delay).filter(d -> d != null).max(Duration::compareTo).orElse(null);
    }
}
