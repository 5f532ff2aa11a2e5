package dev.bongsu.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void doublesWithJitterBetweenHalfAndAllOfTheStep() {
        assertThat(backoff.delay(1, null, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(1, null, 0.999)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(backoff.delay(4, null, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(4, null, 0.5)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void isCappedAndHonoursALongerRetryAfter() {
        assertThat(backoff.delay(40, null, 0.999)).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(1, Duration.ofSeconds(30), 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(10, Duration.ofSeconds(1), 0.0)).isGreaterThan(Duration.ofSeconds(1));
    }
}
