package dev.bongsu.simulator;

import dev.bongsu.model.scenario.ScenarioEvent;
import java.util.List;

/**
 * What a scenario player just did: a step began (its fault is in force) or ended (its fault is cleared).
 *
 * @param scenario the scenario's name
 * @param event    the step's begin or end
 * @param services the ids of the services it changed
 * @param error    why applying it failed, or {@code null}
 * @param skipped  why the step was not played live, or {@code null}
 */
public record StepReport(String scenario, ScenarioEvent event, List<String> services, String error, String skipped) {

    public StepReport {
        services = List.copyOf(services);
    }

    /** A step that was applied (or failed with {@code error}). */
    public StepReport(String scenario, ScenarioEvent event, List<String> services, String error) {
        this(scenario, event, services, error, null);
    }

    /** A step the live simulator cannot play, and why. */
    public static StepReport skipped(String scenario, ScenarioEvent event, String why) {
        return new StepReport(scenario, event, List.of(), null, why);
    }

    /** A line such as {@code scenario dc-fire: kakao services in pangyo refuse connections for 1m}. */
    public String line() {
        String line = "scenario " + scenario + ": " + event.describe();
        if (skipped != null) {
            return line + " (not played live: " + skipped + ")";
        }
        return error == null ? line : line + " (failed: " + error + ")";
    }
}
