package dev.bongsu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenariosTest {
    private static final Fleet FLEET = Fleet.defaultFleet();

    private static String fixture(String name) {
        try (InputStream in = ScenariosTest.class.getResourceAsStream("/scenarios/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scenario parse(String name) {
        return Scenarios.parse(name, fixture(name), FLEET);
    }

    @Test
    void dcFireRefusesEveryKakaoServiceInPangyoFor60sFrom20s() {
        Scenario fire = Scenario.builtIn("dc-fire");

        assertThat(fire.name()).isEqualTo("dc-fire");
        assertThat(fire.steps()).hasSize(1);
        ScenarioStep step = fire.steps().get(0);
        assertThat(step.at()).isEqualTo(Duration.ofSeconds(20));
        assertThat(step.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(step.fault()).isEqualTo(Fault.REFUSE);
        assertThat(step.target()).isEqualTo(FaultTarget.datacenter("pangyo", "kakao"));
        assertThat(FLEET.select(step.target())).extracting(SimulatedService::id)
                .containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(step.describe()).isEqualTo("kakao services in pangyo refuse connections for 1m");

        Map<String, Fault> burning = fire.faultsAt(FLEET, Duration.ofSeconds(30));
        assertThat(burning).containsOnlyKeys("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(fire.faultsAt(FLEET, Duration.ofSeconds(19))).isEmpty();
        assertThat(fire.faultsAt(FLEET, Duration.ofSeconds(80))).isEmpty();
        assertThat(fire.length()).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void otherBuiltInsTargetWhatTheirNamesSay() {
        assertThat(FLEET.select(Scenario.builtIn("dc-outage").steps().get(0).target())).extracting(SimulatedService::id)
                .containsExactly("kakaotalk", "kakaobank", "kakaopay", "kakaomap", "line", "navermap");
        ScenarioStep login = Scenario.builtIn("login-failure").steps().get(0);
        assertThat(login.fault()).isEqualTo(new Fault.ServerError(503));
        assertThat(FLEET.select(login.target())).extracting(SimulatedService::id).containsExactly("kakaobank", "kakaopay");
        ScenarioStep brownout = Scenario.builtIn("brownout").steps().get(0);
        assertThat(brownout.fault()).isEqualTo(new Fault.Slow(Duration.ofSeconds(2)));
        assertThat(brownout.describe()).isEqualTo("kakaomap answers 2s slower for 2m");
        ScenarioStep flap = Scenario.builtIn("flap").steps().get(0);
        assertThat(flap.fault()).isEqualTo(new Fault.Flap(Duration.ofSeconds(10), new Fault.ServerError(503)));
        ScenarioStep timeout = Scenario.builtIn("dc-fire-timeout").steps().get(0);
        assertThat(timeout.fault()).isEqualTo(Fault.HANG);
        assertThat(timeout.target()).isEqualTo(FaultTarget.datacenter("pangyo", "kakao"));
        assertThat(Scenario.builtIn("single-outage").faultsAt(FLEET, Duration.ofSeconds(30))).containsOnlyKeys("kakaotalk");
        assertThat(Scenario.builtIn("blip").steps().get(0).duration()).isEqualTo(Duration.ofSeconds(1));
        Scenario staggered = Scenario.builtIn("staggered-recovery");
        assertThat(staggered.faultsAt(FLEET, Duration.ofSeconds(30))).hasSize(4);
        assertThat(staggered.faultsAt(FLEET, Duration.ofSeconds(70))).containsOnlyKeys("kakaobank", "kakaopay", "kakaomap");
        assertThat(staggered.faultsAt(FLEET, Duration.ofSeconds(100))).containsOnlyKeys("kakaomap");
        assertThat(staggered.faultsAt(FLEET, Duration.ofSeconds(110))).isEmpty();
    }

    @Test
    void everyBuiltInHasADescriptionAndResolvesByName() {
        assertThat(Scenarios.builtInNames()).containsExactly("dc-fire", "dc-outage", "login-failure", "brownout", "flap",
                "single-outage", "dc-fire-timeout", "staggered-recovery", "blip");
        for (String name : Scenarios.builtInNames()) {
            Scenario s = Scenarios.resolve(name, FLEET);
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.description()).isNotBlank();
        }
    }

    @Test
    void aCustomScenarioReadsEveryFaultAndTarget() {
        Scenario s = parse("custom.yaml");

        assertThat(s.name()).isEqualTo("custom");
        assertThat(s.steps()).containsExactly(
                new ScenarioStep(Duration.ZERO, Duration.ofSeconds(1), FaultTarget.services("kakaotalk", "kakaomap"), Fault.HANG),
                new ScenarioStep(Duration.ofMillis(500), null, new FaultTarget(List.of(), "naver", null, "kr-gangwon", null),
                        new Fault.Flap(Duration.ofSeconds(2), Fault.REFUSE)),
                new ScenarioStep(Duration.ofMinutes(1), Duration.ofSeconds(30), FaultTarget.dependents("kakao-account"),
                        new Fault.ServerError(503)),
                new ScenarioStep(Duration.ofSeconds(90), Duration.ofSeconds(10), FaultTarget.services("kakaomap"),
                        new Fault.Slow(Duration.ofMillis(1500))));
        assertThat(s.steps()).extracting(ScenarioStep::describe).containsExactly(
                "kakaotalk and kakaomap accept connections and never answer for 1s",
                "naver services in region kr-gangwon flap every 2s (down: refuse connections) until the end",
                "all services depending on kakao-account answer 503 for 30s",
                "kakaomap answers 1s500ms slower for 10s");
    }

    @Test
    void timelineOrdersEventsByOffsetWithEndsBeforeBegins() {
        Scenario s = parse("custom.yaml");

        assertThat(s.timeline()).extracting(e -> e.offset().toMillis() + " " + e.kind() + " " + e.stepIndex())
                .containsExactly("0 BEGIN 0", "500 BEGIN 1", "1000 END 0", "60000 BEGIN 2", "90000 END 2",
                        "90000 BEGIN 3", "100000 END 3");
    }

    @Test
    void faultsAtLetsALaterStepWin() {
        Scenario s = parse("custom.yaml");

        assertThat(s.faultsAt(FLEET, Duration.ofMillis(700))).containsOnlyKeys("kakaotalk", "kakaomap", "naverbank", "naverpay");
        assertThat(s.faultsAt(FLEET, Duration.ofSeconds(95)).get("kakaomap")).isEqualTo(new Fault.Slow(Duration.ofMillis(1500)));
    }

    @Test
    void scalingShrinksOffsetsDurationsAndFlapPeriodsButNotDelays() {
        Scenario s = parse("custom.yaml").scaled(0.01);

        assertThat(s.steps().get(1).at()).isEqualTo(Duration.ofMillis(5));
        assertThat(s.steps().get(1).fault()).isEqualTo(new Fault.Flap(Duration.ofMillis(20), Fault.REFUSE));
        assertThat(s.steps().get(2).at()).isEqualTo(Duration.ofMillis(600));
        assertThat(s.steps().get(2).duration()).isEqualTo(Duration.ofMillis(300));
        assertThat(s.steps().get(3).fault()).isEqualTo(new Fault.Slow(Duration.ofMillis(1500)));
        assertThat(Scenario.builtIn("dc-fire").scaled(0.01).steps().get(0).end()).contains(Duration.ofMillis(800));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            bad-fault.yaml          | bad-fault.yaml:4: steps[0].fault: expected one of refuse, hang, error, slow, flap, found 'explode'
            bad-key-for-fault.yaml  | bad-key-for-fault.yaml:5: steps[0].delay: unknown key; expected one of at, for, target, fault
            bad-both-targets.yaml   | bad-both-targets.yaml:4: steps[0].target.services: use either 'services' or provider/datacenter/region/dependsOn, not both
            bad-unknown-service.yaml | bad-unknown-service.yaml:4: steps[0].target.services[1]: unknown service 'kakaotok'; the fleet has kakaotalk, kakaobank, kakaopay, kakaomap, line, naverbank, naverpay, navermap
            bad-no-match.yaml       | bad-no-match.yaml:4: steps[0].target: 'naver services in gasan' matches no service of the fleet (providers: kakao, naver; datacenters: pangyo, chuncheon)
            bad-at.yaml             | bad-at.yaml:2: steps[0].at: expected a duration from 0s to 7d such as 500ms, 5s, 1m or 2h, found 'soon'
            bad-missing-at.yaml     | bad-missing-at.yaml:2: steps[0].at: required key is missing
            bad-status.yaml         | bad-status.yaml:5: steps[0].status: expected a whole number from 500 to 599, found '404'
            bad-slow-no-delay.yaml  | bad-slow-no-delay.yaml:2: steps[0].delay: required key is missing
            bad-empty-target.yaml   | bad-empty-target.yaml:3: steps[0].target: expected 'services', or at least one of provider, datacenter, region, dependsOn
            bad-no-steps.yaml       | bad-no-steps.yaml:2: steps: expected a list of at least one step, found an empty list
            bad-root-key.yaml       | bad-root-key.yaml:3: step: unknown key; expected one of name, description, steps
            bad-for-zero.yaml       | bad-for-zero.yaml:3: steps[0].for: expected a duration from 1ms to 7d such as 500ms, 5s, 1m or 2h, found '0s'
            bad-flap-status.yaml    | bad-flap-status.yaml:7: steps[0].status: a status only applies when the flap is down with 'error', not 'refuse'
            """)
    void badScenariosNameFileLineKeyAndProblem(String file, String message) {
        assertThatThrownBy(() -> parse(file)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void targetsAreOnlyCheckedWhenAFleetIsGiven() {
        Scenario s = Scenarios.parse("no-match.yaml", fixture("bad-no-match.yaml"), null);

        assertThat(s.steps().get(0).target()).isEqualTo(FaultTarget.datacenter("gasan", "naver"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-scenario", "missing/file.yaml"})
    void resolveRejectsWhatIsNeitherABuiltInNorAFile(String nameOrFile) {
        assertThatThrownBy(() -> Scenarios.resolve(nameOrFile, FLEET))
                .isInstanceOf(ConfigException.class)
                .hasMessage(nameOrFile + ": no such scenario file, and not a built-in scenario "
                        + "(dc-fire, dc-outage, login-failure, brownout, flap, single-outage, dc-fire-timeout, "
                        + "staggered-recovery, blip)");
    }

    @Test
    void notYamlIsALocatedError() {
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", "steps: [\n  - at: 1s\n", FLEET))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.yaml:2: not valid YAML");
    }
}
