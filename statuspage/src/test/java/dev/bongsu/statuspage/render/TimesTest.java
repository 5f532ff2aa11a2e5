package dev.bongsu.statuspage.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Public times in KST and durations in the reader's language. */
class TimesTest {
    @ParameterizedTest
    @CsvSource({
        "PT42M, 42m, 42분",
        "PT1H5M, 1h 5m, 1시간 5분",
        "PT47H59M, 47h 59m, 47시간 59분",
        "PT50H, 2d 2h, 2일 2시간",
        "PT-5M, 0m, 0분",
    })
    void durationsReadNaturallyInBothLanguages(Duration d, String en, String ko) {
        assertThat(Times.duration(d, Lang.EN)).isEqualTo(en);
        assertThat(Times.duration(d, Lang.KO)).isEqualTo(ko);
    }

    @Test
    void timesAreShownInKoreaStandardTimeWithTheZone() {
        Instant t = Instant.parse("2026-11-25T13:31:00Z");
        assertThat(Times.display(t)).isEqualTo("2026-11-25 22:31 KST");
        assertThat(Times.iso(t)).isEqualTo("2026-11-25T22:31:00+09:00");
    }
}
