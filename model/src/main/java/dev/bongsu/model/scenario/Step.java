package dev.bongsu.model.scenario;

import dev.bongsu.model.config.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a scenario: from {@code at} after the start, for {@code duration} (or to the end), the target
 * suffers {@code fault}.
 *
 * @param at       offset from the scenario's start
 * @param duration how long the fault lasts, or {@code null} for the rest of the run
 * @param target   which services, seen from which vantages (for a probe-side fault: which vantages)
 * @param fault    what goes wrong
 */
public record Step(Duration at, Duration duration, Target target, Fault fault) {

    public Step {
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

    /**
     * The fault a probe of {@code service} from {@code vantage} started at {@code offset} meets from this step (a
     * flap resolved to its down fault or to nothing), or {@code null}.
     */
    public Fault faultFor(FleetService service, String vantage, Duration offset) {
        if (!activeAt(offset) || !target.seenFrom(vantage) || !target.matches(service)) {
            return null;
        }
        if (fault instanceof Fault.Flap flap) {
            return flap.downAt(offset.minus(at)) ? flap.downFault() : null;
        }
        return fault;
    }

    /** A sentence such as {@code kakao services in pangyo refuse connections for 1m}. */
    public String describe() {
        String subject = fault.probeSide() ? "the probers of " + vantagesPhrase() : target.describe();
        boolean single = fault.probeSide() ? target.vantages().size() == 1 : target.isSingle();
        return subject + " " + fault.describe(single)
                + (duration == null ? " until the end" : " for " + Durations.format(duration));
    }

    /** A sentence for the step's end, such as {@code kakao services in pangyo are back}. */
    public String describeEnd() {
        if (fault.probeSide()) {
            return "the probers of " + vantagesPhrase() + (target.vantages().size() == 1 ? " is" : " are") + " back";
        }
        return target.describe() + (target.isSingle() ? " is back" : " are back");
    }

    private String vantagesPhrase() {
        return target.vantages().isEmpty() ? "every vantage" : String.join(", ", target.vantages());
    }

    /** This step with its offset, duration and the fault's own timing multiplied by {@code factor}. */
    public Step scaled(double factor) {
        return new Step(Duration.ofMillis(Math.round(at.toMillis() * factor)),
                duration == null ? null : Duration.ofMillis(Math.max(1, Math.round(duration.toMillis() * factor))),
                target, fault.scaled(factor));
    }
}
