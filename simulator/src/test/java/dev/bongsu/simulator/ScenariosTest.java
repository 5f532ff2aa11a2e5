package dev.bongsu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.model.scenario.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInScenarioResolvesByNameForTheSimulator() {
        assertThat(Scenarios.builtInNames()).hasSizeGreaterThanOrEqualTo(30).contains("dc-fire", "dc-outage",
                "login-failure", "brownout", "flap", "single-outage", "dc-fire-timeout", "staggered-recovery", "blip",
                "single-service-outage", "every-vantage-fails");
        for (String name : Scenarios.builtInNames()) {
            Scenario s = Scenarios.resolve(name, null);
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.description()).isNotBlank();
            assertThat(s.steps()).isNotEmpty();
            if (s.fleet().equals(Fleet.defaultFleet().model())) {
                assertThat(Scenarios.resolve(name, Fleet.defaultFleet())).isEqualTo(s);
            }
        }
    }

    @Test
    void dcFireRefusesEveryKakaoServiceInPangyoFor60sFrom20s() {
        Scenario fire = Scenarios.builtIn("dc-fire");

        assertThat(fire.steps()).hasSize(1);
        assertThat(fire.steps().get(0).at()).isEqualTo(Duration.ofSeconds(20));
        assertThat(fire.steps().get(0).fault()).isEqualTo(Fault.REFUSE);
        assertThat(fire.steps().get(0).target()).isEqualTo(Target.datacenter("pangyo", "kakao"));
        assertThat(fire.faultsAt(Duration.ofSeconds(30))).containsOnlyKeys("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(fire.steps().get(0).describe()).isEqualTo("kakao services in pangyo refuse connections for 1m");
    }

    @Test
    void aSimulatorFormatFileWrittenForTheOldSimulatorLoadsUnchanged() throws Exception {
        Path file = dir.resolve("My Fire.yaml");
        Files.writeString(file, """
                description: naver's pangyo services hang, then kakao's login fails.
                steps:
                  - at: 10s
                    for: 30s
                    target: {provider: naver, datacenter: pangyo}
                    fault: hang
                  - {at: 1m, target: {dependsOn: kakao-account}, fault: error, status: 502}
                """);

        Scenario s = Scenarios.resolve(file.toString(), Fleet.defaultFleet());

        assertThat(s.name()).isEqualTo("my-fire");
        assertThat(s.labelled()).isFalse();
        assertThat(s.faultsAt(Duration.ofSeconds(20))).containsOnlyKeys("line", "navermap");
        assertThat(s.faultsAt(Duration.ofMinutes(2))).containsOnlyKeys("kakaobank", "kakaopay");
    }

    @Test
    void aCustomFleetChecksTheTargets() {
        Fleet small = Fleet.parse("small.yaml", "services: [{id: talk, provider: acme, datacenter: dc1}]");

        assertThatThrownBy(() -> Scenarios.resolve("dc-fire", small))
                .isInstanceOf(ConfigException.class)
                .hasMessage("scenarios/dc-fire.yaml:11: steps[0].target: 'kakao services in pangyo' matches no service "
                        + "of the fleet (providers: acme; datacenters: dc1)");
    }

    @Test
    void resolveRejectsWhatIsNeitherABuiltInNorAFile() {
        assertThatThrownBy(() -> Scenarios.resolve("no-such-scenario", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("no-such-scenario: no such scenario file, and not a built-in scenario");
    }
}
