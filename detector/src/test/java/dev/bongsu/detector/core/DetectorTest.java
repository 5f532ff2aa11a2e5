package dev.bongsu.detector.core;

import static dev.bongsu.detector.core.Fleet.INTERVAL;
import static dev.bongsu.detector.core.Fleet.T0;
import static dev.bongsu.detector.core.Fleet.VANTAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.detector.core.Fleet.Failing;
import dev.bongsu.model.Evidence;
import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.VantageHealth;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private List<ServiceConfig> fleet = Fleet.korea();
    private List<String> vantages = VANTAGES;
    private Detector detector = newDetector();
    private final List<IncidentTransition> transitions = new ArrayList<>();
    private final List<ServiceStateChange> changes = new ArrayList<>();

    private Detector newDetector() {
        return new Detector(fleet, vantages, DetectorConfig.defaults(), IncidentIds.timeSortable(new Random(1)));
    }

    private void use(List<ServiceConfig> newFleet, List<String> newVantages) {
        fleet = newFleet;
        vantages = newVantages;
        detector = newDetector();
    }

    private static Instant at(int round) {
        return T0.plus(INTERVAL.multipliedBy(round));
    }

    private DetectorOutput feed(Instant now, List<ProbeResult> results) {
        DetectorOutput out = detector.onResults(results, now);
        transitions.addAll(out.transitions());
        changes.addAll(out.stateChanges());
        return out;
    }

    /** Rounds {@code from} … {@code to} (inclusive), every vantage probing every check, evaluated 100 ms later. */
    private void rounds(int from, int to, Failing failing) {
        for (int i = from; i <= to; i++) {
            feed(at(i).plusMillis(100), Fleet.round(fleet, vantages, at(i), failing));
        }
    }

    private Health health(String service) {
        return detector.states().stream().filter(s -> s.serviceId().equals(service)).findFirst().orElseThrow().health();
    }

    private List<IncidentTransition> of(IncidentKind kind) {
        return transitions.stream().filter(t -> t.incident().kind() == kind).toList();
    }

    private List<IncidentTransition> opened() {
        return transitions.stream().filter(t -> t.type() == TransitionType.OPENED).toList();
    }

    // ---- quorum ----

    @Test
    void aCheckIsDownWhenTwoOfThreeVantagesAgree() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk").onlyFrom("seoul", "busan"));

        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        assertThat(detector.checkHealth("kakaotalk.tcp")).isEqualTo(Health.DOWN);
        assertThat(opened()).as("failing alone: not confirmed before confirmFor (30 s)").isEmpty();
        rounds(5, 6, Failing.services("kakaotalk").onlyFrom("seoul", "busan"));
        Incident i = opened().get(0).incident();
        assertThat(i.kind()).isEqualTo(IncidentKind.SERVICE);
        assertThat(i.services()).containsExactly("kakaotalk");
        assertThat(i.vantages()).containsExactlyInAnyOrder("seoul", "busan");
        assertThat(i.startedAt()).isEqualTo(at(3));
        assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(i.title().en()).isEqualTo("kakaotalk-en down");
        assertThat(i.hypothesis().attribute()).isEqualTo("service");
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.previous().health()).isEqualTo(Health.UP);
            assertThat(c.current().health()).isEqualTo(Health.DOWN);
            assertThat(c.current().reason().en()).contains("kakaotalk.tcp failing from 2 of 3 vantages (connect_refused)");
        });
    }

    @Test
    void eachVantageSaysWhatItSeesOfEachServiceEvenWhenTheServiceIsNotDown() {
        rounds(0, 2, Failing.none());
        rounds(3, 5, Failing.services("kakaotalk").onlyFrom("seoul"));

        List<VantageHealth> talk = detector.vantageHealth(at(5).plusMillis(100)).stream()
                .filter(v -> v.serviceId().equals("kakaotalk")).toList();
        assertThat(health("kakaotalk")).as("one vantage alone is not an outage").isEqualTo(Health.UP);
        assertThat(talk).extracting(VantageHealth::vantage).containsExactlyInAnyOrder("seoul", "busan", "daejeon");
        assertThat(talk).filteredOn(v -> v.vantage().equals("seoul")).singleElement()
                .satisfies(v -> assertThat(v.failing()).isEqualTo(v.checks()).isPositive());
        assertThat(talk).filteredOn(v -> !v.vantage().equals("seoul")).allSatisfy(v -> assertThat(v.failing()).isZero());
        assertThat(detector.vantageHealth(at(60))).as("nothing fresh an hour of rounds later").isEmpty();
    }

    @Test
    void oneVantageAloneDoesNotMakeACheckDown() {
        rounds(0, 2, Failing.none());
        rounds(3, 10, Failing.services("kakaotalk").onlyFrom("seoul"));

        assertThat(health("kakaotalk")).isEqualTo(Health.UP);
        assertThat(transitions).isEmpty();
    }

    @Test
    void aSingleVantageFallsBackToConsecutiveFailures() {
        use(Fleet.korea(), List.of("seoul"));
        rounds(0, 2, Failing.none());
        rounds(3, 3, Failing.services("kakaotalk"));
        assertThat(health("kakaotalk")).isEqualTo(Health.UP);
        rounds(4, 4, Failing.services("kakaotalk"));
        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        rounds(5, 6, Failing.services("kakaotalk"));
        assertThat(opened()).hasSize(1);
    }

    @Test
    void thresholdsApplyPerCheckAndVantage() {
        var check = Fleet.check("slowpoke", "tcp", true, new Thresholds(4, null), Map.of("busan", new Thresholds(1, null)));
        use(List.of(Fleet.service("slowpoke", "p", null, null, List.of(), List.of(check))), VANTAGES);
        rounds(0, 2, Failing.none());
        rounds(3, 3, Failing.services("slowpoke").onlyFrom("busan", "seoul"));
        // busan counts it failing after 1 failure, seoul needs 4: no quorum yet.
        assertThat(health("slowpoke")).isEqualTo(Health.UP);
        rounds(4, 6, Failing.services("slowpoke").onlyFrom("busan", "seoul"));
        assertThat(health("slowpoke")).isEqualTo(Health.DOWN);
    }

    // ---- hysteresis, staleness, degraded ----

    @Test
    void recoveryNeedsConsecutiveSuccesses() {
        rounds(0, 2, Failing.none());
        rounds(3, 6, Failing.services("kakaotalk"));
        rounds(7, 7, Failing.none());
        rounds(8, 8, Failing.services("kakaotalk"));
        rounds(9, 9, Failing.none());
        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        rounds(10, 10, Failing.none());
        assertThat(health("kakaotalk")).isEqualTo(Health.UP);

        assertThat(transitions).extracting(IncidentTransition::type).containsExactly(TransitionType.OPENED, TransitionType.RESOLVED);
        Incident resolved = transitions.get(1).incident();
        assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(at(10).plusMillis(100));
        assertThat(resolved.sequence()).isEqualTo(2);
        assertThat(resolved.timeline()).extracting(e -> e.sequence()).containsExactly(1, 2);
        assertThat(resolved.timeline().get(1).text().en()).isEqualTo("kakaotalk recovered; the incident is resolved.");
    }

    @Test
    void aServiceWithoutFreshDataIsUnknownAndItsIncidentStaysOpen() {
        rounds(0, 2, Failing.none());
        rounds(3, 6, Failing.services("kakaotalk"));
        // staleAfterIntervals 3 → 30 s + 2 s timeout after the last result.
        detector.tick(at(6).plusSeconds(32));
        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        DetectorOutput out = detector.tick(at(6).plusSeconds(33));
        assertThat(health("kakaotalk")).isEqualTo(Health.UNKNOWN);
        assertThat(out.stateChanges()).extracting(c -> c.current().serviceId()).contains("kakaotalk");
        assertThat(out.transitions()).isEmpty();
        // Nothing arrives from anywhere: the monitor is blind (one probe fault); staleness resolves nothing.
        assertThat(detector.openIncidents()).extracting(Incident::kind)
                .containsExactlyInAnyOrder(IncidentKind.SERVICE, IncidentKind.PROBE_FAULT);
    }

    @Test
    void beforeAnyResultEveryServiceIsUnknown() {
        detector.tick(T0);
        assertThat(detector.states()).extracting(ServiceState::health).containsOnly(Health.UNKNOWN);
        assertThat(detector.states()).extracting(ServiceState::since).containsOnly(T0);
    }

    @Test
    void aFailingNonCriticalCheckDegradesTheService() {
        var http = Fleet.check("bank", "http", true, Thresholds.DEFAULTS, Map.of());
        var dns = Fleet.check("bank", "dns", false, Thresholds.DEFAULTS, Map.of());
        use(List.of(Fleet.service("bank", "p", null, null, List.of(), List.of(http, dns))), VANTAGES);
        rounds(0, 2, Failing.none());
        rounds(3, 6, (c, v) -> c.equals("bank.dns"));

        assertThat(health("bank")).isEqualTo(Health.DEGRADED);
        Incident i = opened().get(0).incident();
        assertThat(i.severity()).isEqualTo(Severity.WARNING);
        assertThat(i.title().en()).isEqualTo("bank-en degraded");

        rounds(7, 8, (c, v) -> true);
        assertThat(health("bank")).isEqualTo(Health.DOWN);
        IncidentTransition escalated = transitions.get(transitions.size() - 1);
        assertThat(escalated.type()).isEqualTo(TransitionType.UPDATED);
        assertThat(escalated.incident().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(escalated.incident().id()).isEqualTo(i.id());
    }

    // ---- latency ----

    @Test
    void aLatencyBrownoutDegradesTheServiceWithoutFixedThresholds() {
        use(List.of(Fleet.service("map", "p", null, null, List.of())), VANTAGES);
        Random random = new Random(7);
        int round = 0;
        for (; round < 30; round++) {
            feed(at(round).plusMillis(500), latencyRound(at(round), 80 + random.nextInt(20)));
        }
        assertThat(health("map")).isEqualTo(Health.UP);
        for (; round < 32; round++) {
            feed(at(round).plusMillis(500), latencyRound(at(round), 200 + random.nextInt(20)));
        }
        assertThat(health("map")).isEqualTo(Health.DEGRADED);
        assertThat(detector.states().get(0).reason().en()).contains("map.tcp slow from 3 of 3 vantages");
        for (; round < 40; round++) {
            feed(at(round).plusMillis(500), latencyRound(at(round), 200 + random.nextInt(20)));
        }
        assertThat(opened().get(0).incident().title().en()).isEqualTo("map-en degraded");
        assertThat(health("map")).as("a brownout does not become the baseline").isEqualTo(Health.DEGRADED);
        for (; round < 43; round++) {
            feed(at(round).plusMillis(500), latencyRound(at(round), 80 + random.nextInt(20)));
        }
        assertThat(health("map")).isEqualTo(Health.UP);
        assertThat(transitions).extracting(IncidentTransition::type).containsExactly(TransitionType.OPENED, TransitionType.RESOLVED);
    }

    private List<ProbeResult> latencyRound(Instant at, double ms) {
        return vantages.stream().map(v -> Fleet.ok("map.tcp", v, at, ms)).toList();
    }

    // ---- flapping ----

    @Test
    void aFlappingServiceIsOneIncidentAndFlappingIsReportedOnce() {
        rounds(0, 2, Failing.none());
        int round = 3;
        for (int cycle = 0; cycle < 6; cycle++) {
            rounds(round, round + 1, Failing.services("kakaopay"));
            rounds(round + 2, round + 3, Failing.none());
            round += 4;
        }
        assertThat(transitions).extracting(t -> t.incident().id()).containsOnly(transitions.get(0).incident().id());
        assertThat(opened()).hasSize(1);
        assertThat(transitions.stream().filter(t -> t.incident().timeline().get(t.incident().timeline().size() - 1)
                .text().en().contains("is flapping"))).hasSize(1);
        assertThat(transitions.size()).as("not a transition per change").isLessThan(6);
        assertThat(detector.openIncidents()).hasSize(1);

        // Stable for the flapping window: resolved.
        rounds(round, round + 60, Failing.none());
        IncidentTransition last = transitions.get(transitions.size() - 1);
        assertThat(last.type()).isEqualTo(TransitionType.RESOLVED);
        assertThat(detector.openIncidents()).isEmpty();
    }

    // ---- probe faults ----

    @Test
    void aVantageFailingWhatOthersSeeUpIsAProbeFaultNotAnOutage() {
        rounds(0, 2, Failing.none());
        rounds(3, 6, Failing.vantage("busan"));

        assertThat(detector.states()).extracting(ServiceState::health).containsOnly(Health.UP);
        assertThat(transitions).hasSize(1);
        Incident fault = transitions.get(0).incident();
        assertThat(fault.kind()).isEqualTo(IncidentKind.PROBE_FAULT);
        assertThat(fault.vantages()).containsExactly("busan");
        assertThat(fault.services()).isEmpty();
        assertThat(fault.hypothesis().attribute()).isEqualTo("vantage");
        assertThat(fault.hypothesis().value()).isEqualTo("busan");
        assertThat(fault.hypothesis().text().en()).contains("Vantage busan fails 8 of 8 checks");
        assertThat(detector.faultedVantages()).containsExactly("busan");

        // Out of the quorum: the two others decide alone (2 of 2 needed).
        rounds(7, 8, Failing.services("kakaotalk").onlyFrom("seoul"));
        assertThat(health("kakaotalk")).isEqualTo(Health.UP);

        rounds(9, 11, Failing.none());
        assertThat(transitions.get(transitions.size() - 1).type()).isEqualTo(TransitionType.RESOLVED);
        assertThat(detector.faultedVantages()).isEmpty();
        assertThat(of(IncidentKind.SERVICE)).isEmpty();
    }

    @Test
    void aSilentVantageIsAProbeFault() {
        rounds(0, 2, Failing.none());
        for (int i = 3; i <= 5; i++) {
            feed(at(i).plusMillis(100), Fleet.round(fleet, List.of("seoul", "busan"), at(i), Failing.none()));
        }
        // daejeon's newest result is from round 2: silent after 10 s + 2 s + 2.5 s.
        assertThat(of(IncidentKind.PROBE_FAULT)).singleElement().satisfies(t -> {
            assertThat(t.incident().vantages()).containsExactly("daejeon");
            assertThat(t.incident().hypothesis().text().en()).startsWith("No results arrive from vantage daejeon");
        });
        assertThat(of(IncidentKind.PROBE_FAULT).get(0).incident().startedAt()).isEqualTo(at(4).plusMillis(100));
        assertThat(of(IncidentKind.SERVICE)).isEmpty();
    }

    @Test
    void everyVantageFailingOnEverythingIsReportedAsSuch() {
        rounds(0, 2, Failing.none());
        rounds(3, 6, (c, v) -> true);

        assertThat(transitions).singleElement().satisfies(t -> {
            assertThat(t.incident().kind()).isEqualTo(IncidentKind.PROBE_FAULT);
            assertThat(t.incident().hypothesis().attribute()).isEqualTo("network");
            assertThat(t.incident().hypothesis().text().en())
                    .isEqualTo("Every vantage (3) fails nearly every check (8 of 8) → the monitor's own network, or a nationwide network outage.");
            assertThat(t.incident().vantages()).containsExactlyElementsOf(VANTAGES);
        });
        rounds(7, 9, Failing.none());
        assertThat(transitions).extracting(IncidentTransition::type).containsExactly(TransitionType.OPENED, TransitionType.RESOLVED);
    }

    // ---- correlation ----

    @Test
    void theOnCallTitleNamesTheSharedValueByItsConfiguredDisplayName() {
        detector = new Detector(fleet, vantages, DetectorConfig.defaults(), IncidentIds.timeSortable(new Random(1)),
                (attribute, value) -> "kakao".equals(value) ? new LocalizedText("카카오", "Kakao") : new LocalizedText(value, value));
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));

        List<IncidentTransition> groups = of(IncidentKind.CORRELATED);
        assertThat(groups.get(groups.size() - 1).incident().title()).isEqualTo(new LocalizedText("카카오 서비스 4개 동시 장애", "4 Kakao services down"));
    }

    @Test
    void servicesFailingTogetherBecomeOneCorrelatedIncidentNamingTheCause() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));

        List<IncidentTransition> groups = of(IncidentKind.CORRELATED);
        Incident group = groups.get(groups.size() - 1).incident();
        assertThat(group.services()).containsExactlyInAnyOrder("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(group.hypothesis().attribute()).isEqualTo("provider");
        assertThat(group.hypothesis().value()).isEqualTo("kakao");
        assertThat(group.hypothesis().evidence()).startsWith(
                new Evidence("provider", "kakao", 4, 4), new Evidence("datacenter", "pangyo", 4, 6));
        assertThat(group.hypothesis().text().en()).isEqualTo(
                "All 4 services of provider kakao are down, all hosted in datacenter pangyo; naver services in pangyo are unaffected → provider-side failure.");
        assertThat(group.hypothesis().text().ko()).isEqualTo(
                "제공자 kakao의 서비스 4개가 모두 장애입니다 (모두 데이터센터 pangyo). pangyo의 naver 서비스는 정상입니다 → 제공자 측 장애로 보입니다.");
        assertThat(group.title()).isEqualTo(new LocalizedText("kakao 서비스 4개 동시 장애", "4 kakao services down"));
        assertThat(group.startedAt()).isEqualTo(at(3));
        assertThat(detector.openIncidents()).filteredOn(i -> i.kind() == IncidentKind.SERVICE)
                .hasSize(4).allSatisfy(i -> assertThat(i.parentId()).isEqualTo(group.id()));
        assertThat(detector.openIncidents()).filteredOn(i -> i.parentId() == null).singleElement()
                .extracting(Incident::id).isEqualTo(group.id());
    }

    @Test
    void aCorrelatedIncidentIsUpdatedAsServicesRecoverAndResolvedWhenAllHave() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));
        String groupId = of(IncidentKind.CORRELATED).get(0).incident().id();
        rounds(5, 6, Failing.services("kakaobank", "kakaopay", "kakaomap"));
        rounds(7, 8, Failing.services("kakaomap"));
        rounds(9, 10, Failing.none());

        List<Incident> group = transitions.stream().map(IncidentTransition::incident).filter(i -> i.id().equals(groupId)).toList();
        assertThat(group).extracting(Incident::sequence).containsExactly(1, 2, 3, 4);
        assertThat(group.get(1).timeline().get(1).text().en()).isEqualTo("kakaotalk recovered.");
        assertThat(group.get(2).timeline().get(2).text().en()).isEqualTo("kakaobank recovered. kakaopay recovered.");
        Incident last = group.get(3);
        assertThat(last.state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(last.resolvedAt()).isEqualTo(at(10).plusMillis(100));
        assertThat(last.hypothesis().value()).isEqualTo("kakao");
        assertThat(detector.openIncidents()).isEmpty();
    }

    @Test
    void aServiceFailingLaterWithinTheWindowJoinsAndTheHypothesisFollows() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));
        rounds(5, 6, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap", "navertalk", "naverpay"));

        Incident group = of(IncidentKind.CORRELATED).get(of(IncidentKind.CORRELATED).size() - 1).incident();
        assertThat(group.services()).hasSize(6);
        assertThat(group.hypothesis().attribute() + "=" + group.hypothesis().value()).isEqualTo("datacenter=pangyo");
        assertThat(group.timeline().get(group.timeline().size() - 1).text().en())
                .contains("navertalk is failing too and joins this incident.");
    }

    @Test
    void unrelatedOrDistantFailuresAreNotCorrelated() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "navermap"));
        rounds(5, 12, Failing.services("kakaotalk", "navermap", "kakaomap"));
        // kakaomap started 20 s after kakaotalk: within 60 s, related by provider → correlated; navermap is not.
        assertThat(opened()).filteredOn(t -> t.incident().kind() == IncidentKind.SERVICE).hasSize(3);
        assertThat(of(IncidentKind.CORRELATED)).isNotEmpty().allSatisfy(t ->
                assertThat(t.incident().services()).containsExactlyInAnyOrder("kakaotalk", "kakaomap"));
        transitions.clear();
        use(Fleet.korea(), VANTAGES);
        rounds(0, 2, Failing.none());
        rounds(3, 10, Failing.services("kakaotalk"));
        rounds(11, 16, Failing.services("kakaotalk", "kakaomap"));
        // kakaomap started 80 s after kakaotalk: outside the 60 s window, and no group to join.
        assertThat(opened()).hasSize(2);
        assertThat(of(IncidentKind.CORRELATED)).isEmpty();
    }

    @Test
    void aSharedDependencyIsTheTopHypothesis() {
        rounds(0, 2, Failing.none());
        rounds(3, 6, Failing.services("kakaobank", "kakaopay"));
        Incident group = of(IncidentKind.CORRELATED).get(0).incident();
        assertThat(group.hypothesis().attribute() + "=" + group.hypothesis().value()).isEqualTo("dependsOn=kakao-account");
        assertThat(group.hypothesis().text().en()).endsWith("→ failure of the shared dependency kakao-account.");
    }

    @Test
    void aCorrelatedIncidentIsCriticalOnceAMemberIsDown() {
        List<ServiceConfig> two = List.of("a", "b").stream().map(id -> Fleet.service(id, "acme", "dc1", null, List.of(), List.of(
                Fleet.check(id, "http", true, Thresholds.DEFAULTS, Map.of()),
                Fleet.check(id, "dns", false, Thresholds.DEFAULTS, Map.of())))).toList();
        use(two, VANTAGES);
        rounds(0, 2, Failing.none());
        rounds(3, 6, (c, v) -> c.endsWith(".dns"));
        Incident group = of(IncidentKind.CORRELATED).get(0).incident();
        assertThat(group.severity()).isEqualTo(Severity.WARNING);
        rounds(7, 8, (c, v) -> c.endsWith(".dns") || c.equals("a.http"));
        Incident escalated = of(IncidentKind.CORRELATED).get(of(IncidentKind.CORRELATED).size() - 1).incident();
        assertThat(escalated.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(escalated.timeline().get(escalated.timeline().size() - 1).text().en())
                .isEqualTo("A member is down: severity is now critical.");
    }

    // ---- late, replayed and future results ----

    @Test
    void lateResultsAreDroppedWithoutChangingState() {
        rounds(0, 4, Failing.none());
        DetectorOutput out = feed(at(4).plusSeconds(1), List.of(
                Fleet.fail("kakaotalk.tcp", "seoul", at(2)), Fleet.fail("kakaotalk.tcp", "busan", at(3))));
        assertThat(out.isEmpty()).isTrue();
        assertThat(detector.lateResults()).isEqualTo(2);
        assertThat(health("kakaotalk")).isEqualTo(Health.UP);
    }

    @Test
    void aReplayedBufferFromThePastIsTakenInOrderAndEndsTheSilence() {
        rounds(0, 2, Failing.none());
        for (int i = 3; i <= 8; i++) {
            feed(at(i).plusMillis(100), Fleet.round(fleet, List.of("seoul", "busan"), at(i), Failing.none()));
        }
        assertThat(detector.faultedVantages()).containsExactly("daejeon");
        // daejeon comes back and replays its buffer, newest last, out of order within the batch.
        List<ProbeResult> buffer = new ArrayList<>();
        for (int i = 8; i >= 3; i--) {
            buffer.addAll(Fleet.round(fleet, List.of("daejeon"), at(i), i < 5 ? Failing.services("kakaotalk") : Failing.none()));
        }
        DetectorOutput out = feed(at(8).plusMillis(500), buffer);
        assertThat(detector.faultedVantages()).isEmpty();
        assertThat(out.transitions()).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo(TransitionType.RESOLVED));
        assertThat(health("kakaotalk")).isEqualTo(Health.UP);
        assertThat(detector.lateResults()).isZero();
    }

    @Test
    void resultsFromTheFutureAreIgnored() {
        rounds(0, 2, Failing.none());
        feed(at(2).plusSeconds(1), List.of(Fleet.fail("kakaotalk.tcp", "seoul", at(2).plus(Duration.ofHours(1)))));
        assertThat(detector.ignoredResults()).isEqualTo(1);
        rounds(3, 3, Failing.none());
        assertThat(detector.lateResults()).isZero();
    }

    // ---- restore ----

    @Test
    void restoredOpenIncidentsContinueInsteadOfReopening() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));
        List<Incident> open = detector.openIncidents();
        assertThat(open).hasSize(5);
        Map<String, Integer> sequences = new HashMap<>();
        open.forEach(i -> sequences.put(i.id(), i.sequence()));

        detector = newDetector();
        detector.restore(open);
        assertThat(detector.openIncidents()).extracting(Incident::id).containsExactlyInAnyOrderElementsOf(sequences.keySet());
        transitions.clear();
        rounds(5, 7, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));
        assertThat(transitions).as("still failing after the restart: nothing new").isEmpty();

        rounds(8, 9, Failing.none());
        assertThat(transitions).extracting(IncidentTransition::type).containsOnly(TransitionType.RESOLVED);
        for (IncidentTransition t : transitions) {
            assertThat(sequences).containsKey(t.incident().id());
        }
        assertThat(transitions).filteredOn(t -> t.type() == TransitionType.RESOLVED)
                .allSatisfy(t -> assertThat(t.incident().sequence()).isGreaterThan(sequences.get(t.incident().id())))
                .hasSize(5);
        assertThat(detector.openIncidents()).isEmpty();
    }

    @Test
    void aRestoredProbeFaultWaitsForFreshDataBeforeResolving() {
        rounds(0, 2, Failing.none());
        rounds(3, 6, Failing.vantage("busan"));
        List<Incident> open = detector.openIncidents();
        detector = newDetector();
        detector.restore(open);
        transitions.clear();
        detector.tick(at(7));
        assertThat(detector.faultedVantages()).containsExactly("busan");
        rounds(7, 9, Failing.none());
        assertThat(transitions).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.RESOLVED);
            assertThat(t.incident().id()).isEqualTo(open.get(0).id());
        });
    }

    @Test
    void everyTransitionHasTheNextSequenceNumberAndATimelineEntry() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk", "kakaobank"));
        rounds(5, 6, Failing.none());
        Map<String, Integer> last = new HashMap<>();
        for (IncidentTransition t : transitions) {
            Incident i = t.incident();
            assertThat(i.sequence()).isEqualTo(last.getOrDefault(i.id(), 0) + 1);
            assertThat(i.timeline()).hasSize(i.sequence());
            assertThat(i.timeline().get(i.sequence() - 1).type()).isEqualTo(t.type());
            last.put(i.id(), i.sequence());
        }
    }

    // ---- v2: pacing, staggered onsets, waves, blindness, overloaded probes ----

    @Test
    void fourServicesRefusingAreOneCorrelatedIncidentAfterOneFailedRound() {
        rounds(0, 2, Failing.none());
        rounds(3, 3, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));

        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        assertThat(of(IncidentKind.CORRELATED)).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.OPENED);
            assertThat(t.incident().services()).containsExactlyInAnyOrder("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
            assertThat(t.incident().updatedAt()).isEqualTo(at(3).plusMillis(100));
        });
        assertThat(of(IncidentKind.SERVICE)).hasSize(4).allSatisfy(t -> assertThat(t.incident().parentId()).isNotNull());
    }

    @Test
    void anIncompleteCauseWaitsOneIntervalForStragglersSoTheFirstPageIsWhole() {
        rounds(0, 2, Failing.none());
        rounds(3, 3, Failing.services("kakaotalk", "kakaobank", "kakaopay"));
        assertThat(transitions).as("provider kakao is 3/4: wait up to interval + timeout").isEmpty();
        rounds(4, 4, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));
        assertThat(of(IncidentKind.CORRELATED)).singleElement().satisfies(t -> {
            assertThat(t.incident().services()).hasSize(4);
            assertThat(t.incident().startedAt()).isEqualTo(at(3));
        });
    }

    @Test
    void aBlipShorterThanTheConfirmationSendsNothingThoughTheStateWasDown() {
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk"));
        assertThat(health("kakaotalk")).isEqualTo(Health.DOWN);
        rounds(5, 10, Failing.none());

        assertThat(health("kakaotalk")).isEqualTo(Health.UP);
        assertThat(transitions).isEmpty();
        assertThat(changes).extracting(c -> c.current().health()).contains(Health.DOWN);
    }

    @Test
    void aFailureShorterThanTheConfirmationSendsNothingEvenWhenJudgedLongAfterItsLastResult() {
        rounds(0, 2, Failing.none());
        rounds(3, 5, Failing.services("kakaotalk"));
        // The next results are late: the detector ticks on past the confirmation time (30 s after the onset at round 3)
        // with failures as the latest results, yet short of silence. Three failures span two intervals, less than the
        // confirmation (three): no page.
        for (int s = 1; s <= 13; s++) {
            transitions.addAll(detector.tick(at(5).plusSeconds(s)).transitions());
        }
        rounds(6, 10, Failing.none());

        assertThat(transitions).isEmpty();
    }

    @Test
    void aLoneFailureIsPagedOnceItsFailingProbesSpanTheConfirmation() {
        rounds(0, 2, Failing.none());
        rounds(3, 5, Failing.services("kakaotalk"));
        assertThat(transitions).isEmpty();
        rounds(6, 6, Failing.services("kakaotalk"));

        assertThat(opened()).singleElement().satisfies(t -> assertThat(t.incident().startedAt()).isEqualTo(at(3)));
    }

    @Test
    void aServiceFailingLongBeforeTheOthersJoinsTheirCorrelatedIncident() {
        rounds(0, 2, Failing.none());
        rounds(3, 50, Failing.services("kakaotalk"));
        assertThat(opened()).singleElement().satisfies(t -> assertThat(t.incident().kind()).isEqualTo(IncidentKind.SERVICE));
        // 8 minutes later the rest of kakao fails.
        rounds(51, 53, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));

        assertThat(of(IncidentKind.CORRELATED)).extracting(t -> t.incident().id()).containsOnly(of(IncidentKind.CORRELATED).get(0).incident().id());
        Incident group = detector.openIncidents().stream().filter(i -> i.kind() == IncidentKind.CORRELATED).findFirst().orElseThrow();
        assertThat(group.services()).containsExactlyInAnyOrder("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(group.startedAt()).as("the earliest member's onset").isEqualTo(at(3));
        assertThat(group.hypothesis().attribute() + "=" + group.hypothesis().value()).isEqualTo("provider=kakao");
        assertThat(detector.openIncidents()).filteredOn(i -> i.parentId() == null).singleElement()
                .extracting(Incident::id).isEqualTo(group.id());
    }

    @Test
    void aSecondWaveJoinsTheStoryAndTheCauseIsRevised() {
        rounds(0, 2, Failing.none());
        rounds(3, 182, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));
        // Half an hour later naver's services in the same datacenter fail too.
        rounds(183, 185, Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap", "navertalk", "naverpay"));

        List<IncidentTransition> groups = of(IncidentKind.CORRELATED);
        assertThat(groups).extracting(t -> t.incident().id()).containsOnly(groups.get(0).incident().id());
        assertThat(groups.get(0).incident().hypothesis().value()).isEqualTo("kakao");
        Incident revised = groups.stream().map(IncidentTransition::incident)
                .filter(i -> i.hypothesis().value().equals("pangyo")).findFirst().orElseThrow();
        assertThat(revised.services()).hasSize(6);
        String entry = revised.timeline().get(revised.timeline().size() - 1).text().en();
        assertThat(entry).contains("navertalk is failing too and joins this incident.")
                .contains("Likely cause revised from provider=kakao to datacenter=pangyo: 6 of 6 services of datacenter pangyo are down");
        assertThat(revised.timeline().get(revised.timeline().size() - 1).text().ko()).contains("추정 원인이 provider=kakao에서 datacenter=pangyo");
        assertThat(revised.title().en()).isEqualTo("6 services down");
        assertThat(detector.openIncidents()).filteredOn(i -> i.parentId() == null).hasSize(1);
    }

    @Test
    void unrelatedFailuresTwentySecondsApartStayApartThoughTheWholeFleetSharesARegion() {
        use(Fleet.korea().stream().map(s -> Fleet.service(s.id(), s.provider(), s.datacenter(), "kr", s.dependsOn())).toList(), VANTAGES);
        rounds(0, 2, Failing.none());
        rounds(3, 4, Failing.services("kakaotalk"));
        rounds(5, 12, Failing.services("kakaotalk", "navermap"));

        assertThat(opened()).hasSize(2).allSatisfy(t -> assertThat(t.incident().kind()).isEqualTo(IncidentKind.SERVICE));
        assertThat(of(IncidentKind.CORRELATED)).isEmpty();
    }

    @Test
    void everyVantageSilentIsOneBlindIncidentUntilProbingReturns() {
        rounds(0, 2, Failing.none());
        // seoul dies first, the others a round later: one story, not a probe fault per vantage.
        feed(at(3).plusMillis(100), Fleet.round(fleet, List.of("busan", "daejeon"), at(3), Failing.none()));
        for (int s = 1; s <= 20; s++) {
            transitions.addAll(detector.tick(at(3).plusSeconds(s)).transitions());
        }
        assertThat(transitions).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.OPENED);
            assertThat(t.incident().kind()).isEqualTo(IncidentKind.PROBE_FAULT);
            assertThat(t.incident().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(t.incident().hypothesis().attribute()).isEqualTo("monitoring");
            assertThat(t.incident().title().en()).isEqualTo("Monitoring is blind from every vantage");
            assertThat(t.incident().updatedAt()).isBefore(at(5).plusMillis(1));
        });
        for (int s = 21; s <= 600; s += 10) {
            transitions.addAll(detector.tick(at(3).plusSeconds(s)).transitions());
        }
        assertThat(transitions).hasSize(1);

        rounds(64, 66, Failing.none());
        assertThat(transitions).extracting(IncidentTransition::type).containsExactly(TransitionType.OPENED, TransitionType.RESOLVED);
        assertThat(detector.faultedVantages()).isEmpty();
        assertThat(detector.openIncidents()).isEmpty();
    }

    @Test
    void anOverloadedProbeNodeIsAProbeFaultNotANetworkFault() {
        rounds(0, 2, Failing.none());
        transitions.addAll(detector.onProbeNodeStats("busan", "busan-1", true, 4200, at(2).plusSeconds(5)).transitions());

        assertThat(detector.faultedVantages()).containsExactly("busan");
        assertThat(transitions).singleElement().satisfies(t -> {
            assertThat(t.incident().kind()).isEqualTo(IncidentKind.PROBE_FAULT);
            assertThat(t.incident().hypothesis().attribute() + "=" + t.incident().hypothesis().value()).isEqualTo("vantage=busan");
            assertThat(t.incident().hypothesis().text().en()).contains("busan-1 of vantage busan is overloaded (scheduler lag 4200 ms)")
                    .contains("not of the network");
        });
        // Its late probes time out; it has no vote, so nothing is paged. The node keeps reporting its stats.
        for (int i = 3; i <= 6; i++) {
            rounds(i, i, Failing.vantage("busan"));
            transitions.addAll(detector.onProbeNodeStats("busan", "busan-1", true, 4200, at(i).plusSeconds(5)).transitions());
        }
        assertThat(transitions).hasSize(1);
        assertThat(detector.states()).extracting(ServiceState::health).containsOnly(Health.UP);

        rounds(7, 8, Failing.none());
        transitions.addAll(detector.onProbeNodeStats("busan", "busan-1", false, 40, at(8).plusSeconds(5)).transitions());
        assertThat(transitions.get(transitions.size() - 1).type()).isEqualTo(TransitionType.RESOLVED);
        assertThat(detector.faultedVantages()).isEmpty();
    }
}
