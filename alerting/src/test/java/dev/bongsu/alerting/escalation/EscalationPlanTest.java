package dev.bongsu.alerting.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationPlanTest {
    private static final Instant T0 = Instant.parse("2026-10-15T06:33:00Z");
    private static final List<EscalationPlan.Step<String>> STEPS = List.of(
            new EscalationPlan.Step<>(1, Duration.ofMinutes(10), List.of("second-oncall")),
            new EscalationPlan.Step<>(2, Duration.ofMinutes(30), List.of("manager")));

    private final Set<String> acked = new HashSet<>();

    private List<String> due(EscalationPlan<String> plan, Instant now) {
        return plan.due(acked::contains, now).stream().map(d -> d.incidentId() + "#" + d.step().number()).toList();
    }

    @Test
    void eachStepIsDueOnceAtItsDelayAfterTheFirstNotification() {
        EscalationPlan<String> plan = new EscalationPlan<>();
        plan.start("A", STEPS, T0);

        assertThat(due(plan, T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isEmpty();
        assertThat(plan.nextDue("A")).contains(T0.plus(Duration.ofMinutes(10)));
        assertThat(due(plan, T0.plus(Duration.ofMinutes(10)))).containsExactly("A#1");
        assertThat(due(plan, T0.plus(Duration.ofMinutes(11)))).isEmpty();
        assertThat(due(plan, T0.plus(Duration.ofMinutes(30)))).containsExactly("A#2");
        assertThat(due(plan, T0.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(plan.nextDue("A")).isEmpty();
    }

    @Test
    void aLateLookTakesEveryPassedStepInOrder() {
        EscalationPlan<String> plan = new EscalationPlan<>();
        plan.start("A", List.of(STEPS.get(1), STEPS.get(0)), T0);

        List<EscalationPlan.Due<String>> late = plan.due(acked::contains, T0.plus(Duration.ofHours(1)));

        assertThat(late).extracting(d -> d.step().number()).containsExactly(1, 2);
        assertThat(late).extracting(EscalationPlan.Due::dueAt).containsExactly(T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void anAcknowledgedIncidentTakesNoFurtherStepEvenWhenAcknowledgedLate() {
        EscalationPlan<String> plan = new EscalationPlan<>();
        plan.start("A", STEPS, T0);
        plan.start("B", STEPS, T0.plus(Duration.ofMinutes(1)));
        assertThat(due(plan, T0.plus(Duration.ofMinutes(10)))).containsExactly("A#1");

        acked.add("A");
        assertThat(due(plan, T0.plus(Duration.ofMinutes(11)))).containsExactly("B#1");
        assertThat(due(plan, T0.plus(Duration.ofHours(2)))).containsExactly("B#2");
        assertThat(plan.nextDue("A")).isEmpty();
    }

    @Test
    void aClockStartsOnceAndStopsWhenTheIncidentResolves() {
        EscalationPlan<String> plan = new EscalationPlan<>();
        plan.start("A", STEPS, T0);
        plan.start("A", STEPS, T0.plus(Duration.ofMinutes(9)));
        assertThat(due(plan, T0.plus(Duration.ofMinutes(10)))).containsExactly("A#1");

        plan.stop("A");
        assertThat(plan.running("A")).isFalse();
        assertThat(due(plan, T0.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void noStepsNoClock() {
        EscalationPlan<String> plan = new EscalationPlan<>();
        plan.start("A", List.of(), T0);
        assertThat(plan.running("A")).isFalse();
        assertThat(due(plan, T0.plus(Duration.ofDays(1)))).isEmpty();
    }
}
