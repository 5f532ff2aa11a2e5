package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationSectionTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("ACK_SECRET", "0123456789abcdef-from-env"));

    private static Path fixture(String name) {
        try {
            return Path.of(EscalationSectionTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void routesNameStepsAndTheAckSecretComesFromTheEnvironment() {
        BongsuConfig cfg = loader.parse("e.yaml", """
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                alerting:
                  ack: {secret: "${ACK_SECRET}", linkValidity: 2d}
                  receivers:
                    - {name: oncall, type: webhook, url: "http://127.0.0.1:1/oncall"}
                    - {name: second, type: webhook, url: "http://127.0.0.1:1/second"}
                    - {name: manager, type: webhook, url: "http://127.0.0.1:1/manager"}
                  routes:
                    - match: {provider: kakao}
                      receivers: [oncall]
                      escalate:
                        - {after: 10m, receivers: [second]}
                        - {after: 30m, receivers: [manager, second]}
                    - receivers: [oncall]
                """);

        assertThat(cfg.alerting().routes().get(0).escalate()).containsExactly(
                new EscalationStep(Duration.ofMinutes(10), List.of("second")),
                new EscalationStep(Duration.ofMinutes(30), List.of("manager", "second")));
        assertThat(cfg.alerting().routes().get(1).escalate()).isEmpty();
        assertThat(cfg.alerting().ack().secret()).isEqualTo("0123456789abcdef-from-env");
        assertThat(cfg.alerting().ack().linkValidity()).isEqualTo(Duration.ofDays(2));
        assertThat(cfg.alerting().ack().toString()).doesNotContain("from-env");
    }

    @Test
    void withoutSettingsNoStepsAndAGeneratedKey() {
        BongsuConfig cfg = loader.parse("e.yaml", """
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                """);

        assertThat(cfg.alerting().ack()).isEqualTo(AckConfig.defaults());
        assertThat(cfg.alerting().ack().secret()).isNull();
        assertThat(cfg.alerting().ack().linkValidity()).isEqualTo(Duration.ofDays(7));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-escalate-order.yaml    | bad-escalate-order.yaml:12: alerting.routes[0].escalate[1].after: expected a delay longer than the previous step's (30m), found '10m'
            bad-escalate-receiver.yaml | bad-escalate-receiver.yaml:11: alerting.routes[0].escalate[0].receivers[0]: expected a receiver name (oncall, manager, log), found 'boss'
            bad-escalate-key.yaml      | bad-escalate-key.yaml:11: alerting.routes[0].escalate[0].repeat: unknown key; expected one of after, receivers
            bad-escalate-after.yaml    | bad-escalate-after.yaml:11: alerting.routes[0].escalate[0].after: required key is missing
            bad-escalate-not-list.yaml | bad-escalate-not-list.yaml:10: alerting.routes[0].escalate: expected a list of steps such as [{after: 10m, receivers: [second-oncall]}], found a mapping
            bad-ack-secret.yaml        | bad-ack-secret.yaml:11: alerting.ack.secret: expected a secret of at least 16 characters (value not shown)
            bad-ack-validity.yaml      | bad-ack-validity.yaml:11: alerting.ack.linkValidity: expected a duration from 5m to 90d such as 500ms, 5s, 1m or 2h, found '1s'
            bad-ack-key.yaml           | bad-ack-key.yaml:11: alerting.ack.secrets: unknown key; expected one of secret, linkValidity
            """)
    void badStepsAndAckSettingsAreRejectedWithFileLineKeyAndValue(String file, String message) {
        assertThatThrownBy(() -> loader.load(fixture(file)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(message));
    }
}
