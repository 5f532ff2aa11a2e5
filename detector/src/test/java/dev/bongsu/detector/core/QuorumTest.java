package dev.bongsu.detector.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumTest {
    @ParameterizedTest(name = "configured {0}, active {1} → {2}")
    @CsvSource({
        "0, 1, 1",
        "0, 2, 2",
        "0, 3, 2",
        "0, 4, 3",
        "0, 5, 3",
        "0, 6, 4",
        "1, 3, 1",
        "3, 3, 3",
        "3, 2, 2",
        "2, 1, 1",
    })
    void majorityAndAtLeastTwoUnlessConfigured(int configured, int active, int required) {
        assertThat(Quorum.required(configured, active)).isEqualTo(required);
    }

    @ParameterizedTest
    @CsvSource({"0", "2"})
    void noActiveVantageNeverReachesAQuorum(int configured) {
        assertThat(Quorum.required(configured, 0)).isEqualTo(Integer.MAX_VALUE);
    }
}
