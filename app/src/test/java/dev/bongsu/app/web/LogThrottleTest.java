package dev.bongsu.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogThrottleTest {
    private static final long S = 1_000_000_000L;

    @Test
    void oneLinePerIntervalSayingHowManyWereHeldBack() {
        LogThrottle throttle = new LogThrottle(Duration.ofSeconds(60));

        assertThat(throttle.tryLog(0)).isZero();
        for (int i = 1; i <= 1000; i++) {
            assertThat(throttle.tryLog(i * 10_000_000L)).isEqualTo(-1);
        }
        assertThat(throttle.tryLog(59 * S)).isEqualTo(-1);
        assertThat(throttle.tryLog(60 * S)).isEqualTo(1001);
        assertThat(throttle.tryLog(200 * S)).isZero();
    }

    @Test
    void theFirstEventIsLoggedWhateverTheClockOrigin() {
        assertThat(new LogThrottle(Duration.ofMinutes(1)).tryLog(-5 * S)).isZero();
    }
}
