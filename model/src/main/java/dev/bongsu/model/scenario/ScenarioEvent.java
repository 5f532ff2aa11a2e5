package dev.bongsu.model.scenario;

import java.time.Duration;

/**
 * A moment of a scenario's timeline: a step beginning or ending.
 *
 * @param offset    when, from the scenario's start
 * @param kind      begin or end
 * @param stepIndex the step's position in the scenario (0-based)
 * @param step      the step
 */
public record ScenarioEvent(Duration offset, Kind kind, int stepIndex, Step step) {
    /** Whether a step begins (its fault is applied) or ends (its fault is cleared). */
    public enum Kind { BEGIN, END }

    /** A sentence such as {@code kakao services in pangyo refuse connections for 1m}. */
    public String describe() {
        return kind == Kind.BEGIN ? step.describe() : step.describeEnd();
    }
}
