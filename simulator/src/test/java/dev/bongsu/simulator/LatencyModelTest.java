package dev.bongsu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyModelTest {
    @Test
    void drawsSpreadAroundTheMedianWithALongCappedTail() {
        LatencyModel model = new LatencyModel(new SplittableRandom(42));
        long[] draws = new long[10_000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = model.sampleMillis(Duration.ofMillis(40));
        }
        Arrays.sort(draws);

        assertThat(draws[draws.length / 2]).isBetween(37L, 43L);
        assertThat(draws[(int) (draws.length * 0.99)]).isBetween(80L, 120L);
        assertThat(draws[0]).isGreaterThanOrEqualTo(1L);
        assertThat(draws[draws.length - 1]).isLessThanOrEqualTo(40L * LatencyModel.CAP_FACTOR);
    }

    @Test
    void aZeroMedianAnswersAtOnce() {
        assertThat(new LatencyModel(new SplittableRandom(1)).sampleMillis(Duration.ZERO)).isZero();
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        LatencyModel a = new LatencyModel(new SplittableRandom(7));
        LatencyModel b = new LatencyModel(new SplittableRandom(7));
        for (int i = 0; i < 100; i++) {
            assertThat(a.sampleMillis(Duration.ofMillis(25))).isEqualTo(b.sampleMillis(Duration.ofMillis(25)));
        }
    }
}
