package dev.bongsu.detector.core;

import static dev.bongsu.detector.core.Fleet.INTERVAL;
import static dev.bongsu.detector.core.Fleet.T0;
import static dev.bongsu.detector.core.Fleet.VANTAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.detector.core.Fleet.Failing;
import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.TcpTarget;
import dev.bongsu.model.config.Thresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link Detector#reconfigure}: a reloaded configuration keeps what the detector knows. */
class DetectorReconfigureTest {
    private List<ServiceConfig> fleet = Fleet.korea();
    private List<String> vantages = VANTAGES;
    private final Detector detector = new Detector(fleet, vantages, DetectorConfig.defaults(), IncidentIds.timeSortable(new Random(1)));
    private final List<IncidentTransition> transitions = new ArrayList<>();

    private static Instant at(int round) {
        return T0.plus(INTERVAL.multipliedBy(round));
    }

    private void rounds(int from, int to, Failing failing) {
        for (int i = from; i <= to; i++) {
            transitions.addAll(detector.onResults(Fleet.round(fleet, vantages, at(i), failing), at(i).plusMillis(100)).transitions());
        }
    }

    /** Reloads at {@code now} with the new fleet, vantages and settings; returns what it decided. */
    private DetectorOutput reload(List<ServiceConfig> nextFleet, List<String> nextVantages, DetectorConfig cfg, Instant now) {
        fleet = nextFleet;
        vantages = nextVantages;
        DetectorOutput out = detector.reconfigure(nextFleet, nextVantages, cfg, now);
        transitions.addAll(out.transitions());
        return out;
    }

    private DetectorOutput reload(List<ServiceConfig> nextFleet, Instant now) {
        return reload(nextFleet, vantages, DetectorConfig.defaults(), now);
    }

    private List<ServiceConfig> without(String... ids) {
        List<String> gone = List.of(ids);
        return fleet.stream().filter(s -> !gone.contains(s.id())).toList();
    }

    private Health health(String service) {
        return detector.states().stream().filter(s -> s.serviceId().equals(service)).findFirst().orElseThrow().health();
    }

