package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"250ms,250", "5s,5000", "1m30s,90000", "2h,7200000", "7d,604800000", "0s,0"})
    void parsesAndFormatsBack(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 s", "s5", "1.5s", "-1s", "5sec", "1m 30s"})
    void rejectsWhatIsNotADuration(String text) {
        assertThat(Durations.parse(text)).isNull();
    }
}
