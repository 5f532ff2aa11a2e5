package dev.bongsu.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named timeline of faults. Offsets are data: {@link #scaled} shrinks a scenario for a test, {@link #timeline}
 * and {@link #faultsAt} let a replay in virtual time ask what is broken when.
 *
 * @param name        the scenario's name, e.g. {@code dc-fire}
 * @param description what it simulates, in a sentence or two
 * @param steps       the steps, in file order
 */
public record Scenario(String name, String description, List<ScenarioStep> steps) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one step");
        }
    }

    /** A built-in scenario by name ({@link Scenarios#builtInNames()}), checked against the default fleet. */
    public static Scenario builtIn(String name) {
        return Scenarios.builtIn(name);
    }

    /** Reads a scenario file and checks its targets against {@code fleet}. */
    public static Scenario load(Path file, Fleet fleet) {
        return Scenarios.load(file, fleet);
    }

    /** Every step's begin and end, in the order a player applies them: by offset, ends before begins, then by step. */
    public List<ScenarioEvent> timeline() {
        List<ScenarioEvent> events = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ScenarioStep s = steps.get(i);
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
        return t.get(t.size() - 1).offset();
    }

    /** The fault in force on each service of {@code fleet} at {@code offset}; a later step wins where they overlap. */
    public Map<String, Fault> faultsAt(Fleet fleet, Duration offset) {
        Map<String, Fault> out = new LinkedHashMap<>();
        Map<String, Duration> since = new LinkedHashMap<>();
        for (ScenarioStep s : steps) {
            if (!s.activeAt(offset)) {
                continue;
            }
            for (SimulatedService svc : fleet.select(s.target())) {
                Duration prev = since.get(svc.id());
                if (prev == null || s.at().compareTo(prev) >= 0) {
                    out.put(svc.id(), s.fault());
                    since.put(svc.id(), s.at());
                }
            }
        }
        return out;
    }

    /** This scenario with every offset, duration and flap period multiplied by {@code factor} (0.01 runs 100× faster). */
    public Scenario scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("a scale factor is positive, not " + factor);
        }
        return new Scenario(name, description, steps.stream().map(s -> s.scaled(factor)).toList());
    }
}
