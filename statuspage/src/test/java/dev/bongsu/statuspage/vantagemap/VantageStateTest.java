package dev.bongsu.statuspage.vantagemap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A vantage's state from its share of failed probes. */
class VantageStateTest {
    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource({
        "0, 0, NO_DATA",
        "0, 12, WORKS",
        "1, 12, WORKS",
        "2, 12, PARTLY",
        "5, 12, PARTLY",
        "6, 12, FAILS",
        "12, 12, FAILS"
    })
    void theShareOfFailedProbesDecides(long failed, long total, VantageState expected) {
        assertThat(VantageState.of(failed, total)).isEqualTo(expected);
    }
}
