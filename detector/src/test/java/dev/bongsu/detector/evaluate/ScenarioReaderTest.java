package dev.bongsu.detector.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioReaderTest {
    private static final String HEAD = """
            name: mine
            duration: 5m
            fleet:
              - {id: web, provider: acme, datacenter: dc1}
              - {id: api, provider: acme, datacenter: dc1, dependsOn: [auth]}
            """;

    private final ScenarioReader reader = new ScenarioReader();

    @Test
    void readsAScenarioWithItsDefaults() {
        Scenario s = reader.parse("mine.yaml", HEAD + """
                faults:
                  - {services: [web, api], kind: timeout, at: 1m, for: 2m, vantages: [seoul-kt]}
                  - {services: all, kind: slow, latencyMs: 900, at: 30s, flap: {down: 10s, up: 20s}}
                expect:
                  - {kind: correlated, services: [web, api], hypothesis: datacenter=dc1, state: open}
                """);
        assertThat(s.name()).isEqualTo("mine");
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.vantages()).containsExactly("seoul-kt", "busan-skb", "daejeon-lgu");
        assertThat(s.fleet()).extracting(f -> f.checks().get(0).id()).containsExactly("web.http", "api.http");
        assertThat(s.faults().get(0)).isEqualTo(new ScenarioFault(List.of("web", "api"), List.of("seoul-kt"), FaultKind.TIMEOUT,
                Duration.ofMinutes(1), Duration.ofMinutes(2), 0, null, null));
        assertThat(s.faults().get(1).services()).containsExactly("web", "api");
        assertThat(s.faults().get(1).affects("web", "busan-skb", Duration.ofSeconds(35))).isTrue();
        assertThat(s.faults().get(1).affects("web", "busan-skb", Duration.ofSeconds(45))).isFalse();
        assertThat(s.expected()).containsExactly(new ExpectedIncident(IncidentKind.CORRELATED, List.of("web", "api"), List.of(),
                "datacenter=dc1", IncidentState.OPEN));
    }

    @Test
    void everyBuiltInScenarioReads() {
        assertThat(reader.builtIn()).extracting(Scenario::name).contains(
                "single-service-outage", "dc-fire", "datacenter-outage", "shared-dependency", "vantage-network-loss",
                "latency-brownout", "one-probe-blip", "flapping-service", "staggered-recovery", "timeout-outage");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "unknown key        | faults: [{services: [web], kind: refuse, at: 1m, lenght: 2m}]\\nexpect: none | bad.yaml:8: faults[0].lenght: unknown key; expected one of services, vantages, kind, at, for, latencyMs, flap",
        "unknown service    | faults: [{services: [www], kind: refuse, at: 1m}]\\nexpect: none | bad.yaml:8: faults[0].services[0]: unknown service 'www'; expected one of web, api",
        "bad kind           | faults: [{services: [web], kind: explode, at: 1m}]\\nexpect: none | bad.yaml:8: faults[0].kind: expected one of refuse, timeout, 5xx, slow, silent, found 'explode'",
        "slow needs latency | faults: [{services: [web], kind: slow, at: 1m}]\\nexpect: none | bad.yaml:8: faults[0].latencyMs: required key is missing",
        "fault after end    | faults: [{services: [web], kind: refuse, at: 9m}]\\nexpect: none | bad.yaml:8: faults[0].at: expected a duration from 0s to 5m such as 500ms, 5s, 1m or 2h, found '9m'",
        "bad hypothesis     | expect: [{kind: service, services: [web], hypothesis: kakao}] | bad.yaml:8: expect[0].hypothesis: expected attribute=value, such as provider=kakao, found 'kakao'",
        "one-member group   | expect: [{kind: correlated, services: [web]}] | bad.yaml:8: expect[0].services: expected at least two services for a 'correlated' incident, found a list",
        "bad expect         | expect: nothing | bad.yaml:8: expect: expected one of none, found 'nothing'",
    })
    void aMalformedScenarioIsALocatedError(String name, String tail, String message) {
        assertThatThrownBy(() -> reader.parse("bad.yaml", HEAD + "description: x\nvantages: [seoul-kt, busan-skb]\n" + tail.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> reader.read(Path.of("no/such/scenario.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("no/such/scenario.yaml: file does not exist");
    }
}