    private Incident openKakaotalkAlone() {
        rounds(0, 2, Failing.none());
        rounds(3, 6, Failing.services("kakaotalk"));
        assertThat(transitions).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo(TransitionType.OPENED));
        return transitions.get(0).incident();
    }

    @Test
    void anOpenIncidentKeepsItsIdWhenAServiceIsAdded() {
        Incident open = openKakaotalkAlone();

        ServiceConfig added = Fleet.service("tossbank", "toss", "gasan", "kr-capital", List.of());
        DetectorOutput out = reload(Stream.concat(fleet.stream(), Stream.of(added)).toList(), at(6).plusMillis(500));

        assertThat(out.transitions()).isEmpty();
        assertThat(detector.openIncidents()).extracting(Incident::id).containsExactly(open.id());
        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        assertThat(health("tossbank")).as("a new service starts unknown").isEqualTo(Health.UNKNOWN);

        rounds(7, 8, Failing.services("kakaotalk"));
        assertThat(health("tossbank")).isEqualTo(Health.UP);
        rounds(9, 10, Failing.none());
        assertThat(transitions).extracting(IncidentTransition::type).containsExactly(TransitionType.OPENED, TransitionType.RESOLVED);
        assertThat(transitions.get(1).incident().id()).isEqualTo(open.id());
        assertThat(transitions.get(1).incident().sequence()).isEqualTo(2);
    }

    @Test
    void removingAServiceResolvesItsIncidentSayingWhyAndForgetsItsChecks() {
        Incident open = openKakaotalkAlone();

        DetectorOutput out = reload(without("kakaotalk"), at(6).plusMillis(500));

        assertThat(out.transitions()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.RESOLVED);
            assertThat(t.incident().id()).isEqualTo(open.id());
            assertThat(t.incident().resolvedAt()).isEqualTo(at(6).plusMillis(500));
            assertThat(t.incident().timeline().get(1).text()).isEqualTo(new LocalizedText(
                    "kakaotalk이(가) 설정에서 제거되어 장애를 종료합니다.",
                    "kakaotalk was removed from the configuration; the incident is resolved."));
        });
        assertThat(detector.openIncidents()).isEmpty();
        assertThat(detector.states()).extracting(ServiceState::serviceId).doesNotContain("kakaotalk").hasSize(7);
        assertThat(detector.checkHealth("kakaotalk.tcp")).isEqualTo(Health.UNKNOWN);

        long ignored = detector.ignoredResults();
        transitions.addAll(detector.onResults(Fleet.round(Fleet.korea(), vantages, at(7), Failing.services("kakaotalk")),
                at(7).plusMillis(100)).transitions());
        assertThat(detector.ignoredResults() - ignored).isEqualTo(3);
        assertThat(transitions).hasSize(2);
    }

    @Test
    void aLatencyBaselineSurvivesAReload() {
        List<ServiceConfig> map = List.of(Fleet.service("map", "p", null, null, List.of()));
        reload(map, at(0));
        latencyRounds(0, 30, 80);
        reload(List.of(Fleet.service("map", "p", null, null, List.of())), at(30));
        latencyRounds(30, 32, 300);
        assertThat(health("map")).isEqualTo(Health.DEGRADED);
    }

    @Test
    void aCheckProbingAnotherTargetKeepsItsStateButLearnsItsLatencyAnew() {
        List<ServiceConfig> map = List.of(Fleet.service("map", "p", null, null, List.of()));
        reload(map, at(0));
        latencyRounds(0, 30, 80);
        CheckConfig before = map.get(0).checks().get(0);
        CheckConfig moved = new CheckConfig(before.id(), before.name(), before.serviceId(), before.type(), before.interval(),
                before.timeout(), true, new TcpTarget("map-v2.example", 443), before.thresholds(), before.vantageThresholds());
        reload(List.of(Fleet.service("map", "p", null, null, List.of(), List.of(moved))), at(30));
        assertThat(health("map")).isEqualTo(Health.UP);
        latencyRounds(30, 32, 300);
        assertThat(health("map")).as("no baseline yet for the new target").isEqualTo(Health.UP);
    }

    private void latencyRounds(int from, int to, double ms) {
        for (int i = from; i < to; i++) {
            Instant t = at(i);
            List<ProbeResult> results = vantages.stream().map(v -> Fleet.ok("map.tcp", v, t, ms + (t.getEpochSecond() % 7))).toList();
            transitions.addAll(detector.onResults(results, t.plusMillis(500)).transitions());
        }
    }

    @Test
    void aRemovedMemberLeavesItsCorrelatedIncidentWhichKeepsItsId() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));
        Incident group = detector.openIncidents().stream().filter(i -> i.kind() == IncidentKind.CORRELATED).findFirst().orElseThrow();

        DetectorOutput out = reload(without("kakaomap"), at(4).plusSeconds(1));

        assertThat(out.transitions()).filteredOn(t -> t.incident().kind() == IncidentKind.CORRELATED).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.UPDATED);
            assertThat(t.incident().id()).isEqualTo(group.id());
            assertThat(t.incident().services()).containsExactlyInAnyOrder("kakaotalk", "kakaobank", "kakaopay");
            assertThat(t.incident().timeline().get(t.incident().timeline().size() - 1).text().en())
                    .startsWith("kakaomap was removed from the configuration and leaves this incident.");
            assertThat(t.incident().title().en()).isEqualTo("3 kakao services down");
        });
        assertThat(out.transitions()).filteredOn(t -> t.incident().kind() == IncidentKind.SERVICE).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.RESOLVED);
            assertThat(t.incident().services()).containsExactly("kakaomap");
        });
        rounds(5, 6, Failing.services("kakaotalk", "kakaobank", "kakaopay"));
        assertThat(detector.openIncidents()).filteredOn(i -> i.kind() == IncidentKind.CORRELATED)
                .extracting(Incident::id).containsExactly(group.id());
    }

    @Test
    void aCorrelatedIncidentLeftWithOneServiceResolvesAndThatServiceContinuesAlone() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));
        Incident talk = detector.openIncidents().stream().filter(i -> i.services().equals(List.of("kakaotalk"))).findFirst().orElseThrow();

        DetectorOutput out = reload(without("kakaobank", "kakaopay", "kakaomap"), at(4).plusSeconds(1));

        assertThat(out.transitions()).filteredOn(t -> t.incident().kind() == IncidentKind.CORRELATED).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.RESOLVED);
            assertThat(t.incident().timeline().get(t.incident().timeline().size() - 1).text().en())
                    .endsWith("Fewer than two services remain after the configuration change; the incident is resolved. "
                            + "A service still failing continues in its own incident.");
        });
        assertThat(out.transitions()).filteredOn(t -> t.incident().id().equals(talk.id())).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.UPDATED);
            assertThat(t.incident().state()).isEqualTo(IncidentState.OPEN);
            assertThat(t.incident().parentId()).isNull();
            assertThat(t.incident().hypothesis().attribute()).isEqualTo("service");
        });
        assertThat(detector.openIncidents()).extracting(Incident::id).containsExactly(talk.id());
        rounds(5, 6, Failing.none());
        assertThat(transitions.get(transitions.size() - 1).incident().id()).isEqualTo(talk.id());
        assertThat(detector.openIncidents()).isEmpty();
    }

    @Test
    void newThresholdsApplyFromTheReload() {
        rounds(0, 2, Failing.none());
        rounds(3, 3, Failing.services("kakaotalk"));
        assertThat(health("kakaotalk")).as("one failure of two needed").isEqualTo(Health.UP);

        DetectorConfig quick = withFailuresToDown(DetectorConfig.defaults(), 1);
        DetectorOutput out = reload(fleet, vantages, quick, at(3).plusSeconds(1));

        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        assertThat(out.stateChanges()).singleElement().satisfies(c -> assertThat(c.current().serviceId()).isEqualTo("kakaotalk"));
    }

    private static DetectorConfig withFailuresToDown(DetectorConfig c, int failuresToDown) {
        return new DetectorConfig(c.quorum(), failuresToDown, c.successesToUp(), c.staleAfterIntervals(), c.correlationWindow(),
                c.correlationAttributes(), c.latencyWindow(), c.latencyMinSamples(), c.latencyFactor(), c.latencyMadK(),
                c.latencyMinIncreaseMs(), c.flapWindow(), c.flapChanges(), c.probeFaultRatio(), c.probeFaultMinChecks(),
                c.confirmFor(), c.confirmTogether(), c.stragglerWait());
    }

    @Test
    void aRemovedVantageIsForgottenAndItsProbeFaultResolves() {
        rounds(0, 2, Failing.none());
        vantages = List.of("seoul", "busan");
        rounds(3, 5, Failing.none());
        assertThat(detector.faultedVantages()).containsExactly("daejeon");
        String fault = transitions.get(0).incident().id();

        DetectorOutput out = reload(fleet, List.of("seoul", "busan"), DetectorConfig.defaults(), at(5).plusSeconds(1));

        assertThat(out.transitions()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.RESOLVED);
            assertThat(t.incident().id()).isEqualTo(fault);
            assertThat(t.incident().timeline().get(1).text().en())
                    .isEqualTo("Vantage daejeon was removed from the configuration; the incident is resolved.");
        });
        rounds(6, 20, Failing.none());
        assertThat(transitions).hasSize(2);
        assertThat(detector.faultedVantages()).isEmpty();
        assertThat(detector.vantageHealth(at(20).plusMillis(100))).extracting(v -> v.vantage()).doesNotContain("daejeon");
    }

    @Test
    void aServiceWhoseSettingsChangedKeepsItsStateAndIncident() {
        Incident open = openKakaotalkAlone();
        List<ServiceConfig> renamed = fleet.stream().map(s -> !s.id().equals("kakaotalk") ? s
                : new ServiceConfig(s.id(), new LocalizedText("카카오톡", "KakaoTalk"), s.provider(), s.category(), "gasan",
                s.region(), s.dependsOn(), s.publicAttributes(), List.of(Fleet.check("kakaotalk", "tcp", true,
                new Thresholds(3, 3), Map.of())))).toList();

        DetectorOutput out = reload(renamed, at(6).plusMillis(500));

        assertThat(out.isEmpty()).isTrue();
        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        assertThat(detector.openIncidents()).extracting(Incident::id).containsExactly(open.id());
    }
}
