package dev.bongsu.probes.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LagWindowTest {
    @Test
    void percentilesAndMaxOverTheWindow() {
        LagWindow w = new LagWindow(100);
        for (int i = 1; i <= 100; i++) {
            w.record(i);
        }
        assertThat(w.stats()).isEqualTo(new LagStats(100, 50, 99, 100));
    }

    @Test
    void lagsBeyondTheRangeKeepTheExactMaximumAndBoundedMemory() {
        LagWindow w = new LagWindow(10);
        w.record(-5);
        for (int i = 0; i < 98; i++) {
            w.record(1);
        }
        w.record(5_000);
        assertThat(w.snapshotAndReset()).isEqualTo(new LagStats(100, 1, 1, 5_000));
        assertThat(w.stats()).isEqualTo(LagStats.EMPTY);
        w.record(3_000);
        assertThat(w.stats()).isEqualTo(new LagStats(1, 3_000, 3_000, 3_000));
    }
}
