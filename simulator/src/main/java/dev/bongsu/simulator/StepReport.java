package dev.bongsu.simulator;

import java.util.List;

/**
 * What a scenario player just did: a step began (its fault is in force) or ended (its fault is cleared).
 *
 * @param scenario the scenario's name
 * @param event    the step's begin or end
 * @param services the ids of the services it changed
 * @param error    why applying it failed, or {@code null}
 */
public record StepReport(String scenario, ScenarioEvent event, List<String> services, String error) {

    public StepReport {
        services = List.copyOf(services);
    }

    /** A line such as {@code scenario dc-fire: kakao services in pangyo refuse connections for 1m}. */
    public String line() {
        String line = "scenario " + scenario + ": " + event.describe();
        return error == null ? line : line + " (failed: " + error + ")";
    }
}
