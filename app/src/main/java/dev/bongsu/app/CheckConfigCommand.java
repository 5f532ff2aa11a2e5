package dev.bongsu.app;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bongsu check-config FILE}: the same validation as start-up, nothing started. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate a configuration file; exit 0 when valid, 2 with the file, line and key when not.")
final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the YAML configuration to check")
    private Path file;

    @Option(names = "--list-vantages", description = "print the vantage names, one a line, and nothing else")
    private boolean listVantages;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BongsuConfig cfg = ConfigLoader.fromSystemEnvironment().load(file);
        var out = spec.commandLine().getOut();
        if (listVantages) {
            cfg.vantageNames().forEach(out::println);
            return 0;
        }
        out.printf("%s: valid: %d services, %d checks, %d vantages (%s), time series in %s%n",
                file, cfg.services().size(), cfg.checks().size(), cfg.vantages().size(),
                String.join(", ", cfg.vantageNames()), cfg.storage().usesInflux() ? "InfluxDB" : "SQLite");
        return 0;
    }
}
