package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names and titles from the config hold only characters XML allows and no bidirectional controls. */
class DisplayTextTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(DisplayTextTest.class.getResource("/config/" + name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-name-bidi.yaml           | bad-name-bidi.yaml:3: services[0].name.en: text contains U+202E at character 3, a bidirectional override or isolate control, which is not allowed
            bad-name-control.yaml        | bad-name-control.yaml:3: services[0].name: text contains U+0007 at character 2, which XML does not allow
            bad-title-noncharacter.yaml  | bad-title-noncharacter.yaml:2: statusPage.title.en: text contains U+FFFF at character 8, which XML does not allow
            """)
    void aTextWithForbiddenCharactersIsRejectedWithFileLineAndKey(String file, String message) throws Exception {
        Path path = fixture(file);
        assertThatThrownBy(() -> loader.load(path))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(message));
    }
}
