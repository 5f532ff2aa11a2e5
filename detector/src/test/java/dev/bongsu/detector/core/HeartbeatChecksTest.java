package dev.bongsu.detector.core;

import static dev.bongsu.detector.core.Fleet.INTERVAL;
import static dev.bongsu.detector.core.Fleet.T0;
import static dev.bongsu.detector.core.Fleet.VANTAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.detector.core.Fleet.Failing;
import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Heartbeat checks in the detector: judged from the {@code push} vantage alone, which is never a place that fails. */
class HeartbeatChecksTest {
    private static final Duration PERIOD = INTERVAL;
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final String BATCH = "kakao-batch.heartbeat";

    /** kakao: two probed services and a nightly-batch job that pushes; naver: two probed services. */
    private final List<ServiceConfig> fleet = List.of(
            Fleet.service("kakaotalk", "kakao", "pangyo", "kr-capital", List.of()),
            Fleet.service("kakaobank", "kakao", "pangyo", "kr-capital", List.of()),
            Fleet.service("kakao-batch", "kakao", "pangyo", "kr-capital", List.of(),
                    List.of(Fleet.heartbeat("kakao-batch", PERIOD, GRACE))),
            Fleet.service("navermap", "naver", "chuncheon", "kr-gangwon", List.of()),
            Fleet.service("naverbank", "naver", "chuncheon", "kr-gangwon", List.of()));
    private final Detector detector = new Detector(fleet, VANTAGES, DetectorConfig.defaults(), IncidentIds.timeSortable(new Random(1)));
    private final List<IncidentTransition> transitions = new ArrayList<>();

    private static Instant at(int round) {
        return T0.plus(INTERVAL.multipliedBy(round));
    }

    private void feed(Instant now, List<ProbeResult> results) {
        transitions.addAll(detector.onResults(results, now).transitions());
    }

    /** Rounds of the probed checks from every vantage, the job pushing at the same times when {@code pushes}. */
    private void rounds(int from, int to, Failing failing, boolean pushes) {
        for (int i = from; i <= to; i++) {
            List<ProbeResult> results = new ArrayList<>(Fleet.round(fleet, VANTAGES, at(i), failing));
            if (pushes) {
                results.add(Fleet.pushed(BATCH, at(i)));
            }
            feed(at(i).plusMillis(100), results);
        }
    }

    private Health health(String service) {
        return detector.states().stream().filter(s -> s.serviceId().equals(service)).findFirst().orElseThrow().health();
    }

    private List<IncidentTransition> of(IncidentKind kind) {
        return transitions.stream().filter(t -> t.incident().kind() == kind).toList();
    }

