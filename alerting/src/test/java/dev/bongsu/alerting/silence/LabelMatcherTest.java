package dev.bongsu.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LabelMatcherTest {
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            provider=kakao        | kakao,naver | true
            provider=kakao        | naver       | false
            provider!=kakao       | kakao,naver | false
            provider!=kakao       | naver       | true
            service=~kakao.*      | kakaotalk   | true
            service=~kakao        | kakaotalk   | false
            service!~kakao.*      | navermap    | true
            severity=critical     | critical    | true
            """)
    void matchesAnyOfSeveralValues(String matcher, String values, boolean expected) {
        assertThat(LabelMatcher.parse(matcher).matches(Set.of(values.split(",")))).isEqualTo(expected);
    }

    @Test
    void rejectsUnknownLabelsAndBadRegexes() {
        assertThatThrownBy(() -> LabelMatcher.parse("colour=red")).hasMessage(
                "unknown label 'colour'; expected one of kind, severity, service, provider, category, datacenter, region");
        assertThatThrownBy(() -> LabelMatcher.parse("service=~(")).hasMessageStartingWith("invalid regular expression for 'service'");
        assertThatThrownBy(() -> LabelMatcher.parse("kakao")).hasMessageStartingWith("expected a matcher such as provider=kakao");
        assertThatThrownBy(() -> LabelMatcher.parse("provider=")).hasMessage("matcher for 'provider' has no value");
    }

    @Test
    void missingPartsAreIllegalArgumentsNotNullPointers() {
        assertThatThrownBy(() -> new LabelMatcher(null, "=", "kakao")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no label; expected one of kind");
        assertThatThrownBy(() -> new LabelMatcher("provider", null, "kakao")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown operator 'null'");
        assertThatThrownBy(() -> new LabelMatcher("provider", "=", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabelMatcher.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LabelMatcher.parse("provider=" + "k".repeat(201))).hasMessageContaining("longer than 200");
    }

    @Test
    void printsAsItIsWritten() {
        assertThat(LabelMatcher.parse(" service =~ kakao.* ").toString()).isEqualTo("service=~kakao.*");
    }
}
