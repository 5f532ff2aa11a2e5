package dev.bongsu.app;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.diff.ConfigDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bongsu check-config FILE}: the same validation as start-up, nothing started. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {
            "Validate a configuration file; exit 0 when valid, 2 with the file, line and key when not.",
            "With --diff OLD NEW: validate both and print what reloading from OLD to NEW would change, one line each "
                    + "('+' added, '-' removed, '~' changed, '!' needs a restart: a reload would refuse the file)."
        })
final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "the YAML configuration to check")
    private Path file;

    @Option(names = "--diff", arity = "2", paramLabel = "FILE",
            description = "OLD NEW: print what a reload from OLD to NEW would change")
    private java.util.List<Path> diff;

    @Option(names = "--list-vantages", description = "print the vantage names, one a line, and nothing else")
    private boolean listVantages;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (diff != null) {
            return printDiff(diff.get(0), diff.get(1));
        }
        if (file == null) {
            throw new UserException("expected a FILE to check, or --diff OLD NEW", Main.EXIT_CONFIG);
        }
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

    /** Validates both files, then prints one line per change, or that nothing would change. */
    private int printDiff(Path before, Path after) {
        ConfigLoader loader = ConfigLoader.fromSystemEnvironment();
        BongsuConfig old = loader.load(before);
        BongsuConfig next = loader.load(after);
        ConfigDiff changes = ConfigDiff.between(old, next);
        var out = spec.commandLine().getOut();
        if (changes.isEmpty()) {
            out.println("no change: a reload from " + before + " to " + after + " would change nothing");
            return 0;
        }
        changes.lines().forEach(out::println);
        return 0;
    }
}
