package dev.bongsu.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioReaderTest {
    private final ScenarioReader reader = new ScenarioReader();

    static String fixture(String name) {
        try (InputStream in = ScenarioReaderTest.class.getResourceAsStream("/scenarios/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Scenario parse(String name) {
        return reader.parse(name, fixture(name));
    }

    @Test
    void anEvaluatorFormatFileLoadsUnchanged() {
        Scenario s = parse("old-evaluator-format.yaml");

        assertThat(s.name()).isEqualTo("my-outage");
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.fleet().ids()).containsExactly("web", "bank", "pay");
        assertThat(s.fleet().service("pay").orElseThrow().category()).isEqualTo("other");
        assertThat(s.steps()).containsExactly(
                new Step(Duration.ofMinutes(2), Duration.ofMinutes(4), Target.services("bank", "pay"), new Fault.ServerError(503)),
                new Step(Duration.ofMinutes(7), Duration.ofMinutes(1), Target.all().from(List.of("busan-skb")), Fault.HANG),
                new Step(Duration.ofSeconds(30), Duration.ofMinutes(1), Target.services("web"),
                        new Fault.Flap(Duration.ofSeconds(15), Duration.ofSeconds(10), new Fault.Slow(Duration.ofMillis(400)))),
                new Step(Duration.parse("PT8M30S"), null, Target.all().from(List.of("daejeon-lgu")), Fault.SILENT),
                new Step(Duration.ofMinutes(9), Duration.ofSeconds(10), Target.services("web"), Fault.REFUSE));
        assertThat(s.labelled()).isTrue();
        assertThat(s.expectations()).containsExactly(
                Expectation.incident(IncidentKind.CORRELATED, List.of("bank", "pay"), "dependsOn=auth"),
                Expectation.incident(IncidentKind.PROBE_FAULT, List.of("busan-skb"), "vantage=busan-skb"),
                new Expectation(IncidentKind.PROBE_FAULT, List.of(), List.of("seoul-kt", "busan-skb", "daejeon-lgu"),
                        "network=all-vantages", IncidentState.OPEN, null, null, null, false));
    }

    @Test
    void aSimulatorFormatFileLoadsUnchangedWithDefaultsForReplay() {
        Scenario s = parse("custom.yaml");

        assertThat(s.name()).isEqualTo("custom");
        assertThat(s.fleet()).isEqualTo(Fleet.defaultFleet());
        assertThat(s.labelled()).isFalse();
        assertThat(s.vantages()).containsExactly("seoul-kt", "busan-skb", "daejeon-lgu");
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(100).plus(Duration.ofMinutes(3)));
        assertThat(s.steps()).containsExactly(
                new Step(Duration.ZERO, Duration.ofSeconds(1), Target.services("kakaotalk", "kakaomap"), Fault.HANG),
                new Step(Duration.ofMillis(500), null, new Target(List.of(), "naver", null, "kr-gangwon", null, null, List.of()),
                        new Fault.Flap(Duration.ofSeconds(2), Fault.REFUSE)),
                new Step(Duration.ofMinutes(1), Duration.ofSeconds(30), Target.dependents("kakao-account"), new Fault.ServerError(503)),
                new Step(Duration.ofSeconds(90), Duration.ofSeconds(10), Target.services("kakaomap"),
                        new Fault.Slow(Duration.ofMillis(1500))));
        assertThat(s.steps()).extracting(Step::describe).containsExactly(
                "kakaotalk and kakaomap accept connections and never answer for 1s",
                "naver services in region kr-gangwon flap every 2s (down: refuse connections) until the end",
                "all services depending on kakao-account answer 503 for 30s",
                "kakaomap answers 1s500ms slower for 10s");
    }

    @Test
    void theUnifiedFormatReadsNewFaultsTargetsAndExpectations() {
        Scenario s = reader.parse("new.yaml", """
                name: new
                interval: 1s
                fleet: {generate: {providers: 3, servicesPerProvider: 4, datacenters: 2}}
                steps:
                  - {at: 10s, for: 1m, target: {provider: p02, vantages: [busan-skb]}, fault: hang}
                  - {at: 20s, target: {vantages: all}, fault: silent}
                  - {at: 30s, for: 1m, target: {vantages: [seoul-kt]}, fault: overload, lag: 3s}
                  - {at: 40s, for: 1m, target: {category: bank}, fault: flap, period: 5s, up: 10s, down: slow, delay: 2s}
                expect:
                  - {kind: correlated, services: {provider: p02}, hypothesis: provider=p02, hypothesisBy: 1m, revisions: 1, maxDelay: 3}
                  - {none: true, kind: service}
                """);

        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.fleet().services()).hasSize(12);
        assertThat(s.steps().get(0).target()).isEqualTo(Target.provider("p02").from(List.of("busan-skb")));
        assertThat(s.steps().get(1)).isEqualTo(new Step(Duration.ofSeconds(20), null, Target.all(), Fault.SILENT));
        assertThat(s.steps().get(2).fault()).isEqualTo(new Fault.Overload(Duration.ofSeconds(3)));
        assertThat(s.steps().get(3).fault()).isEqualTo(new Fault.Flap(Duration.ofSeconds(5), Duration.ofSeconds(10),
                new Fault.Slow(Duration.ofSeconds(2))));
        assertThat(s.steps().get(2).describe()).isEqualTo("the probers of seoul-kt runs 3s behind (probe node overloaded) for 1m");
        assertThat(s.expectations()).containsExactly(
                new Expectation(IncidentKind.CORRELATED, List.of("p02-s01", "p02-s02", "p02-s03", "p02-s04"), List.of(),
                        "provider=p02", IncidentState.RESOLVED, Duration.ofMinutes(1), 1, 3.0, false),
                new Expectation(IncidentKind.SERVICE, List.of(), List.of(), null, IncidentState.RESOLVED, null, null, null, true));
        assertThat(s.expectations().get(1).describe()).isEqualTo("no service incident");
    }

    @Test
    void aFleetOverrideReplacesTheFleetTheFileNames() {
        Fleet small = Fleet.parse("small.yaml", "services: [{id: kakaotalk, provider: kakao}]");

        Scenario s = reader.parse("custom.yaml", "steps: [{at: 1s, target: {services: [kakaotalk]}, fault: refuse}]", small);

        assertThat(s.fleet()).isEqualTo(small);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-fault.yaml                | bad-fault.yaml:4: steps[0].fault: expected one of refuse, hang, error, slow, flap, silent, overload, exhausted, found 'explode'
            bad-key-for-fault.yaml        | bad-key-for-fault.yaml:5: steps[0].delay: unknown key; expected one of at, for, target, fault
            bad-both-targets.yaml         | bad-both-targets.yaml:4: steps[0].target.services: use either 'services' or provider/datacenter/region/category/dependsOn, not both
            bad-unknown-service.yaml      | bad-unknown-service.yaml:4: steps[0].target.services[1]: unknown service 'kakaotok'; the fleet has kakaotalk, kakaobank, kakaopay, kakaomap, line, naverbank, naverpay, navermap
            bad-no-match.yaml             | bad-no-match.yaml:4: steps[0].target: 'naver services in gasan' matches no service of the fleet (providers: kakao, naver; datacenters: pangyo, chuncheon)
            bad-at.yaml                   | bad-at.yaml:2: steps[0].at: expected a duration from 0s to 7d such as 500ms, 5s, 1m or 2h, found 'soon'
            bad-missing-at.yaml           | bad-missing-at.yaml:2: steps[0].at: required key is missing
            bad-status.yaml               | bad-status.yaml:5: steps[0].status: expected a whole number from 500 to 599, found '404'
            bad-slow-no-delay.yaml        | bad-slow-no-delay.yaml:2: steps[0].delay: required key is missing
            bad-empty-target.yaml         | bad-empty-target.yaml:3: steps[0].target: expected 'services', or at least one of provider, datacenter, region, category, dependsOn, vantages
            bad-no-steps.yaml             | bad-no-steps.yaml:2: steps: expected a list of at least one step, found an empty list
            bad-root-key.yaml             | bad-root-key.yaml:3: step: unknown key; expected one of name, description, fleet, interval, timeout, duration, batchInterval, vantages, steps, faults, expect
            bad-for-zero.yaml             | bad-for-zero.yaml:3: steps[0].for: expected a duration from 1ms to 7d such as 500ms, 5s, 1m or 2h, found '0s'
            bad-flap-status.yaml          | bad-flap-status.yaml:7: steps[0].status: a status only applies when the flap is down with 'error', not 'refuse'
            bad-kind.yaml                 | bad-kind.yaml:5: faults[0].kind: expected one of refuse, timeout, 5xx, slow, silent, found 'explode'
            bad-legacy-key.yaml           | bad-legacy-key.yaml:5: faults[0].lenght: unknown key; expected one of services, vantages, kind, at, for, latencyMs, flap
            bad-legacy-service.yaml       | bad-legacy-service.yaml:5: faults[0].services[0]: unknown service 'kakaotok'; the fleet has kakaotalk, kakaobank, kakaopay, kakaomap, line, naverbank, naverpay, navermap
            bad-slow-no-latency.yaml      | bad-slow-no-latency.yaml:5: faults[0].latencyMs: required key is missing
            bad-at-after-end.yaml         | bad-at-after-end.yaml:5: faults[0].at: expected a duration from 0s to 5m such as 500ms, 5s, 1m or 2h, found '9m'
            bad-hypothesis.yaml           | bad-hypothesis.yaml:4: expect[0].hypothesis: expected attribute=value, such as provider=kakao, found 'kakao'
            bad-one-member-group.yaml     | bad-one-member-group.yaml:4: expect[0].services: expected at least two services for a 'correlated' incident, found a list
            bad-expect.yaml               | bad-expect.yaml:4: expect: expected one of none, found 'nothing'
            bad-both-lists.yaml           | bad-both-lists.yaml:2: faults: use either 'steps' or 'faults', not both
            bad-none-with-hypothesis.yaml | bad-none-with-hypothesis.yaml:4: expect[0].hypothesis: an expectation with 'none: true' says what is not raised; it has no hypothesis
            bad-unknown-vantage.yaml      | bad-unknown-vantage.yaml:3: steps[0].target.vantages[0]: unknown vantage 'tokyo-aws'; expected one of seoul-kt, busan-skb, daejeon-lgu
            bad-generate.yaml             | bad-generate.yaml:2: fleet.generate.datacenters: required key is missing
            bad-timeout.yaml              | bad-timeout.yaml:3: timeout: expected a timeout no longer than the interval, found '2s'
            bad-fleet-word.yaml           | bad-fleet-word.yaml:2: fleet: expected one of default, found 'mine'
            bad-overload-no-lag.yaml      | bad-overload-no-lag.yaml:2: steps[0].lag: required key is missing
            bad-hypothesis-by-alone.yaml  | bad-hypothesis-by-alone.yaml:4: expect[0].hypothesisBy: 'hypothesisBy' needs the 'hypothesis' it is about
            bad-expect-selector.yaml      | bad-expect-selector.yaml:4: expect[0].services: 'daum services' matches no service of the fleet
            bad-empty.yaml                | bad-empty.yaml:1: the file is empty; expected a scenario with 'steps' (or 'faults') and 'expect'
            """)
    void aMalformedScenarioIsALocatedError(String file, String message) {
        assertThatThrownBy(() -> parse(file)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void notYamlIsALocatedError() {
        assertThatThrownBy(() -> reader.parse("x.yaml", "steps: [\n  - at: 1s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:2: not valid YAML");
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> reader.read(Path.of("no/such/scenario.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("no/such/scenario.yaml: file does not exist");
    }
}
