package dev.bongsu.statuspage.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientRequestLimitTest {
    private static final Instant T0 = Instant.parse("2022-10-15T06:30:00Z");

    @Test
    void eachClientHasItsOwnSlidingHour() {
        ClientRequestLimit limit = new ClientRequestLimit(2, 100);

        assertThat(limit.tryAcquire("198.51.100.1", T0)).isTrue();
        assertThat(limit.tryAcquire("198.51.100.1", T0.plusSeconds(600))).isTrue();
        assertThat(limit.tryAcquire("198.51.100.1", T0.plusSeconds(601))).isFalse();
        assertThat(limit.tryAcquire("198.51.100.2", T0.plusSeconds(601))).isTrue();
        // the first request leaves the window after an hour: one more is allowed, not two
        assertThat(limit.tryAcquire("198.51.100.1", T0.plus(Duration.ofHours(1)).plusSeconds(1))).isTrue();
        assertThat(limit.tryAcquire("198.51.100.1", T0.plus(Duration.ofHours(1)).plusSeconds(2))).isFalse();
    }

    @Test
    void theNumberOfTrackedClientsIsBounded() {
        ClientRequestLimit limit = new ClientRequestLimit(5, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("c" + i, T0)).isTrue();
        }

        assertThat(limit.tryAcquire("c3", T0.plusSeconds(10))).as("full of active clients").isFalse();
        assertThat(limit.tryAcquire("c0", T0.plusSeconds(10))).as("a known client still counts").isTrue();
        assertThat(limit.tryAcquire("c3", T0.plus(Duration.ofHours(2)))).as("quiet clients are forgotten").isTrue();
        assertThat(limit.tracked()).isEqualTo(1);
    }
}
