package dev.bongsu.simulator;

/** Told about every step a scenario player applies, after it is in force. */
@FunctionalInterface
public interface ScenarioListener {
    /** A step began or ended. */
    void onStep(StepReport report);
}
