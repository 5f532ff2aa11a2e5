package dev.bongsu.aggregator.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    private static final double[] ONE_TO_TWENTY = IntStream.rangeClosed(1, 20).asDoubleStream().toArray();
    private static final double[] ONE_TO_HUNDRED = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

    @ParameterizedTest
    @CsvSource({"50,10", "95,19", "99,20", "100,20", "1,1", "5,1", "6,2"})
    void nearestRankOfTwentySamples(int percent, double expected) {
        assertThat(Percentiles.nearestRank(ONE_TO_TWENTY, 20, percent)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"50,50", "95,95", "99,99", "100,100", "1,1"})
    void nearestRankOfHundredSamplesIsThePercentItself(int percent, double expected) {
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 100, percent)).isEqualTo(expected);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(Percentiles.nearestRank(new double[] {42}, 1, 1)).isEqualTo(42);
        assertThat(Percentiles.nearestRank(new double[] {42}, 1, 99)).isEqualTo(42);
    }

    @Test
    void onlyTheGivenLengthCounts() {
        assertThat(Percentiles.nearestRank(new double[] {1, 2, 3, 999}, 3, 100)).isEqualTo(3);
    }

    @Test
    void emptyIsNaN() {
        assertThat(Percentiles.nearestRank(new double[0], 0, 50)).isNaN();
    }

    @Test
    void percentOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_TWENTY, 20, 0))
                .hasMessage("percent must be 1..100, found 0");
    }
}
