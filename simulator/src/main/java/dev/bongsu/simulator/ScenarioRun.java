package dev.bongsu.simulator;

import dev.bongsu.model.scenario.Scenario;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.function.Supplier;

/** A scenario being played: when it started, when it is over, and how to stop it early. */
public final class ScenarioRun {
    private final Scenario scenario;
    private final Instant start;
    private final Future<Void> finished;
    private final Supplier<Future<Void>> stopper;

    ScenarioRun(Scenario scenario, Instant start, Future<Void> finished, Supplier<Future<Void>> stopper) {
        this.scenario = scenario;
        this.start = start;
        this.finished = finished;
        this.stopper = stopper;
    }

    /** The scenario. */
    public Scenario scenario() {
        return scenario;
    }

    /** The instant its offsets count from. */
    public Instant start() {
        return start;
    }

    /** Completes after the last step has been applied (or when stopped). */
    public Future<Void> finished() {
        return finished;
    }

    /** Cancels the steps still to come and clears the faults of the steps under way. */
    public Future<Void> stop() {
        return stopper.get();
    }
}
