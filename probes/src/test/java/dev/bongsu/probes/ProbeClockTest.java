package dev.bongsu.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProbeClockTest {
    @Test
    void theSystemMonotonicClockStartsAtTheWallClockAndNeverGoesBack() {
        ProbeClock clock = ProbeClock.system();
        assertThat(clock.monotonicMs()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(1_000L));
        long previous = clock.monotonicMs();
        for (int i = 0; i < 10_000; i++) {
            long now = clock.monotonicMs();
            assertThat(now).isGreaterThanOrEqualTo(previous);
            previous = now;
        }
        assertThat(clock.wallMs()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(1_000L));
    }

    @Test
    void aClockPairReadsItsTwoSuppliers() {
        AtomicLong wall = new AtomicLong(1_767_225_600_000L);
        AtomicLong monotonic = new AtomicLong(42);
        ProbeClock clock = ProbeClock.of(wall::get, monotonic::get);
        wall.addAndGet(-3_600_000);
        monotonic.addAndGet(10);
        assertThat(clock.wallMs()).isEqualTo(1_767_222_000_000L);
        assertThat(clock.monotonicMs()).isEqualTo(52);
    }
}
