package dev.bongsu.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {
    @ParameterizedTest
    @ValueSource(ints = {0x0, 0x8, 0xB, 0xC, 0xE, 0x1F, 0xFFFE, 0xFFFF, 0xD800, 0xDFFF})
    void charactersXmlDoesNotAllowAreNamed(int c) {
        String text = "ab" + (char) c + "cd";
        assertThat(TextRules.problem(text)).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("contains U+%04X at character 3, which XML does not allow".formatted(c)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    void bidiControlsAreNamed(int c) {
        assertThat(TextRules.problem("x" + (char) c)).hasValueSatisfying(p -> assertThat(p).contains("U+%04X".formatted(c), "bidirectional"));
    }

    @Test
    void ordinaryTextPasses() {
        String text = "판교 데이터센터 화재 🔥 — fire at \"Pangyo\" <dc>\n\tline two\r\n";
        assertThat(TextRules.problem(text)).isEmpty();
        assertThat(TextRules.problem(null)).isEmpty();
    }
}
