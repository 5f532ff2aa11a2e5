package dev.bongsu.model.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A labelled outage scenario: a fleet seen from some vantages, a timeline of faults, and the incidents the detector
 * must raise. The simulator plays it live; the evaluator replays it in virtual time.
 *
 * @param name          short id, e.g. {@code dc-fire}
 * @param description   what happens, in a sentence or two
 * @param source        the file or resource it was read from
 * @param fleet         the services
 * @param interval      probe interval of every check
 * @param timeout       probe timeout of every check
 * @param duration      how long a replay runs
 * @param batchInterval longest a result waits on a probe node before its batch leaves
 * @param vantages      the vantages
 * @param steps         what goes wrong, in file order
 * @param expectations  what must be raised (and not); empty with {@code labelled} for "no incident at all"
 * @param labelled      whether the file says what to expect ({@code expect:}); a simulator-only file does not
 */
public record Scenario(String name, String description, String source, Fleet fleet, Duration interval,
                       Duration timeout, Duration duration, Duration batchInterval, List<String> vantages,
                       List<Step> steps, List<Expectation> expectations, boolean labelled) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(fleet, "fleet");
        vantages = List.copyOf(vantages);
        steps = List.copyOf(steps);
        expectations = List.copyOf(expectations);
    }

    /** Every step's begin and end, in the order a player applies them: by offset, ends before begins, then by step. */
    public List<ScenarioEvent> timeline() {
        List<ScenarioEvent> events = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            events.add(new ScenarioEvent(s.at(), ScenarioEvent.Kind.BEGIN, i, s));
            int index = i;
            s.end().ifPresent(end -> events.add(new ScenarioEvent(end, ScenarioEvent.Kind.END, index, s)));
        }
        events.sort(Comparator.comparing(ScenarioEvent::offset)
                .thenComparing(e -> e.kind() == ScenarioEvent.Kind.BEGIN)
                .thenComparingInt(ScenarioEvent::stepIndex));
        return events;
    }

    /** The offset of the last event: when the last fault with an end is cleared, or the last fault begins. */
    public Duration length() {
        List<ScenarioEvent> t = timeline();
        return t.isEmpty() ? Duration.ZERO : t.get(t.size() - 1).offset();
    }

    /** The service-side fault in force on each service at {@code offset}; a later step wins where they overlap. */
    public Map<String, Fault> faultsAt(Duration offset) {
        Map<String, Fault> out = new LinkedHashMap<>();
        Map<String, Duration> since = new LinkedHashMap<>();
        for (Step s : steps) {
            if (!s.activeAt(offset) || s.fault().probeSide()) {
                continue;
            }
            for (FleetService svc : fleet.select(s.target())) {
                Duration prev = since.get(svc.id());
                if (prev == null || s.at().compareTo(prev) >= 0) {
                    out.put(svc.id(), s.fault());
                    since.put(svc.id(), s.at());
                }
            }
        }
        return out;
    }

    /** This scenario with every offset, duration and flap phase multiplied by {@code factor} (0.01 runs 100× faster). */
    public Scenario scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("a scale factor is positive, not " + factor);
        }
        return new Scenario(name, description, source, fleet, interval, timeout,
                Duration.ofMillis(Math.max(1, Math.round(duration.toMillis() * factor))), batchInterval, vantages,
                steps.stream().map(s -> s.scaled(factor)).toList(), expectations, labelled);
    }
}
