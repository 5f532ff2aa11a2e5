package dev.bongsu.simulator;

import dev.bongsu.model.config.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a scenario: from {@code at} after the start, for {@code duration} (or to the end), the target's
 * services suffer {@code fault}.
 *
 * @param at       offset from the scenario's start
 * @param duration how long the fault lasts, or {@code null} for the rest of the run
 * @param target   which services
 * @param fault    what goes wrong
 */
public record ScenarioStep(Duration at, Duration duration, FaultTarget target, Fault fault) {

    public ScenarioStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(fault, "fault");
        if (at.isNegative()) {
            throw new IllegalArgumentException("a step cannot start before the scenario: " + at);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("a step lasts a positive time, not " + duration);
        }
    }

    /** The offset at which the fault is cleared, when it is. */
    public Optional<Duration> end() {
        return duration == null ? Optional.empty() : Optional.of(at.plus(duration));
    }

    /** Whether the fault is in force at {@code offset} (from its start, inclusive, to its end, exclusive). */
    public boolean activeAt(Duration offset) {
        return offset.compareTo(at) >= 0 && (duration == null || offset.compareTo(at.plus(duration)) < 0);
    }

    /** A sentence such as {@code kakao services in pangyo refuse connections for 1m}. */
    public String describe() {
        return target.describe() + " " + fault.describe(target.isSingle())
                + (duration == null ? " until the end" : " for " + Durations.format(duration));
    }

    /** A sentence for the step's end, such as {@code kakao services in pangyo are back}. */
    public String describeEnd() {
        return target.describe() + (target.isSingle() ? " is back" : " are back");
    }

    /** This step with its offset, duration and the fault's own timing multiplied by {@code factor}. */
    public ScenarioStep scaled(double factor) {
        return new ScenarioStep(scale(at, factor), duration == null ? null : scaleAtLeast1ms(duration, factor),
                target, fault.scaled(factor));
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    private static Duration scaleAtLeast1ms(Duration d, double factor) {
        return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() * factor)));
    }
}
