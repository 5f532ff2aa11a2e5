package dev.bongsu.app;

import dev.bongsu.detector.evaluate.EvaluationReport;
import dev.bongsu.detector.evaluate.Scenario;
import dev.bongsu.detector.evaluate.ScenarioReader;
import dev.bongsu.detector.evaluate.ScenarioResult;
import dev.bongsu.detector.evaluate.ScenarioRunner;
import dev.bongsu.model.config.ConfigException;
import java.nio.file.Path;
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
            "detection delay after onset, incidents raised against expected, top hypothesis, false incidents.",
            "Without --scenario, runs every built-in scenario. Exit 0 when all pass, 1 when any fails,",
            "2 when a scenario file is invalid."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "FILE",
            description = "a scenario file (YAML, see docs/DETECTION.md) to run instead of the built-in ones; repeatable")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "also print every incident transition of every scenario")
    private boolean verbose;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ScenarioReader reader = new ScenarioReader();
        List<Scenario> scenarios = new ArrayList<>();
        try {
            if (files.isEmpty()) {
                scenarios.addAll(reader.builtIn());
            } else {
                files.forEach(f -> scenarios.add(reader.read(f)));
            }
        } catch (ConfigException e) {
            throw new UserException("invalid scenario: " + e.getMessage(), Main.EXIT_CONFIG);
        }
        ScenarioRunner runner = new ScenarioRunner();
        List<ScenarioResult> results = scenarios.stream().map(runner::run).toList();
        var out = spec.commandLine().getOut();
        EvaluationReport.lines(results, verbose).forEach(out::println);
        out.flush();
        return results.stream().allMatch(ScenarioResult::passed) ? 0 : 1;
    }
}
