package dev.bongsu.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.config.RateLimit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final Instant T = Instant.parse("2026-10-15T06:33:00Z");

    @Test
    void allowsABurstThenTheRate() {
        TokenBucket b = new TokenBucket(new RateLimit(30, Duration.ofMinutes(1), 3));

        assertThat(b.tryTake(T)).isTrue();
        assertThat(b.tryTake(T)).isTrue();
        assertThat(b.tryTake(T)).isTrue();
        assertThat(b.tryTake(T)).isFalse();
        assertThat(b.tryTake(T.plusMillis(1999))).isFalse();
        assertThat(b.tryTake(T.plusMillis(2000))).isTrue();
        assertThat(b.tryTake(T.plus(Duration.ofHours(1)))).isTrue();
        assertThat(b.tryTake(T.plus(Duration.ofHours(1)))).isTrue();
        assertThat(b.tryTake(T.plus(Duration.ofHours(1)))).isTrue();
        assertThat(b.tryTake(T.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void timeGoingBackwardsGrantsNothing() {
        TokenBucket b = new TokenBucket(new RateLimit(1, Duration.ofSeconds(1), 1));
        assertThat(b.tryTake(T)).isTrue();
        assertThat(b.tryTake(T.minusSeconds(10))).isFalse();
        assertThat(b.tryTake(T.plusSeconds(1))).isTrue();
    }
}
