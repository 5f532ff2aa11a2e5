package dev.bongsu.alerting.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The escalation clocks of open incidents, pure and driven by time given as input. An incident's clock starts at
 * its first notification; step {@code n} is due at that time plus its {@code after} while the incident is open and
 * not acknowledged. Each step comes out once; once an incident is seen acknowledged none of its steps comes out any
 * more. A clock is kept (so it is never started twice) until {@link #stop} (the incident resolved).
 *
 * @param <R> what a step names as receivers (the router's targets)
 */
public final class EscalationPlan<R> {
    /**
     * One step.
     *
     * @param number    1, 2, … in order of {@code after}
     * @param after     delay after the first notification
     * @param receivers who is told
     */
    public record Step<R>(int number, Duration after, List<R> receivers) {
        public Step {
            Objects.requireNonNull(after, "after");
            receivers = List.copyOf(receivers);
        }
    }

    /** A step due for an incident, with the time its clock started. */
    public record Due<R>(String incidentId, Step<R> step, Instant startedAt) {
        /** When the step became due. */
        public Instant dueAt() {
            return startedAt.plus(step.after());
        }
    }

    private final Map<String, Clock<R>> clocks = new LinkedHashMap<>();

    /**
     * Starts an incident's clock at {@code firstNotifiedAt}; nothing happens when it runs already or there are no
     * steps. Steps are numbered in order of {@code after}.
     */
    public void start(String incidentId, List<Step<R>> steps, Instant firstNotifiedAt) {
        if (steps.isEmpty() || clocks.containsKey(incidentId)) {
            return;
        }
        List<Step<R>> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(Step::after));
        clocks.put(incidentId, new Clock<>(sorted, firstNotifiedAt));
    }

    /** Whether an incident's clock was started and not stopped. */
    public boolean running(String incidentId) {
        return clocks.containsKey(incidentId);
    }

    /** Forgets an incident's clock (it resolved); its remaining steps are never due. */
    public void stop(String incidentId) {
        clocks.remove(incidentId);
    }

    /** When an incident's next step is due, if any. */
    public Optional<Instant> nextDue(String incidentId) {
        Clock<R> c = clocks.get(incidentId);
        return c == null || c.taken >= c.steps.size() ? Optional.empty() : Optional.of(c.startedAt.plus(c.steps.get(c.taken).after()));
    }

    /**
     * The steps due at {@code now}, each once, in order of due time; for incidents {@code acknowledged} says yes to,
     * none now or later.
     */
    public List<Due<R>> due(Predicate<String> acknowledged, Instant now) {
        List<Due<R>> out = new ArrayList<>();
        for (Map.Entry<String, Clock<R>> e : clocks.entrySet()) {
            Clock<R> c = e.getValue();
            if (c.taken >= c.steps.size()) {
                continue;
            }
            if (acknowledged.test(e.getKey())) {
                c.taken = c.steps.size();
                continue;
            }
            while (c.taken < c.steps.size() && !now.isBefore(c.startedAt.plus(c.steps.get(c.taken).after()))) {
                out.add(new Due<>(e.getKey(), c.steps.get(c.taken), c.startedAt));
                c.taken++;
            }
        }
        out.sort(Comparator.comparing((Due<R> d) -> d.dueAt()).thenComparing(Due::incidentId));
        return out;
    }

    private static final class Clock<R> {
        final List<Step<R>> steps;
        final Instant startedAt;
        int taken;

        Clock(List<Step<R>> steps, Instant startedAt) {
            this.steps = steps;
            this.startedAt = startedAt;
        }
    }
}
