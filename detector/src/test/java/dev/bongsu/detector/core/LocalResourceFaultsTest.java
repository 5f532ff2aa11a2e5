package dev.bongsu.detector.core;

import static dev.bongsu.detector.core.Fleet.INTERVAL;
import static dev.bongsu.detector.core.Fleet.T0;
import static dev.bongsu.detector.core.Fleet.VANTAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.detector.core.Fleet.Failing;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.Timings;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A probe node that cannot open sockets ({@code local_resource}) is a probe-node fault, never evidence that a
 * service is down: one vantage so affected is a probe fault for that vantage, every vantage so affected is the
 * monitor blind.
 */
class LocalResourceFaultsTest {
    private final List<ServiceConfig> fleet = Fleet.korea();
    private final Detector detector = new Detector(fleet, VANTAGES, DetectorConfig.defaults(), IncidentIds.timeSortable(new Random(1)));
    private final List<IncidentTransition> transitions = new ArrayList<>();
    private final List<ServiceStateChange> changes = new ArrayList<>();

    private static Instant at(int round) {
        return T0.plus(INTERVAL.multipliedBy(round));
    }

    private static ProbeResult local(String checkId, String vantage, Instant at) {
        return ProbeResult.failure(checkId, checkId.substring(0, checkId.indexOf('.')), vantage, at.toEpochMilli(),
                ErrorClass.LOCAL_RESOURCE, 0, Timings.total(0.1), "probe of " + checkId + " could not run on this host: Too many open files");
    }

    /** Rounds {@code from} … {@code to}: the probes of {@code localAt} cannot run, the others fail as {@code failing} says. */
    private void rounds(int from, int to, Set<String> localAt, Failing failing) {
        for (int i = from; i <= to; i++) {
            List<ProbeResult> results = new ArrayList<>();
            for (ProbeResult r : Fleet.round(fleet, VANTAGES, at(i), failing)) {
                results.add(localAt.contains(r.vantage()) ? local(r.checkId(), r.vantage(), at(i)) : r);
            }
            DetectorOutput out = detector.onResults(results, at(i).plusMillis(100));
            transitions.addAll(out.transitions());
            changes.addAll(out.stateChanges());
        }
    }

    private List<IncidentTransition> opened() {
        return transitions.stream().filter(t -> t.type() == TransitionType.OPENED).toList();
    }

    @Test
    void oneProbeNodeOutOfDescriptorsIsAProbeFaultOfItsVantageWithinARound() {
        rounds(0, 2, Set.of(), Failing.none());
        rounds(3, 3, Set.of("seoul"), Failing.none());
        // The others might be next (probe nodes of one process): seoul counts as alone once another vantage has
        // reported a probe started an interval + margin (10 s + 2.5 s) after its first failure, i.e. at round 5.
        rounds(4, 4, Set.of("seoul"), Failing.none());
        assertThat(transitions).isEmpty();
        rounds(5, 5, Set.of("seoul"), Failing.none());

        assertThat(detector.faultedVantages()).containsExactly("seoul");
        assertThat(transitions).singleElement().satisfies(t -> {
            Incident i = t.incident();
            assertThat(i.kind()).isEqualTo(IncidentKind.PROBE_FAULT);
            assertThat(i.severity()).isEqualTo(Severity.WARNING);
            assertThat(i.vantages()).containsExactly("seoul");
            assertThat(i.hypothesis().attribute() + "=" + i.hypothesis().value()).isEqualTo("vantage=seoul");
            assertThat(i.hypothesis().text().en())
                    .isEqualTo("The probe node of vantage seoul cannot run 8 of 8 checks (Too many open files) → the probe node "
                            + "itself is out of file descriptors, local ports or threads; this is no evidence about the services. "
                            + "It is left out of the quorum.");
        });

        rounds(6, 12, Set.of("seoul"), Failing.none());
        assertThat(transitions).hasSize(1);
        assertThat(detector.states()).extracting(ServiceState::health).containsOnly(Health.UP);
        assertThat(changes).noneMatch(c -> c.current().health() == Health.DOWN);

        // Sockets again: resolved one round after the last failed probe, once the vantage reports fresh results.
        rounds(13, 14, Set.of(), Failing.none());
        assertThat(transitions).extracting(IncidentTransition::type).containsExactly(TransitionType.OPENED, TransitionType.RESOLVED);
        assertThat(detector.faultedVantages()).isEmpty();
        assertThat(detector.openIncidents()).isEmpty();
    }

