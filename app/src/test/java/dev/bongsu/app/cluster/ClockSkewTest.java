package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClockSkewTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;

    @Test
    void aClockWithinToleranceKeepsItsProbeTimes() {
        ClockSkew skew = new ClockSkew();
        ClockSkew.Correction c = skew.observe("busan-1", NOW - 4_000, NOW);
        assertThat(c).isEqualTo(new ClockSkew.Correction(0, -4_000, ClockSkew.Change.NONE));
        assertThat(skew.skewedNodes()).isEmpty();
    }

    @Test
    void aClockAnHourAheadIsShiftedBackAndReportedOnce() {
        ClockSkew skew = new ClockSkew();
        assertThat(skew.observe("busan-1", NOW + HOUR, NOW)).isEqualTo(new ClockSkew.Correction(-HOUR, HOUR, ClockSkew.Change.SKEWED));
        assertThat(skew.observe("busan-1", NOW + HOUR + 1_000, NOW + 1_000).change()).isEqualTo(ClockSkew.Change.NONE);
        assertThat(skew.skewedNodes()).containsEntry("busan-1", HOUR);
        assertThat(skew.observe("busan-1", NOW + 2_000, NOW + 2_000)).isEqualTo(new ClockSkew.Correction(0, 0, ClockSkew.Change.CORRECTED));
        assertThat(skew.skewedNodes()).isEmpty();
    }

    @Test
    void aClockAnHourBehindIsShiftedForwardPerNode() {
        ClockSkew skew = new ClockSkew();
        assertThat(skew.observe("busan-1", NOW - HOUR, NOW).shiftMs()).isEqualTo(HOUR);
        assertThat(skew.observe("seoul-1", NOW, NOW).shiftMs()).isZero();
        assertThat(skew.skewedNodes()).containsOnlyKeys("busan-1").containsEntry("busan-1", -HOUR);
    }

    @Test
    void everyResultOfABatchIsShiftedAlikeHoweverLongItWaitedAndNoneIsKeptAheadOfTheServer() {
        ClockSkew.Correction none = new ClockSkew().observe("busan-1", NOW, NOW);
        assertThat(ClockSkew.stamp(NOW + HOUR - 500, none, NOW)).isEqualTo(NOW);
        assertThat(ClockSkew.stamp(NOW + 3_000, none, NOW)).isEqualTo(NOW + 3_000);
        assertThat(ClockSkew.stamp(NOW - HOUR, none, NOW)).isEqualTo(NOW - HOUR);
        ClockSkew.Correction ahead = new ClockSkew().observe("busan-1", NOW + HOUR, NOW);
        assertThat(ClockSkew.stamp(NOW + HOUR - 1_000, ahead, NOW)).isEqualTo(NOW - 1_000);
        assertThat(ClockSkew.stamp(NOW + HOUR - 600_000, ahead, NOW)).as("buffered 10 min on the skewed node").isEqualTo(NOW - 600_000);
        assertThat(ClockSkew.stamp(NOW + HOUR - 2_400_000, ahead, NOW)).as("buffered 40 min on the skewed node").isEqualTo(NOW - 2_400_000);
        ClockSkew.Correction behind = new ClockSkew().observe("busan-1", NOW - HOUR, NOW);
        assertThat(ClockSkew.stamp(NOW - HOUR - 2_000, behind, NOW)).isEqualTo(NOW - 2_000);
        assertThat(ClockSkew.stamp(NOW - HOUR - 2_400_000, behind, NOW)).as("buffered 40 min on the skewed node").isEqualTo(NOW - 2_400_000);
    }
}
