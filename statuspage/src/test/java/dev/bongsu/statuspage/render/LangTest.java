package dev.bongsu.statuspage.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LangTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|KO", "ko-KR,ko;q=0.9,en;q=0.8|KO", "en-US,en;q=0.9|EN", "en;q=0.5,ko;q=0.9|KO", "fr-FR|EN",
            "fr,ko;q=0.1|KO", "ko;q=bad,en;q=0.2|EN",
            // malformed headers are ignored, never an error
            "';'|EN", "',;'|EN", "'en;q=1,;'|EN", "';,ko'|KO", "'ko;q=1,;;'|KO"})
    void acceptLanguagePicksTheHighestWeightedOfKoreanAndEnglish(String header, Lang expected) {
        assertThat(Lang.fromAcceptLanguage(header)).isEqualTo(expected);
    }
}
