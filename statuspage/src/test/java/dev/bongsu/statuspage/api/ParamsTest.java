package dev.bongsu.statuspage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.IncidentState;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamsTest {
    private static Params of(String... kv) {
        MultiMap m = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < kv.length; i += 2) {
            m.add(kv[i], kv[i + 1]);
        }
        return new Params(m);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-25T09:00:00+09:00, 2026-11-25T00:00:00Z",
            "2026-11-25T00:00:00Z, 2026-11-25T00:00:00Z",
            "2026-11-25T09:00:00 09:00, 2026-11-25T00:00:00Z",
            "2026-11-25, 2026-11-24T15:00:00Z"})
    void timesTakeOffsetsOrKstDays(String given, String expected) {
        assertThat(of("from", given).time("from")).hasValue(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2026-13-01", "2026-11-25T09:00:00", "1999-12-31", "2101-01-01T00:00:00Z", "<script>"})
    void badTimesNameTheParameter(String given) {
        assertThatThrownBy(() -> of("from", given).time("from")).isInstanceOf(BadParameter.class)
                .hasMessageStartingWith("parameter 'from':").hasMessageNotContaining("<");
    }

    @ParameterizedTest
    @CsvSource({"5m, PT5M", "1h, PT1H", "1d, PT24H", "PT15M, PT15M", "pt2h, PT2H"})
    void stepsInShortOrIsoForm(String given, String expected) {
        assertThat(of("step", given).step("step", Duration.ofMinutes(1), Duration.ofDays(1))).hasValue(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"-5m", "0m", "30s", "PT30S", "2d", "PT-1H", "99999999999999999999d", "P1Y"})
    void badSteps(String given) {
        assertThatThrownBy(() -> of("step", given).step("step", Duration.ofMinutes(1), Duration.ofDays(1)))
                .isInstanceOf(BadParameter.class).hasMessageStartingWith("parameter 'step':");
    }

    @Test
    void stateAndRepeatsAndLength() {
        assertThat(of("state", "open").incidentState("state")).hasValue(IncidentState.OPEN);
        assertThatThrownBy(() -> of("state", "closed").incidentState("state")).hasMessage("parameter 'state': expected open or resolved, found 'closed'");
        assertThatThrownBy(() -> of("state", "open", "state", "resolved").incidentState("state")).hasMessageContaining("given 2 times");
        assertThatThrownBy(() -> of("state", "x".repeat(65)).incidentState("state")).hasMessageContaining("at most 64 characters");
    }
}
