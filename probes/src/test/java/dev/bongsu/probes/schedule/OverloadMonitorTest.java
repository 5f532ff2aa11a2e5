package dev.bongsu.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OverloadMonitorTest {
    private static final long T0 = 1_700_000_000_000L;

    private static void start(OverloadMonitor m, int n, long lagMs) {
        for (int i = 0; i < n; i++) {
            m.started(lagMs);
        }
    }

    @Test
    void thresholdIsAQuarterOfTheSmallestIntervalBetween50And250Ms() {
        assertThat(OverloadMonitor.thresholdMs(100)).isEqualTo(50);
        assertThat(OverloadMonitor.thresholdMs(200)).isEqualTo(50);
        assertThat(OverloadMonitor.thresholdMs(600)).isEqualTo(150);
        assertThat(OverloadMonitor.thresholdMs(1_000)).isEqualTo(250);
        assertThat(OverloadMonitor.thresholdMs(30_000)).isEqualTo(250);
        assertThat(OverloadMonitor.thresholdMs(Long.MAX_VALUE)).isEqualTo(250);
    }

    @Test
    void aHealthyNodeWithTickSizedLagIsNotOverloaded() {
        OverloadMonitor m = new OverloadMonitor(5_000);
        m.smallestInterval(200);
        for (int s = 1; s <= 10; s++) {
            start(m, 1_000, 10);
            start(m, 5, 49);
            assertThat(m.evaluate(T0 + s * 1_000L, 0)).isFalse();
        }
        assertThat(m.overloaded()).isFalse();
        assertThat(m.lastWindow()).isEqualTo(new OverloadMonitor.Window(1_005, 0, 0, 50));
    }

    @Test
    void moreThanOnePercentLateRunsForThreeWindowsInARowMakeTheNodeOverloaded() {
        OverloadMonitor m = new OverloadMonitor(5_000);
        m.smallestInterval(10_000);
        start(m, 990, 5);
        start(m, 10, 300);
        assertThat(m.evaluate(T0, 0)).isFalse(); // exactly 1 %: the p99 is still on time
        assertThat(m.lastWindow().bad()).isFalse();

        for (int s = 1; s <= 2; s++) {
            start(m, 989, 5);
            start(m, 11, 300);
            assertThat(m.evaluate(T0 + s * 1_000L, 0)).as("bad window %d of 3", s).isFalse();
            assertThat(m.lastWindow().bad()).isTrue();
        }
        start(m, 989, 5);
        start(m, 11, 300);
        assertThat(m.evaluate(T0 + 3_000, 0)).isTrue();
        assertThat(m.overloaded()).isTrue();
        assertThat(m.lastWindow()).isEqualTo(new OverloadMonitor.Window(1_000, 11, 0, 250));
    }

    @Test
    void aMomentOfLateStartsAsAtJitWarmUpIsNotOverload() {
        OverloadMonitor m = new OverloadMonitor(5_000);
        m.smallestInterval(1_000);
        start(m, 8, 412);
        assertThat(m.evaluate(T0, 0)).isFalse();
        start(m, 8, 412);
        assertThat(m.evaluate(T0 + 1_000, 0)).isFalse();
        start(m, 8, 5);
        assertThat(m.evaluate(T0 + 2_000, 0)).isFalse();
        start(m, 8, 412);
        assertThat(m.evaluate(T0 + 3_000, 0)).as("the count starts again after a good window").isFalse();
        assertThat(m.overloaded()).isFalse();
    }

    @Test
    void missedRunsCountAsLateEvenWhenNoRunStarted() {
        OverloadMonitor m = new OverloadMonitor(5_000);
        m.smallestInterval(1_000);
        assertThat(m.evaluate(T0, 3)).isTrue();
        assertThat(m.lastWindow()).isEqualTo(new OverloadMonitor.Window(3, 3, 3, 250));
    }

    @Test
    void recoversOnlyAfterTheRecoveryTimeWithoutABadWindow() {
        OverloadMonitor m = new OverloadMonitor(5_000);
        m.smallestInterval(1_000);
        start(m, 10, 600);
        assertThat(m.evaluate(T0, 1)).isTrue(); // a missed run: overloaded at once

        for (int s = 1; s <= 4; s++) {
            start(m, 10, 5);
            assertThat(m.evaluate(T0 + s * 1_000L, 0)).as("at +%d s", s).isFalse();
            assertThat(m.overloaded()).isTrue();
        }
        start(m, 10, 600); // a relapse restarts the recovery time
        assertThat(m.evaluate(T0 + 5_000, 0)).isFalse();
        for (int s = 6; s <= 9; s++) {
            assertThat(m.evaluate(T0 + s * 1_000L, 0)).isFalse(); // idle windows are not bad
        }
        assertThat(m.evaluate(T0 + 10_000, 0)).isTrue();
        assertThat(m.overloaded()).isFalse();
        assertThat(m.evaluate(T0 + 11_000, 0)).isFalse();
    }

    @Test
    void aWindowWithNothingDueIsNotBad() {
        OverloadMonitor m = new OverloadMonitor(0);
        assertThat(m.evaluate(T0, 0)).isFalse();
        assertThat(m.lastWindow().bad()).isFalse();
    }

    @Test
    void theThresholdFollowsTheAssignment() {
        OverloadMonitor m = new OverloadMonitor(0);
        m.smallestInterval(10_000);
        start(m, 10, 100);
        assertThat(m.evaluate(T0, 0)).isFalse();
        m.smallestInterval(200);
        start(m, 10, 100);
        assertThat(m.evaluate(T0 + 1_000, 0)).isFalse();
        assertThat(m.lastWindow().bad()).isTrue();
    }

    @Test
    void rejectsANegativeRecoveryTime() {
        assertThatThrownBy(() -> new OverloadMonitor(-1)).hasMessage("recoverAfterMs must not be negative, found -1");
    }
}
