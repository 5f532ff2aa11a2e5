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

class HttpSectionTest {
    private static final String SERVICES = """
            services:
              - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private static Path fixture(String name) {
        try {
            return Path.of(HttpSectionTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void defaultsDeriveTheCapFromTheDescriptorLimitAndKeepMetricsBehindTheAdminToken() {
        HttpConfig http = loader.parse("d.yaml", SERVICES).http();

        assertThat(http.limits()).isEqualTo(new ConnectionLimits(0, 64, Duration.ofSeconds(10), Duration.ofSeconds(5)));
        assertThat(http.limits().automaticCap()).isTrue();
        assertThat(http.metrics().ownListener()).isFalse();
    }

    @Test
    void limitsAndTheMetricsListenerAreRead() {
        HttpConfig http = loader.parse("l.yaml", """
                http:
                  port: 8080
                  maxConnections: 4000
                  maxConnectionsPerClient: 0
                  requestHeadTimeout: 5s
                  keepAliveTimeout: 2s
                metrics:
                  host: 10.0.0.5
                  port: 9464
                """ + SERVICES).http();

        assertThat(http.limits()).isEqualTo(new ConnectionLimits(4000, 0, Duration.ofSeconds(5), Duration.ofSeconds(2)));
        assertThat(http.metrics()).isEqualTo(new MetricsConfig("10.0.0.5", 9464));
        assertThat(http.metrics().ownListener()).isTrue();
        assertThat(http.withPort(0).limits()).isEqualTo(http.limits());
    }

    @Test
    void autoIsTheDerivedCap() {
        HttpConfig http = loader.parse("a.yaml", "http: {maxConnections: auto}\n" + SERVICES).http();

        assertThat(http.limits().automaticCap()).isTrue();
    }

    @Test
    void anEmptyTokenDisablesTheAdminApi() {
        assertThat(loader.parse("e.yaml", "admin: {token: \"\"}\n" + SERVICES).admin().token()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-http-max-connections.yaml | bad-http-max-connections.yaml:2: http.maxConnections: expected 'auto' or a whole number from 1 to 1000000, found 'lots'
            bad-http-head-timeout.yaml    | bad-http-head-timeout.yaml:3: http.requestHeadTimeout: expected a duration from 500ms to 5m such as 500ms, 5s, 1m or 2h, found '0s'
            bad-http-per-client.yaml      | bad-http-per-client.yaml:2: http.maxConnectionsPerClient: expected a whole number from 0 to 1000000, found '-1'
            bad-http-key.yaml             | bad-http-key.yaml:2: http.keepAlive: unknown key; expected one of host, port, publicUrl, maxConnections, maxConnectionsPerClient, requestHeadTimeout, keepAliveTimeout
            bad-metrics-no-port.yaml      | bad-metrics-no-port.yaml:2: metrics.port: required key is missing
            bad-metrics-same-port.yaml    | bad-metrics-same-port.yaml:4: metrics.port: expected a port other than http.port (8080): /metrics gets a listener of its own, found '8080'
            bad-token-blank.yaml          | bad-token-blank.yaml:2: admin.token: expected a token of at least 16 characters, found only spaces (leave it empty to disable the admin API)
            bad-token-padded.yaml         | bad-token-padded.yaml:2: admin.token: expected a token without leading or trailing spaces (they cannot be sent in an Authorization header) (value not shown)
            """)
    void badSettingsAreRejectedWithFileLineAndKey(String file, String message) {
        assertThatThrownBy(() -> loader.load(fixture(file)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(message));
    }

    @Test
    void aPaddedTokenIsNeverShown() {
        assertThatThrownBy(() -> loader.load(fixture("bad-token-padded.yaml")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("0123456789abcdef"));
    }
}
