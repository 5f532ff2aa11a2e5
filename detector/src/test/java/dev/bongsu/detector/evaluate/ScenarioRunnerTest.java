package dev.bongsu.detector.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.scenario.BuiltInScenarios;
import dev.bongsu.model.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
    private final ScenarioRunner runner = new ScenarioRunner();

    @Test
    void everyBuiltInScenarioPasses() {
        List<Scenario> scenarios = new BuiltInScenarios().all();
        List<ScenarioResult> results = scenarios.stream().map(runner::run).toList();
        List<String> report = EvaluationReport.lines(results, false);
        report.forEach(System.out::println);

        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(30);
        assertThat(results.stream().filter(r -> !r.passed()).map(r -> r.scenario().name() + ": " + r.problems()))
                .as("failing scenarios").isEmpty();
        assertThat(report.get(report.size() - 1)).isEqualTo(scenarios.size() + " passed, 0 failed");
    }
}
