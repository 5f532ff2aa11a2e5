package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.LocalizedText;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code statusPage.valueNames}: display names of attribute values, checked at load. */
class StatusPageValueNamesTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(StatusPageValueNamesTest.class.getResource("/config/" + name).toURI());
    }

    @Test
    void namesAreReadByAttributeThenValueAndAValueWithoutOneIsShownAsItIs() throws Exception {
        StatusPageConfig page = loader.load(fixture("value-names.yaml")).statusPage();

        assertThat(page.valueName("provider", "kakao")).isEqualTo(new LocalizedText("카카오", "Kakao"));
        assertThat(page.valueName("provider", "naver")).isEqualTo(new LocalizedText("네이버", "네이버"));
        assertThat(page.valueName("dependsOn", "kakao-account")).isEqualTo(new LocalizedText("카카오 계정", "Kakao account"));
        assertThat(page.valueName("provider", "toss")).isEqualTo(new LocalizedText("toss", "toss"));
        assertThat(page.valueName("datacenter", "pangyo")).isEqualTo(new LocalizedText("pangyo", "pangyo"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-value-names-attribute.yaml   | bad-value-names-attribute.yaml:3: statusPage.valueNames.providr: unknown attribute; expected one of provider, category, datacenter, region, dependsOn
            bad-value-names-bidi.yaml        | bad-value-names-bidi.yaml:4: statusPage.valueNames.provider.kakao.en: text contains U+202E at character 3, a bidirectional override or isolate control, which is not allowed
            bad-value-names-missing-en.yaml  | bad-value-names-missing-en.yaml:4: statusPage.valueNames.provider.kakao.en: required key is missing
            bad-value-names-list.yaml        | bad-value-names-list.yaml:3: statusPage.valueNames.provider: expected a mapping of keys to values, found a list
            """)
    void aBadValueNameIsRejectedWithFileLineAndKey(String file, String message) throws Exception {
        Path path = fixture(file);
        assertThatThrownBy(() -> loader.load(path))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(message));
    }
}
