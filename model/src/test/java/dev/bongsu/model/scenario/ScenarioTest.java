package dev.bongsu.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioTest {
    private final Scenario custom = new ScenarioReader().parse("custom.yaml", ScenarioReaderTest.fixture("custom.yaml"));

    @Test
    void timelineOrdersEventsByOffsetWithEndsBeforeBegins() {
        assertThat(custom.timeline()).extracting(e -> e.offset().toMillis() + " " + e.kind() + " " + e.stepIndex())
                .containsExactly("0 BEGIN 0", "500 BEGIN 1", "1000 END 0", "60000 BEGIN 2", "90000 END 2",
                        "90000 BEGIN 3", "100000 END 3");
        assertThat(custom.length()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void faultsAtLetsALaterStepWin() {
        assertThat(custom.faultsAt(Duration.ofMillis(700))).containsOnlyKeys("kakaotalk", "kakaomap", "naverbank", "naverpay");
        assertThat(custom.faultsAt(Duration.ofSeconds(95)).get("kakaomap")).isEqualTo(new Fault.Slow(Duration.ofMillis(1500)));
    }

    @Test
    void scalingShrinksOffsetsDurationsAndFlapPhasesButNotDelays() {
        Scenario s = custom.scaled(0.01);

        assertThat(s.steps().get(1).at()).isEqualTo(Duration.ofMillis(5));
        assertThat(s.steps().get(1).fault()).isEqualTo(new Fault.Flap(Duration.ofMillis(20), Fault.REFUSE));
        assertThat(s.steps().get(2).duration()).isEqualTo(Duration.ofMillis(300));
        assertThat(s.steps().get(3).fault()).isEqualTo(new Fault.Slow(Duration.ofMillis(1500)));
    }

    @Test
    void aStepResolvesAFlapToItsPhaseAndOnlyForTheVantagesThatSeeIt() {
        FleetService talk = Fleet.defaultFleet().service("kakaotalk").orElseThrow();
        Step flap = new Step(Duration.ofSeconds(10), null, Target.provider("kakao").from(java.util.List.of("busan-skb")),
                new Fault.Flap(Duration.ofSeconds(5), Duration.ofSeconds(15), Fault.REFUSE));

        assertThat(flap.faultFor(talk, "busan-skb", Duration.ofSeconds(12))).isEqualTo(Fault.REFUSE);
        assertThat(flap.faultFor(talk, "busan-skb", Duration.ofSeconds(16))).isNull();
        assertThat(flap.faultFor(talk, "busan-skb", Duration.ofSeconds(31))).isEqualTo(Fault.REFUSE);
        assertThat(flap.faultFor(talk, "seoul-kt", Duration.ofSeconds(12))).isNull();
        assertThat(flap.faultFor(talk, "busan-skb", Duration.ofSeconds(9))).isNull();
    }

    @Test
    void targetsDescribeThemselves() {
        assertThat(Target.datacenter("pangyo", "kakao").describe()).isEqualTo("kakao services in pangyo");
        assertThat(Target.datacenter("pangyo").describe()).isEqualTo("all services in pangyo");
        assertThat(Target.services("a", "b", "c").describe()).isEqualTo("a, b and c");
        assertThat(Target.all().from(java.util.List.of("busan-skb")).describe()).isEqualTo("all services (seen from busan-skb)");
        assertThat(Target.dependents("kakao-login").matches(new FleetService("kakao-login",
                new dev.bongsu.model.LocalizedText("l", "l"), "kakao", "login", null, null, java.util.List.of(),
                Duration.ZERO, true))).as("a monitored dependency is its own dependent").isTrue();
    }
}
