package dev.bongsu.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain incident titles in both languages. */
class IncidentWordsTest {
    private static final IncidentWords.ValueNames NAMES = (attribute, value) -> switch (value) {
        case "kakao" -> new LocalizedText("카카오", "Kakao");
        case "kakao-account" -> new LocalizedText("카카오 계정", "Kakao account");
        case "pangyo" -> new LocalizedText("판교", "Pangyo");
        default -> new LocalizedText(value, value);
    };

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            provider   | kakao         | 4 | 카카오 서비스 4개 동시 장애                | 4 Kakao services down
            category   | messenger     | 2 | messenger 서비스 2개 동시 장애            | 2 messenger services down
            dependsOn  | kakao-account | 3 | 카카오 계정에 의존하는 서비스 3개 동시 장애     | 3 services depending on Kakao account down
            datacenter | pangyo        | 6 | 데이터센터 판교의 서비스 6개 동시 장애         | 6 services in datacenter Pangyo down
            region     | kr-seoul      | 5 | 지역 kr-seoul의 서비스 5개 동시 장애       | 5 services in region kr-seoul down
            -          | -             | 6 | 서비스 6개 동시 장애                     | 6 services down
            """)
    void aGroupTitleNamesTheSharedValueByItsDisplayName(String attribute, String value, int n, String ko, String en) {
        LocalizedText title = IncidentWords.groupTitle(n, attribute, value == null ? null : NAMES.name(attribute, value));

        assertThat(title).isEqualTo(new LocalizedText(ko, en));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kakao | kakao 서비스 4개 동시 장애 | 4 kakao services down
            """)
    void withoutADisplayNameTheValueIsUsedAsItIs(String value, String ko, String en) {
        assertThat(IncidentWords.groupTitle(4, "provider", value)).isEqualTo(new LocalizedText(ko, en));
        assertThat(IncidentWords.groupTitle(4, "provider", IncidentWords.ValueNames.AS_IS.name("provider", value)))
                .isEqualTo(new LocalizedText(ko, en));
    }
}
