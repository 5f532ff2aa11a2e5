package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.CheckType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code type: heartbeat} checks as read from YAML: defaults, the token from the environment, and every refusal. */
class HeartbeatCheckConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("BACKUP_PUSH_TOKEN", "0123456789abcdef-push"));

    private static Path fixture(String name) {
        try {
            return Path.of(HeartbeatCheckConfigTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private CheckConfig only(String checkYaml) {
        BongsuConfig cfg = loader.parse("inline.yaml", """
                services:
                  - id: backup
                    name: Backup
                    provider: ops
                    category: jobs
                    checks:
                """ + checkYaml.indent(6));
        assertThat(cfg.checks()).hasSize(1);
        return cfg.checks().get(0);
    }

    @Test
    void aHeartbeatCheckTakesItsPeriodAsIntervalAndGraceAsTimeoutAndFailsOnTheFirstMiss() {
        CheckConfig c = only("""
                - type: heartbeat
                  name: nightly
                  period: 1h
                  grace: 10m
                  token: ${BACKUP_PUSH_TOKEN}
                """);

        assertThat(c.id()).isEqualTo("backup.nightly");
        assertThat(c.type()).isEqualTo(CheckType.HEARTBEAT);
        assertThat(c.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.target()).isEqualTo(new HeartbeatTarget(Duration.ofHours(1), Duration.ofMinutes(10), "0123456789abcdef-push"));
        assertThat(c.target().toString()).doesNotContain("0123456789abcdef-push");
        assertThat(c.thresholds()).isEqualTo(new Thresholds(1, 1));
    }

    @Test
    void graceDefaultsToHalfThePeriodAndTheNameToHeartbeat() {
        CheckConfig c = only("""
                - type: heartbeat
                  period: 5m
                """);

        assertThat(c.id()).isEqualTo("backup.heartbeat");
        assertThat(((HeartbeatTarget) c.target()).grace()).isEqualTo(Duration.ofSeconds(150));
        assertThat(((HeartbeatTarget) c.target()).token()).isNull();
    }

    @Test
    void thresholdsSetInTheFileWin() {
        CheckConfig c = only("""
                - type: heartbeat
                  period: 1m
                  thresholds: {failuresToDown: 3}
                """);

        assertThat(c.thresholds()).isEqualTo(new Thresholds(3, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-heartbeat-key.yaml          | bad-heartbeat-key.yaml:9: services[0].checks[0].interval: unknown key; expected one of name, type, critical, thresholds, period, grace, token
            bad-heartbeat-no-period.yaml    | bad-heartbeat-no-period.yaml:7: services[0].checks[0].period: required key is missing
            bad-heartbeat-token.yaml        | bad-heartbeat-token.yaml:9: services[0].checks[0].token: expected a token of at least 16 characters (value not shown)
            bad-heartbeat-token-spaces.yaml | bad-heartbeat-token-spaces.yaml:9: services[0].checks[0].token: expected a token of printable ASCII characters without spaces (it is sent in a header or a URL) (value not shown)
            """)
    void refusesABadHeartbeatCheckNamingFileLineAndKey(String file, String message) {
        assertThatThrownBy(() -> loader.load(fixture(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(message)
                .hasMessageNotContaining("short-secret");
    }
}
