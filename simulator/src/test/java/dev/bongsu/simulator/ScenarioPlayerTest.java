package dev.bongsu.simulator;

import dev.bongsu.model.scenario.FleetService;
import dev.bongsu.model.scenario.Target;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScenarioPlayerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final Recorder recorder = new Recorder();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    /** Records what it is asked to do, and does it at once. */
    private static final class Recorder implements FaultInjector {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Future<List<String>> inject(Target target, Fault fault) {
            calls.add("inject " + fault.keyword() + " " + target.describe());
            return Future.succeededFuture(List.copyOf(Fleet.defaultFleet().select(target).stream().map(FleetService::id).toList()));
        }

        @Override
        public Future<List<String>> clear(Target target, Fault fault) {
            calls.add("clear " + fault.keyword() + " " + target.describe());
            return Future.succeededFuture(Fleet.defaultFleet().select(target).stream().map(FleetService::id).toList());
        }
    }

    private static Scenario scenario(String yaml) {
        return Scenarios.parse("test.yaml", yaml, Fleet.defaultFleet());
    }

    @Test
    void appliesStepsInTimelineOrderAndReportsEach() {
        Scenario s = scenario("""
                name: order
                steps:
                  - {at: 300ms, for: 200ms, target: {services: [kakaomap]}, fault: slow, delay: 1s}
                  - {at: 100ms, for: 400ms, target: {provider: kakao, datacenter: pangyo}, fault: refuse}
                  - {at: 500ms, target: {dependsOn: kakao-account}, fault: error}
                """);

        ScenarioRun run = new ScenarioPlayer(vertx, recorder, Clock.systemUTC()).play(s, r -> lines.add(r.line()));
        Await.result(run.finished());

        assertThat(recorder.calls).containsExactly(
                "inject refuse kakao services in pangyo",
                "inject slow kakaomap",
                "clear slow kakaomap",
                "clear refuse kakao services in pangyo",
                "inject error all services depending on kakao-account");
        assertThat(lines).containsExactly(
                "scenario order: kakao services in pangyo refuse connections for 400ms",
                "scenario order: kakaomap answers 1s slower for 200ms",
                "scenario order: kakaomap is back",
                "scenario order: kakao services in pangyo are back",
                "scenario order: all services depending on kakao-account answer 503 until the end");
    }

    @Test
    void stepsTheLiveFleetCannotPlayAreReportedAsSkipped() {
        Scenario s = scenario("""
                name: probes
                steps:
                  - {at: 0s, for: 100ms, target: {vantages: [busan-skb]}, fault: silent}
                  - {at: 0s, for: 100ms, target: {provider: kakao, vantages: [busan-skb]}, fault: hang}
                """);

        Await.result(new ScenarioPlayer(vertx, recorder, Clock.systemUTC()).play(s, r -> lines.add(r.line())).finished());

        assertThat(recorder.calls).isEmpty();
        assertThat(lines).containsExactly(
                "scenario probes: the probers of busan-skb reports nothing for 100ms (not played live: a probe-side "
                        + "fault; the live simulator only runs services)",
                "scenario probes: kakao services (seen from busan-skb) accept connections and never answer for 100ms "
                        + "(not played live: seen only from busan-skb; every vantage reaches the simulated services alike)",
                "scenario probes: the probers of busan-skb is back (not played live: a probe-side fault; the live "
                        + "simulator only runs services)",
                "scenario probes: kakao services (seen from busan-skb) are back (not played live: seen only from "
                        + "busan-skb; every vantage reaches the simulated services alike)");
    }

    @Test
    void waitsForEachOffsetFromTheChosenStart() {
        Scenario s = scenario("steps: [{at: 1h, target: {datacenter: pangyo}, fault: refuse}]");
        Instant start = Instant.now().minus(Duration.ofHours(1)).plusMillis(300);

        ScenarioRun run = new ScenarioPlayer(vertx, recorder, Clock.systemUTC()).play(s, start, r -> lines.add(r.line()));

        assertThat(run.start()).isEqualTo(start);
        assertThat(recorder.calls).isEmpty();
        await().atMost(DEADLINE).until(() -> recorder.calls.size() == 1);
        Await.result(run.finished());
        assertThat(lines).containsExactly("scenario test: all services in pangyo refuse connections until the end");
    }

    @Test
    void stepsWhoseTimeHasPassedAreAppliedAtOnceInOrder() {
        Scenario s = Scenarios.builtIn("dc-fire");

        ScenarioRun run = new ScenarioPlayer(vertx, recorder, Clock.systemUTC())
                .play(s, Instant.now().minus(Duration.ofMinutes(5)), r -> lines.add(r.line()));
        Await.result(run.finished());

        assertThat(recorder.calls).containsExactly("inject refuse kakao services in pangyo", "clear refuse kakao services in pangyo");
    }

    @Test
    void stopCancelsWhatIsToComeAndClearsWhatIsUnderWay() {
        Scenario s = scenario("""
                steps:
                  - {at: 0s, for: 1h, target: {services: [line]}, fault: hang}
                  - {at: 1h, target: {services: [navermap]}, fault: refuse}
                """);
        ScenarioRun run = new ScenarioPlayer(vertx, recorder, Clock.systemUTC()).play(s, r -> lines.add(r.line()));
        await().atMost(DEADLINE).until(() -> lines.size() == 1);

        Await.result(run.stop());

        assertThat(recorder.calls).containsExactly("inject hang line", "clear hang line");
        assertThat(run.finished().succeeded()).isTrue();
    }

    @Test
    void dcFireScaledDownTakesKakaoInPangyoDownAndBringsItBackWhileNaverStaysUp() {
        RunningFleet fleet = Await.result(new Simulator(vertx, Fleet.defaultFleet(), SimulatorOptions.defaults().withoutLatency()).start());
        int kakaotalk = fleet.service("kakaotalk").port();
        int line = fleet.service("line").port();
        // 20 s → 1 s before the fire, 60 s → 3 s of fire.
        Scenario fire = Scenarios.builtIn("dc-fire").scaled(0.05);

        ScenarioRun run = new ScenarioPlayer(vertx, fleet, Clock.systemUTC()).play(fire, r -> lines.add(r.line()));

        await().atMost(DEADLINE).until(() -> lines.size() == 1);
        assertThat(lines.get(0)).isEqualTo("scenario dc-fire: kakao services in pangyo refuse connections for 3s");
        assertThat(Http.refused(kakaotalk)).isTrue();
        assertThat(Http.refused(line)).isFalse();
        Await.result(run.finished());
        assertThat(lines.get(1)).isEqualTo("scenario dc-fire: kakao services in pangyo are back");
        assertThat(fleet.faults()).isEmpty();
        assertThat(Http.refused(kakaotalk)).isFalse();
    }
}
