package dev.bongsu.probes.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import dev.bongsu.model.config.TcpTarget;
import dev.bongsu.model.config.Thresholds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pushes and explicit times in, results out: up, down, missed at the deadline, repeated every period, reload. */
class HeartbeatTrackerTest {
    private static final long T0 = 1_800_000_000_000L;
    private static final CheckConfig BACKUP = heartbeat("backup", 60, 30);
    private static final CheckConfig TCP = new CheckConfig("db.tcp", "tcp", "db", CheckType.TCP, Duration.ofSeconds(10),
            Duration.ofSeconds(1), true, new TcpTarget("127.0.0.1", 5432), Thresholds.DEFAULTS, Map.of());

    private static CheckConfig heartbeat(String service, int periodSeconds, int graceSeconds) {
        Duration period = Duration.ofSeconds(periodSeconds);
        Duration grace = Duration.ofSeconds(graceSeconds);
        return new CheckConfig(service + ".heartbeat", "heartbeat", service, CheckType.HEARTBEAT, period, grace, true,
                new HeartbeatTarget(period, grace, null), Thresholds.DEFAULTS, Map.of());
    }

    private static long at(double seconds) {
        return T0 + (long) (seconds * 1000);
    }

    @Test
    void watchesOnlyHeartbeatChecks() {
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP, TCP), T0);

        assertThat(tracker.watches("backup.heartbeat")).isTrue();
        assertThat(tracker.watches("db.tcp")).isFalse();
        assertThat(tracker.push("db.tcp", true, null, at(1))).isEmpty();
        assertThat(tracker.push("nothing.here", true, null, at(1))).isEmpty();
    }

    @Test
    void anUpPushIsAPassingResultFromThePushVantage() {
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP), T0);

        ProbeResult r = tracker.push("backup.heartbeat", true, "ignored", at(5)).orElseThrow();

        assertThat(r.ok()).isTrue();
        assertThat(r.checkId()).isEqualTo("backup.heartbeat");
        assertThat(r.serviceId()).isEqualTo("backup");
        assertThat(r.vantage()).isEqualTo("push");
        assertThat(r.startedAt()).isEqualTo(at(5));
        assertThat(r.detail()).isNull();
    }

    @Test
    void aDownPushFailsWithTheJobsMessage() {
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP), T0);

        ProbeResult r = tracker.push("backup.heartbeat", false, "disk full", at(5)).orElseThrow();
        ProbeResult bare = tracker.push("backup.heartbeat", false, null, at(6)).orElseThrow();

        assertThat(r.ok()).isFalse();
        assertThat(r.error()).isEqualTo(ErrorClass.HEARTBEAT_DOWN);
        assertThat(r.detail()).isEqualTo("the job reported down: disk full");
        assertThat(bare.detail()).isEqualTo("the job reported down");
    }

    @Test
    void nothingIsDueBeforeStartPlusPeriodPlusGrace() {
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP), T0);

        assertThat(tracker.due(at(0))).isEmpty();
        assertThat(tracker.due(at(89.999))).isEmpty();
        List<ProbeResult> due = tracker.due(at(90));

        assertThat(due).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).isEqualTo(ErrorClass.HEARTBEAT_MISSED);
            assertThat(r.vantage()).isEqualTo("push");
            assertThat(r.startedAt()).isEqualTo(at(90));
            assertThat(r.detail()).isEqualTo("no heartbeat since monitoring started 90 s ago (expected every 60 s, grace 30 s)");
        });
    }

    @Test
    void aMissedCheckFailsAgainEveryPeriodUntilAPushComes() {
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP), T0);
        tracker.push("backup.heartbeat", true, null, at(10));

        assertThat(tracker.due(at(99))).isEmpty();
        assertThat(tracker.due(at(100))).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("no heartbeat for 90 s (expected every 60 s, grace 30 s)"));
        assertThat(tracker.due(at(101))).isEmpty();
        assertThat(tracker.due(at(159))).isEmpty();
        assertThat(tracker.due(at(160))).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("no heartbeat for 150 s (expected every 60 s, grace 30 s)"));

        tracker.push("backup.heartbeat", true, null, at(170));
        assertThat(tracker.due(at(220))).as("the deadline starts again at the push").isEmpty();
        assertThat(tracker.due(at(260))).hasSize(1);
    }

    @Test
    void aPushInTimeKeepsTheCheckFromFailing() {
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP), T0);
        for (int minute = 1; minute <= 10; minute++) {
            assertThat(tracker.due(at(minute * 60 + 25))).isEmpty();
            tracker.push("backup.heartbeat", true, null, at(minute * 60 + 25));
        }
    }

    @Test
    void aDownPushAlsoRenewsTheDeadline() {
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP), T0);
        tracker.push("backup.heartbeat", false, "failed", at(80));

        assertThat(tracker.due(at(90))).isEmpty();
        assertThat(tracker.due(at(170))).hasSize(1);
    }

    @Test
    void durationsAreSaidInSecondsUpToTenMinutesThenMinutesAndHours() {
        assertThat(HeartbeatTracker.words(119_999)).isEqualTo("119 s");
        assertThat(HeartbeatTracker.words(599_000)).isEqualTo("599 s");
        assertThat(HeartbeatTracker.words(1_500_000)).isEqualTo("25 min");
        assertThat(HeartbeatTracker.words(3 * 3_600_000 + 5)).isEqualTo("3 h");
    }

    @Test
    void reconfigureStartsNewChecksNowForgetsRemovedOnesAndKeepsTheLastPushOfOthers() {
        CheckConfig nightly = heartbeat("nightly", 10, 5);
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP), T0);
        tracker.push("backup.heartbeat", true, null, at(50));

        tracker.reconfigure(List.of(heartbeat("backup", 20, 5), nightly), at(60));

        assertThat(tracker.watches("nightly.heartbeat")).isTrue();
        assertThat(tracker.due(at(74))).isEmpty();
        assertThat(tracker.due(at(75))).extracting(ProbeResult::checkId)
                .as("backup by its new period from its last push (50 + 20 + 5); nightly from the reload (60 + 10 + 5)")
                .containsExactlyInAnyOrder("backup.heartbeat", "nightly.heartbeat");

        tracker.reconfigure(List.of(nightly), at(80));
        assertThat(tracker.watches("backup.heartbeat")).isFalse();
        assertThat(tracker.due(at(500))).extracting(ProbeResult::checkId).containsExactly("nightly.heartbeat");
    }

    @Test
    void aCheckAlreadyMissingKeepsItsRepeatScheduleAcrossAReload() {
        HeartbeatTracker tracker = new HeartbeatTracker(List.of(BACKUP), T0);
        assertThat(tracker.due(at(90))).hasSize(1);

        tracker.reconfigure(List.of(BACKUP), at(100));

        assertThat(tracker.due(at(120))).isEmpty();
        assertThat(tracker.due(at(150))).hasSize(1);
    }
}
