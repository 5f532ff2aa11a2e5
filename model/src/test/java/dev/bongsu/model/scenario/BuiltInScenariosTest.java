package dev.bongsu.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.IncidentKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltInScenariosTest {
    private final BuiltInScenarios builtIn = new BuiltInScenarios();

    @Test
    void thereAreAtLeastThirtyLabelledBuiltInScenariosAndEveryOneLoads() {
        List<Scenario> all = builtIn.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).extracting(Scenario::name).doesNotHaveDuplicates().containsExactlyElementsOf(builtIn.names());
        assertThat(all).allSatisfy(s -> {
            assertThat(s.description()).as(s.name()).isNotBlank();
            assertThat(s.labelled()).as(s.name() + " says what to expect").isTrue();
            assertThat(s.steps()).as(s.name()).isNotEmpty();
            assertThat(s.length()).as(s.name() + " ends within its duration").isLessThanOrEqualTo(s.duration());
        });
    }

    @Test
    void theLibraryCoversEveryIntervalAndEveryKindOfFault() {
        List<Scenario> all = builtIn.all();
        Set<Long> intervals = new HashSet<>();
        Set<String> faults = new HashSet<>();
        all.forEach(s -> intervals.add(s.interval().toSeconds()));
        all.forEach(s -> s.steps().forEach(st -> faults.add(st.fault().keyword())));

        assertThat(intervals).contains(1L, 5L, 15L, 60L);
        assertThat(faults).contains("refuse", "hang", "error", "slow", "flap", "silent", "overload", "exhausted");
        assertThat(all).anySatisfy(s -> assertThat(s.fleet().services()).hasSizeGreaterThanOrEqualTo(500));
        assertThat(all).anySatisfy(s -> assertThat(s.expectations()).anyMatch(Expectation::none));
        assertThat(all).anySatisfy(s -> assertThat(s.expectations()).anyMatch(e -> e.revisions() != null && e.revisions() > 0));
        assertThat(all).anySatisfy(s -> assertThat(s.expectations()).anyMatch(e -> e.kind() == IncidentKind.PROBE_FAULT));
    }

    @Test
    void theOldSimulatorAndEvaluatorNamesStillResolve() {
        assertThat(builtIn.names()).contains("dc-fire", "dc-outage", "login-failure", "brownout", "flap", "single-outage",
                "dc-fire-timeout", "staggered-recovery", "blip", "single-service-outage", "datacenter-outage",
                "shared-dependency", "vantage-network-loss", "latency-brownout", "one-probe-blip", "flapping-service",
                "timeout-outage", "probe-dies", "every-vantage-fails");
    }
}
