package dev.bongsu.statuspage.vantagemap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.VantageHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveVantagesTest {
    private static final Instant NOW = Instant.parse("2026-10-15T06:21:00Z");
    private static final Instant MINUTES_AGO = NOW.minusSeconds(300);
    private final VantageMeasurements stored = new VantageMeasurements(
            Map.of("kakaotalk", new MeasuredWindow(MINUTES_AGO, NOW, Map.of("kt", new VantageTally("kt", 60, 0)), false),
                    "naver", new MeasuredWindow(MINUTES_AGO, NOW, Map.of("kt", new VantageTally("kt", 60, 0)), false)),
            Map.of("old", new MeasuredWindow(MINUTES_AGO, NOW, Map.of("kt", new VantageTally("kt", 10, 10)), false)));

    @Test
    void whatTheDetectorSeesNowReplacesTheStoredMinutesOfAServiceAndNothingElse() {
        VantageMeasurements m = LiveVantages.overlay(stored, List.of(new VantageHealth("kakaotalk", "kt", 2, 2),
                new VantageHealth("kakaotalk", "skb", 2, 0)), List.of(), NOW);

        assertThat(m.service("kakaotalk").orElseThrow().byVantage()).containsEntry("kt", new VantageTally("kt", 2, 2))
                .containsEntry("skb", new VantageTally("skb", 2, 0));
        assertThat(m.service("naver")).contains(stored.service("naver").orElseThrow());
        assertThat(m.incident("old")).contains(stored.incident("old").orElseThrow());
    }

    @Test
    void anOpenIncidentSumsWhatEachVantageSeesOfItsServices() {
        Incident open = new Incident("fire", 1, IncidentKind.CORRELATED, IncidentState.OPEN, Severity.CRITICAL, List.of("kakaotalk", "kakaobank"),
                List.of("kt"), MINUTES_AGO, NOW, null, new LocalizedText("화재", "fire"), null, null, List.of());
        VantageMeasurements m = LiveVantages.overlay(stored, List.of(new VantageHealth("kakaotalk", "kt", 1, 1),
                new VantageHealth("kakaobank", "kt", 2, 2), new VantageHealth("kakaobank", "tokyo", 2, 0)), List.of(open), NOW);

        MeasuredWindow w = m.incident("fire").orElseThrow();
        assertThat(w.from()).isEqualTo(MINUTES_AGO);
        assertThat(w.byVantage()).containsEntry("kt", new VantageTally("kt", 3, 3)).containsEntry("tokyo", new VantageTally("tokyo", 2, 0));
    }

    @Test
    void withoutADetectorViewTheStoredMinutesStay() {
        assertThat(LiveVantages.overlay(stored, List.of(), List.of(), NOW)).isSameAs(stored);
    }
}