    @Test
    void aProbeNodeRunningOnlySomeChecksIsAProbeFaultAndItsFailuresStayOutOfTheQuorum() {
        rounds(0, 2, Set.of(), Failing.none());
        // seoul runs out of local ports for kakao's checks only; busan alone sees kakaotalk fail: no quorum.
        for (int i = 3; i <= 8; i++) {
            List<ProbeResult> results = new ArrayList<>();
            for (ProbeResult r : Fleet.round(fleet, VANTAGES, at(i), Failing.services("kakaotalk").onlyFrom("busan"))) {
                results.add(r.vantage().equals("seoul") && r.serviceId().startsWith("kakao") ? local(r.checkId(), "seoul", at(i)) : r);
            }
            transitions.addAll(detector.onResults(results, at(i).plusMillis(100)).transitions());
        }
        assertThat(detector.faultedVantages()).containsExactly("seoul");
        assertThat(opened()).singleElement().satisfies(t ->
                assertThat(t.incident().hypothesis().text().en()).contains("cannot run 4 of 8 checks"));
        assertThat(detector.checkHealth("kakaotalk.tcp")).isEqualTo(Health.UP);
    }

    @Test
    void aRealOutageIsStillSeenByTheOtherVantages() {
        rounds(0, 2, Set.of(), Failing.none());
        rounds(3, 6, Set.of("seoul"), Failing.services("kakaotalk", "kakaobank", "kakaopay", "kakaomap"));

        assertThat(detector.faultedVantages()).containsExactly("seoul");
        assertThat(opened()).extracting(t -> t.incident().kind())
                .contains(IncidentKind.PROBE_FAULT, IncidentKind.CORRELATED);
        Incident group = opened().stream().map(IncidentTransition::incident)
                .filter(i -> i.kind() == IncidentKind.CORRELATED).findFirst().orElseThrow();
        assertThat(group.services()).containsExactlyInAnyOrder("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        assertThat(group.vantages()).doesNotContain("seoul");
        assertThat(detector.states().stream().filter(s -> s.serviceId().startsWith("naver")))
                .extracting(ServiceState::health).containsOnly(Health.UP);
    }

    @Test
    void everyProbeNodeOutOfDescriptorsIsOneBlindIncidentAndNoServiceIsDown() {
        rounds(0, 2, Set.of(), Failing.none());
        rounds(3, 3, Set.copyOf(VANTAGES), Failing.none());

        assertThat(transitions).singleElement().satisfies(t -> {
            Incident i = t.incident();
            assertThat(i.kind()).isEqualTo(IncidentKind.PROBE_FAULT);
            assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(i.hypothesis().attribute() + "=" + i.hypothesis().value()).isEqualTo("monitoring=all-vantages");
            assertThat(i.title().en()).isEqualTo("Monitoring is blind from every vantage");
            assertThat(i.hypothesis().text().en()).startsWith("The probe nodes of every vantage (3) cannot run their probes");
        });

        rounds(4, 12, Set.copyOf(VANTAGES), Failing.none());
        assertThat(transitions).hasSize(1);
        assertThat(changes).noneMatch(c -> c.current().health() == Health.DOWN);
        // Nothing is known any more: unknown by staleness, never down.
        assertThat(detector.states()).extracting(ServiceState::health).containsOnly(Health.UNKNOWN);
        for (CheckConfig c : fleet.stream().flatMap(s -> s.checks().stream()).toList()) {
            assertThat(detector.checkHealth(c.id())).isEqualTo(Health.UNKNOWN);
        }

        rounds(13, 15, Set.of(), Failing.none());
        assertThat(transitions).extracting(IncidentTransition::type).containsExactly(TransitionType.OPENED, TransitionType.RESOLVED);
        assertThat(detector.states()).extracting(ServiceState::health).containsOnly(Health.UP);
        assertThat(detector.openIncidents()).isEmpty();
    }

    @Test
    void oldLocalFailuresReplayedFromABufferChangeNothing() {
        rounds(0, 6, Set.of(), Failing.none());
        List<ProbeResult> replayed = new ArrayList<>();
        for (ServiceConfig s : fleet) {
            replayed.add(local(s.checks().get(0).id(), "busan", at(1)));
        }
        transitions.addAll(detector.onResults(replayed, at(6).plusSeconds(1)).transitions());
        assertThat(transitions).isEmpty();
        assertThat(detector.faultedVantages()).isEmpty();
    }
}
