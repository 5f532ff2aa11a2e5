package dev.bongsu.app;

import dev.bongsu.detector.evaluate.EvaluationReport;
import dev.bongsu.detector.evaluate.ScenarioResult;
import dev.bongsu.detector.evaluate.ScenarioRunner;
import dev.bongsu.model.scenario.BuiltInScenarios;
import dev.bongsu.model.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bongsu evaluate}: replays labelled outage scenarios through the real detector in virtual time. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
            "Replay outage scenarios through the real detector in virtual time and check the incidents it raises:",
            "detection delay after onset (in probe intervals), final hypothesis and time to the correct one,",
            "hypothesis revisions, incidents raised against expected, false incidents.",
            "Without --scenario, runs every built-in scenario. Scenario files are the same as for 'bongsu simulate'.",
            "Exit 0 when all pass, 1 when any fails, 2 when a scenario file is invalid."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "a built-in scenario or a scenario file (YAML, see docs/SIMULATOR.md) to run instead of all "
                    + "the built-in ones; repeatable")
    private List<String> files = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "also print every incident transition of every scenario")
    private boolean verbose;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Scenario> scenarios = new ArrayList<>();
        if (files.isEmpty()) {
            scenarios.addAll(new BuiltInScenarios().all());
        } else {
            files.forEach(f -> scenarios.add(ScenarioArgument.resolve(f, null)));
        }
        ScenarioRunner runner = new ScenarioRunner();
        List<ScenarioResult> results = scenarios.stream().map(runner::run).toList();
        var out = spec.commandLine().getOut();
        EvaluationReport.lines(results, verbose).forEach(out::println);
        out.flush();
        return results.stream().allMatch(ScenarioResult::passed) ? 0 : 1;
    }
}
