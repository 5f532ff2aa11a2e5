package dev.bongsu.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestScreenTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "/, true",
        "/services/kakaotalk, true",
        "/x%20y, true",
        "/%EC%B9%B4, true",
        "/x%zz, false",
        "/x%, false",
        "/x%4, false",
        "/x%4g, false",
        "/%%41, false",
    })
    void everyPercentSignMustStartATwoDigitHexEscape(String path, boolean valid) {
        assertThat(RequestScreen.validEscapes(path)).isEqualTo(valid);
    }
}
