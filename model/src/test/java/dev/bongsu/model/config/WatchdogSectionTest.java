package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The top-level {@code watchdog} section: defaults, secrets from the environment, and every refusal. */
class WatchdogSectionTest {
    private static final String SERVICES = """
            services:
              - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;
    private final ConfigLoader loader = new ConfigLoader(Map.of("DMS_SECRET", "watchdog-signing-secret"));

    private static Path fixture(String name) {
        try {
            return Path.of(WatchdogSectionTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void absentMeansNoWatchdog() {
        assertThat(loader.parse("inline.yaml", SERVICES).ops().watchdog()).isNull();
    }

    @Test
    void readsEverySettingAndHidesUrlAndSecretInItsText() {
        WatchdogConfig w = loader.parse("inline.yaml", SERVICES + """
                watchdog:
                  url: https://hc-ping.example.com/8f0c2b5e-secret
                  secret: ${DMS_SECRET}
                  every: 1m
                  timeout: 5s
                """).ops().watchdog();

        assertThat(w).isEqualTo(new WatchdogConfig("https://hc-ping.example.com/8f0c2b5e-secret", "watchdog-signing-secret",
                Duration.ofMinutes(1), Duration.ofSeconds(5)));
        assertThat(w.toString()).doesNotContain("8f0c2b5e", "watchdog-signing-secret");
    }

    @Test
    void defaultsToEveryThirtySecondsWithinTenAndNeverATimeoutLongerThanThePeriod() {
        WatchdogConfig w = loader.parse("inline.yaml", SERVICES + "watchdog: {url: 'http://127.0.0.1:9/alive'}\n").ops().watchdog();
        WatchdogConfig quick = loader.parse("inline.yaml", SERVICES + "watchdog: {url: 'http://127.0.0.1:9/alive', every: 3s}\n")
                .ops().watchdog();

        assertThat(w.every()).isEqualTo(Duration.ofSeconds(30));
        assertThat(w.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(w.secret()).isNull();
        assertThat(quick.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-watchdog-url.yaml     | bad-watchdog-url.yaml:11: watchdog.url: expected an absolute http:// or https:// URL (value not shown)
            bad-watchdog-no-url.yaml  | bad-watchdog-no-url.yaml:11: watchdog.url: required key is missing
            bad-watchdog-key.yaml     | bad-watchdog-key.yaml:12: watchdog.interval: unknown key; expected one of url, secret, every, timeout
            bad-watchdog-timeout.yaml | bad-watchdog-timeout.yaml:13: watchdog.timeout: expected at most watchdog.every (20s), found 30s: a call must end before the next one is due
            """)
    void refusesABadSectionNamingFileLineAndKey(String file, String message) {
        assertThatThrownBy(() -> loader.load(fixture(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(message)
                .hasMessageNotContaining("secret-id");
    }
}
