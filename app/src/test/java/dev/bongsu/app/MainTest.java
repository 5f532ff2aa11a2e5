package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line: help everywhere, exit statuses, one-line errors. */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "run", "simulate", "check-config", "evaluate", "probe", "server", "silence"})
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: bongsu " + command);
    }

    @Test
    void theRootCommandListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "run", "simulate", "check-config", "evaluate", "probe", "server", "silence");
    }

    @Test
    void anInvalidConfigurationExitsWithStatusTwoAndALocatedMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "services:\n  - id: Bad Id\n    name: x\n    provider: p\n    category: c\n    checks: []\n");
        assertThat(run("check-config", file.toString())).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).startsWith("bongsu: invalid configuration: " + file + ":2: services[0].id:")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void theExampleConfigurationIsValid() {
        assertThat(run("check-config", Path.of("..", "examples", "bongsu.yaml").toString())).isZero();
        assertThat(out.toString()).contains("valid");
    }

    @Test
    void aMissingConfigurationFileIsAOneLineError() {
        assertThat(run("run", "--config", "/nonexistent/bongsu.yaml")).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).contains("/nonexistent/bongsu.yaml").doesNotContain("\tat ");
    }

    @Test
    void aBadOptionValueSaysWhatWasWrong() {
        assertThat(run("demo", "--http-port", "70000")).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).contains("--http-port").contains("70000");
    }
}
