package dev.bongsu.detector.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyBaselineTest {
    private static final long MINUTE = 60_000;
    private final LatencyBaseline baseline = new LatencyBaseline(30 * MINUTE, 20, 3, 2.0, 5.0, 50.0);
    private final Random random = new Random(3);
    private long t;

    private void add(int count, double around) {
        for (int i = 0; i < count; i++) {
            t += 10_000;
            baseline.add(t, around * (0.9 + 0.2 * random.nextDouble()));
        }
    }

    @Test
    void isNotJudgedBeforeEnoughSamples() {
        add(10, 100);
        add(3, 1000);
        assertThat(baseline.anomalous()).isFalse();
    }

    @Test
    void aDoubledMedianIsAnAnomalyOnlyOnceMostRecentSamplesAreSlow() {
        add(40, 100);
        assertThat(baseline.anomalous()).isFalse();
        assertThat(baseline.baselineMs()).isBetween(90.0, 110.0);
        add(1, 250);
        assertThat(baseline.anomalous()).as("one slow probe").isFalse();
        long firstSlow = t;
        add(1, 250);
        assertThat(baseline.anomalous()).isTrue();
        assertThat(baseline.anomalyOnset()).isEqualTo(firstSlow);
        assertThat(baseline.recentMedianMs()).isGreaterThan(200);
    }

    @Test
    void aSmallAbsoluteIncreaseIsNotAnAnomaly() {
        add(40, 10);
        add(5, 40);
        assertThat(baseline.anomalous()).as("4× but only +30 ms").isFalse();
    }

    @Test
    void aNoisyServiceNeedsMoreThanItsUsualSpread() {
        for (int i = 0; i < 60; i++) {
            t += 10_000;
            baseline.add(t, 50 + 200 * random.nextDouble());
        }
        add(3, 350);
        assertThat(baseline.anomalous()).as("more than twice the median, within 5 MAD").isFalse();
        add(3, 600);
        assertThat(baseline.anomalous()).isTrue();
    }

    @Test
    void aBrownoutDoesNotBecomeTheBaselineUntilTheWindowHasPassed() {
        add(40, 100);
        add(60, 300);
        assertThat(baseline.anomalous()).as("10 minutes of brownout").isTrue();
        assertThat(baseline.baselineMs()).isBetween(90.0, 110.0);
        add(200, 300);
        assertThat(baseline.anomalous()).as("after the window, slow is the new normal").isFalse();
    }

    @Test
    void retuningKeepsTheSamplesAndJudgesThemWithTheNewSettings() {
        add(40, 100);
        add(3, 250);
        assertThat(baseline.anomalous()).isTrue();

        baseline.retune(30 * MINUTE, 20, 3, 3.0, 5.0, 50.0);
        assertThat(baseline.anomalous()).as("250 ms is not 3 × 100 ms").isFalse();
        assertThat(baseline.baselineSamples()).isGreaterThanOrEqualTo(20);

        baseline.retune(30 * MINUTE, 100, 3, 2.0, 5.0, 50.0);
        add(3, 250);
        assertThat(baseline.anomalous()).as("fewer samples than the new minimum").isFalse();
    }

    @Test
    void aBaselineThatIsOffNeverTakesSamples() {
        LatencyBaseline off = LatencyBaseline.off();
        for (int i = 0; i < 50; i++) {
            off.add(i * 10_000L, i < 40 ? 0 : 5_000);
        }
        assertThat(off.anomalous()).isFalse();
        assertThat(off.baselineSamples()).isZero();
    }

    @Test
    void recoversWhenLatencyReturns() {
        add(40, 100);
        add(5, 300);
        assertThat(baseline.anomalous()).isTrue();
        add(2, 100);
        assertThat(baseline.anomalous()).isFalse();
    }
}
