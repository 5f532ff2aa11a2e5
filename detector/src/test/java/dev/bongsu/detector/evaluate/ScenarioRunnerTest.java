package dev.bongsu.detector.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {
    private final ScenarioRunner runner = new ScenarioRunner();

    @Test
    void everyBuiltInScenarioPasses() {
        List<Scenario> scenarios = new ScenarioReader().builtIn();
        List<ScenarioResult> results = scenarios.stream().map(runner::run).toList();
        List<String> report = EvaluationReport.lines(results, true);
        report.forEach(System.out::println);
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10);
        assertThat(report.get(report.size() - 1)).isEqualTo(scenarios.size() + " passed, 0 failed");
    }
}
