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

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aPassingScenarioFileExitsZeroWithTheSummaryLine() throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                name: mine
                duration: 4m
                fleet: default
                faults: [{services: [kakaotalk], kind: refuse, at: 1m, for: 1m}]
                expect: [{kind: service, services: [kakaotalk], hypothesis: service=kakaotalk}]
                """);
        assertThat(run("evaluate", "--scenario", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("mine").contains("PASS").endsWith("1 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void aFailingScenarioExitsOneAndSaysWhy() throws Exception {
        Path file = dir.resolve("wrong.yaml");
        Files.writeString(file, """
                name: wrong
                duration: 4m
                fleet: default
                faults: [{services: [kakaotalk], kind: refuse, at: 1m, for: 1m}]
                expect: none
                """);
        assertThat(run("evaluate", "--scenario", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL").contains("false incident: service [kakaotalk]")
                .endsWith("0 passed, 1 failed" + System.lineSeparator());
    }

    @Test
    void aMalformedScenarioIsALocatedErrorWithStatusTwo() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nduration: 4m\nfleet: default\nexpect: nothing\n");
        assertThat(run("evaluate", "--scenario", file.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("bongsu: invalid scenario: " + file + ":4: expect: expected one of none, found 'nothing'"
                + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "simulate", "demo"})
    void everyCommandTakingAScenarioSaysTheSameAboutABadOne(String command) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nsteps:\n  - {at: 10s, for: 5s, target: {services: [nope]}, fault: refuse}\n");
        assertThat(run(command, "--scenario", file.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("bongsu: invalid scenario: " + file + ":3: steps[0].target.services[0]: unknown service 'nope'");
    }

    @Test
    void aBuiltInScenarioRunsByName() {
        assertThat(run("evaluate", "--scenario", "dc-fire")).isEqualTo(0);
        assertThat(out.toString()).contains("dc-fire", "PASS", "provider=kakao right").endsWith("1 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void aSimulatorScenarioFileIsReplayedAndItsIncidentsListed() throws Exception {
        Path file = dir.resolve("live.yaml");
        Files.writeString(file, """
                steps:
                  - {at: 20s, for: 60s, target: {provider: kakao, datacenter: pangyo}, fault: refuse}
                """);
        assertThat(run("evaluate", "--scenario", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("live", "RAN", "opened", "correlated").endsWith("1 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void hasHelp() {
        assertThat(run("evaluate", "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("--scenario=NAME|FILE").contains("--verbose");
    }
}