    @Test
    void aMissedDeadlineSeenFromPushAloneMakesTheCheckDownAndOpensItsIncidentAtOnce() {
        rounds(0, 2, Failing.none(), true);
        assertThat(detector.checkHealth(BATCH)).as("one push is a quorum of the one vantage that can see it").isEqualTo(Health.UP);

        Instant deadline = at(2).plus(PERIOD).plus(GRACE);
        feed(deadline.plusMillis(300), List.of(Fleet.missed(BATCH, deadline)));

        assertThat(health("kakao-batch")).isEqualTo(Health.DOWN);
        assertThat(of(IncidentKind.SERVICE)).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.OPENED);
            assertThat(t.incident().services()).containsExactly("kakao-batch");
            assertThat(t.incident().vantages()).containsExactly("push");
            assertThat(t.incident().startedAt()).isEqualTo(deadline);
            assertThat(t.incident().timeline().get(0).text().en())
                    .contains("kakao-batch.heartbeat failing from 1 of 1 vantages (heartbeat_missed)");
        });

        feed(deadline.plusSeconds(4), List.of(Fleet.pushed(BATCH, deadline.plusSeconds(4))));
        assertThat(health("kakao-batch")).as("one push and it is up again").isEqualTo(Health.UP);
        assertThat(transitions.get(transitions.size() - 1).type()).isEqualTo(TransitionType.RESOLVED);
        assertThat(detector.faultedVantages()).isEmpty();
    }

    @Test
    void pushResultsForProbedChecksAndVantageResultsForHeartbeatsAreIgnored() {
        rounds(0, 2, Failing.none(), true);
        long before = detector.ignoredResults();

        feed(at(2).plusSeconds(3), List.of(
                Fleet.fail("kakaotalk.tcp", "push", at(2).plusSeconds(2)),
                Fleet.fail(BATCH, "seoul", at(2).plusSeconds(2)),
                Fleet.fail(BATCH, "busan", at(2).plusSeconds(2))));

        assertThat(detector.ignoredResults() - before).isEqualTo(3);
        assertThat(detector.checkHealth("kakaotalk.tcp")).isEqualTo(Health.UP);
        assertThat(detector.checkHealth(BATCH)).isEqualTo(Health.UP);
        assertThat(detector.vantageHealth(at(2).plusSeconds(3))).as("push is no place on the map")
                .extracting(v -> v.vantage()).doesNotContain("push");
    }

    @Test
    void aPushStaysFreshForPeriodPlusGraceSoTheCheckIsNotUnknownBeforeTheMissIsReported() {
        rounds(0, 0, Failing.none(), true);
        rounds(1, 1, Failing.none(), false);
        // period 10 s + grace 5 s + margin max(¼ period, 2 s) = 17.5 s after the push
        detector.tick(at(0).plusMillis(17_500));
        assertThat(detector.checkHealth(BATCH)).isEqualTo(Health.UP);
        rounds(2, 2, Failing.none(), false);
        detector.tick(at(2).plusMillis(1));
        assertThat(detector.checkHealth(BATCH)).as("no push and no miss reported: the push side is silent")
                .isEqualTo(Health.UNKNOWN);
    }

    @Test
    void silentPushIsNeverAProbeFault() {
        rounds(0, 2, Failing.none(), true);
        rounds(3, 12, Failing.none(), false);

        assertThat(of(IncidentKind.PROBE_FAULT)).isEmpty();
        assertThat(detector.faultedVantages()).isEmpty();
        assertThat(health("kakao-batch")).isEqualTo(Health.UNKNOWN);
        assertThat(health("kakaotalk")).isEqualTo(Health.UP);
    }

    @Test
    void pushesDoNotHideThatEveryVantageIsSilent() {
        rounds(0, 2, Failing.none(), true);
        for (int s = 1; s <= 30; s++) {
            Instant now = at(2).plusSeconds(s);
            List<ProbeResult> push = s % 10 == 0 ? List.of(Fleet.pushed(BATCH, now)) : List.of();
            feed(now, push);
        }

        assertThat(of(IncidentKind.PROBE_FAULT)).singleElement().satisfies(t -> {
            assertThat(t.incident().hypothesis().attribute()).isEqualTo("monitoring");
            assertThat(t.incident().vantages()).containsExactlyInAnyOrderElementsOf(VANTAGES);
        });
        assertThat(detector.checkHealth(BATCH)).isEqualTo(Health.UP);
    }

    @Test
    void aHeartbeatFailingWithTwoServicesOfItsProviderJoinsTheCorrelatedIncident() {
        rounds(0, 2, Failing.none(), true);
        List<ProbeResult> round3 = new ArrayList<>(Fleet.round(fleet, VANTAGES, at(3), Failing.services("kakaotalk", "kakaobank")));
        round3.add(Fleet.missed(BATCH, at(3)));
        feed(at(3).plusMillis(100), round3);

        assertThat(of(IncidentKind.CORRELATED)).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TransitionType.OPENED);
            assertThat(t.incident().services()).containsExactlyInAnyOrder("kakaotalk", "kakaobank", "kakao-batch");
            assertThat(t.incident().hypothesis().attribute() + "=" + t.incident().hypothesis().value()).isEqualTo("provider=kakao");
        });
        String group = of(IncidentKind.CORRELATED).get(0).incident().id();
        assertThat(detector.openIncidents()).filteredOn(i -> i.kind() == IncidentKind.SERVICE)
                .extracting(Incident::parentId).hasSize(3).containsOnly(group);
    }

    @Test
    void heartbeatLatencyNeverMakesTheServiceDegraded() {
        for (int i = 0; i < 30; i++) {
            feed(at(i).plusMillis(100), List.of(Fleet.pushed(BATCH, at(i))));
        }
        for (int i = 30; i < 36; i++) {
            feed(at(i).plusMillis(100), List.of(ProbeResult.success(BATCH, "kakao-batch", "push", at(i).toEpochMilli(), 200,
                    dev.bongsu.model.Timings.total(9_000))));
        }
        assertThat(health("kakao-batch")).isEqualTo(Health.UP);
    }

    @Test
    void aLongHeartbeatPeriodDoesNotDelayTheConfirmationOfTheServicesProbedChecks() {
        ServiceConfig bank = Fleet.service("bank", "p", null, null, List.of(), List.of(
                Fleet.check("bank", "tcp", true, Thresholds.DEFAULTS, Map.of()),
                Fleet.heartbeat("bank", Duration.ofHours(24), Duration.ofHours(1))));
        Detector d = new Detector(List.of(bank), VANTAGES, DetectorConfig.defaults(), IncidentIds.timeSortable(new Random(1)));
        d.onResults(List.of(Fleet.pushed("bank.heartbeat", at(0))), at(0));
        List<IncidentTransition> out = new ArrayList<>();
        for (int i = 0; i <= 6; i++) {
            Failing failing = i >= 3 ? Failing.services("bank") : Failing.none();
            out.addAll(d.onResults(Fleet.round(List.of(bank), VANTAGES, at(i), failing), at(i).plusMillis(100)).transitions());
        }
        assertThat(out).as("confirmed after 3 × 10 s, not 3 days").singleElement()
                .satisfies(t -> assertThat(t.type()).isEqualTo(TransitionType.OPENED));
    }
}
