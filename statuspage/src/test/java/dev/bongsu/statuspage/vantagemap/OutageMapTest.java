package dev.bongsu.statuspage.vantagemap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.Severity;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.support.FakeHistory;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The map of a window: public vantages only, in config order, with their state; the windows and the reads. */
class OutageMapTest {
    static final String PRIVATE = "zq-private-probe";

    /** Three public vantages (KT Seoul, SKB Busan, Tokyo) and a private one. */
    static BongsuConfig config() {
        return new ConfigLoader(Map.of()).parse("map.yaml", """
                vantages:
                  - {name: seoul-kt, region: kr-seoul, network: KT, public: true, displayName: {ko: "KT 서울", en: "KT Seoul"}}
                  - {name: %s, region: kr-gasan, network: zq-private-net, displayName: "zq private probe"}
                  - {name: busan-skb, region: kr-busan, network: SKB, public: true, displayName: {ko: "SKB 부산", en: "SKB Busan"}}
                  - {name: tokyo-aws, region: jp-tokyo, network: AWS Tokyo, public: true, displayName: {ko: "도쿄", en: "Tokyo"}}
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaopay, name: KakaoPay, provider: kakao, category: pay, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                """.formatted(PRIVATE));
    }

    @Test
    void onlyPublicVantagesAreOnTheMapInConfigOrder() {
        PublicView view = new PublicView(config());
        MeasuredWindow w = new MeasuredWindow(Instant.EPOCH, Instant.EPOCH.plusSeconds(360), Map.of(
                "seoul-kt", new VantageTally("seoul-kt", 60, 60), PRIVATE, new VantageTally(PRIVATE, 60, 0),
                "tokyo-aws", new VantageTally("tokyo-aws", 60, 0)), false);

        OutageMap map = OutageMap.of(view, w);

        assertThat(map.rows()).extracting(OutageMapRow::vantage).containsExactly("seoul-kt", "busan-skb", "tokyo-aws");
        assertThat(map.rows()).extracting(OutageMapRow::state).containsExactly(VantageState.FAILS, VantageState.NO_DATA, VantageState.WORKS);
        assertThat(map.rows().get(0)).isEqualTo(new OutageMapRow("seoul-kt", new LocalizedText("KT 서울", "KT Seoul"), "kr-seoul", "KR", "KT",
                VantageState.FAILS, 60, 60));
        assertThat(map.verdict().kind()).isEqualTo(OutageVerdict.Kind.NETWORK_OR_COUNTRY);
        assertThat(view.isPublic("vantage", PRIVATE)).isFalse();
        assertThat(view.isPublic("vantage", "seoul-kt")).isTrue();
    }

    @Test
    void theJsonHasRowsAndTheVerdictInBothLanguagesAndNothingPrivate() {
        PublicView view = new PublicView(config());
        MeasuredWindow w = new MeasuredWindow(Instant.parse("2022-10-15T06:33:00Z"), Instant.parse("2022-10-15T06:39:00Z"), Map.of(
                "seoul-kt", new VantageTally("seoul-kt", 60, 60), "busan-skb", new VantageTally("busan-skb", 60, 0),
                PRIVATE, new VantageTally(PRIVATE, 60, 60), "tokyo-aws", new VantageTally("tokyo-aws", 60, 1)), false);

        JsonObject json = OutageMap.of(view, w).toJson();

        assertThat(json.getString("from")).isEqualTo("2022-10-15T15:33:00+09:00");
        assertThat(json.getJsonArray("vantages")).hasSize(3);
        assertThat(json.getJsonArray("vantages").getJsonObject(0).getMap()).containsEntry("id", "seoul-kt").containsEntry("network", "KT")
                .containsEntry("country", "KR").containsEntry("state", "fails").containsEntry("failed", 60L).containsEntry("total", 60L);
        JsonObject verdict = json.getJsonObject("verdict");
        assertThat(verdict.getString("kind")).isEqualTo("network");
        assertThat(verdict.getString("network")).isEqualTo("KT");
        assertThat(verdict.getJsonObject("text").getString("en")).startsWith("Fails only from KT Seoul, works from SKB Busan, Tokyo");
        assertThat(verdict.getJsonObject("text").getString("ko")).startsWith("KT 서울에서만 실패");
        assertThat(json.encode()).doesNotContain(PRIVATE).doesNotContain("zq-private-net").doesNotContain("kr-gasan");
    }

    @Test
    void withoutAPublicVantageTheMapIsEmptyAndNothingIsRead() {
        BongsuConfig cfg = config().withVantages(List.of(new dev.bongsu.model.config.VantageConfig("seoul-kt", "kr-seoul")));
        FakeHistory history = new FakeHistory(Instant.now());
        history.rollups = (s, from, to) -> {
            throw new AssertionError("read without a public vantage");
        };

        VantageMeasurements m = new VantageReads(history).refresh(cfg, List.of(), Instant.now(), VantageMeasurements.NONE).await();

        assertThat(m).isEqualTo(VantageMeasurements.NONE);
        assertThat(OutageMap.of(new PublicView(cfg), MeasuredWindow.empty(Instant.EPOCH, Instant.EPOCH)).isEmpty()).isTrue();
        assertThat(OutageMap.EMPTY.toJson().getJsonArray("vantages")).isEmpty();
        assertThat(OutageMap.EMPTY.toJson().containsKey("verdict")).isFalse();
    }

    @Test
    void refreshReadsEveryServiceAndTheGivenIncidentsSummedOverChecksAndServices() {
        Instant now = Instant.parse("2022-10-15T06:40:20Z");
        FakeHistory history = new FakeHistory(now);
        history.rollups = new PerVantage(Set.of("kakaotalk", "kakaopay"), Map.of("seoul-kt", 1.0, "busan-skb", 1.0, "tokyo-aws", 0.0));
        Incident fire = incident("inc-1", now.minus(Duration.ofMinutes(7)), now.minus(Duration.ofMinutes(1)));

        VantageMeasurements m = new VantageReads(history).refresh(config(), List.of(fire), now, VantageMeasurements.NONE).await();

        MeasuredWindow live = m.service("kakaotalk").orElseThrow();
        assertThat(live.from()).isEqualTo(Instant.parse("2022-10-15T06:35:00Z"));
        assertThat(live.to()).isEqualTo(Instant.parse("2022-10-15T06:41:00Z"));
        assertThat(live.byVantage().get("seoul-kt")).isEqualTo(new VantageTally("seoul-kt", 6 * 12, 6 * 12));
        MeasuredWindow during = m.incident("inc-1").orElseThrow();
        assertThat(during.from()).isEqualTo(Instant.parse("2022-10-15T06:33:00Z"));
        assertThat(during.to()).isEqualTo(Instant.parse("2022-10-15T06:40:00Z"));
        // two member services, seven minutes, twelve probes a minute
        assertThat(during.byVantage().get("tokyo-aws")).isEqualTo(new VantageTally("tokyo-aws", 2 * 7 * 12, 0));
        assertThat(OutageMap.of(new PublicView(config()), during).verdict().kind()).isEqualTo(OutageVerdict.Kind.COUNTRY);
    }

    @Test
    void aLongIncidentIsReadOverItsFirstHoursOnlyAndASettledOneOnce() {
        Instant now = Instant.parse("2022-10-16T06:00:00Z");
        FakeHistory history = new FakeHistory(now);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        PerVantage all = new PerVantage(Set.of("kakaotalk", "kakaopay"), Map.of("seoul-kt", 1.0));
        history.rollups = (s, from, to) -> {
            reads.incrementAndGet();
            return all.rollups(s, from, to);
        };
        Incident day = incident("inc-long", Instant.parse("2022-10-15T06:33:10Z"), Instant.parse("2022-10-15T20:00:00Z"));
        VantageReads r = new VantageReads(history);

        VantageMeasurements first = r.refresh(config(), List.of(day), now, VantageMeasurements.NONE).await();
        int afterFirst = reads.get();
        VantageMeasurements second = r.refresh(config(), List.of(day), now.plusSeconds(60), first).await();

        MeasuredWindow w = first.incident("inc-long").orElseThrow();
        assertThat(w.capped()).isTrue();
        assertThat(w.from()).isEqualTo(Instant.parse("2022-10-15T06:33:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2022-10-15T09:33:00Z"));
        assertThat(reads.get() - afterFirst).as("second refresh reads the two services' live windows only").isEqualTo(2);
        assertThat(second.incident("inc-long")).contains(w);
    }

    @Test
    void aFailedReadKeepsWhatWasReadBefore() {
        Instant now = Instant.parse("2022-10-15T06:40:20Z");
        FakeHistory history = new FakeHistory(now);
        history.rollups = new PerVantage(Set.of("kakaotalk"), Map.of("seoul-kt", 1.0));
        VantageReads r = new VantageReads(history);
        VantageMeasurements first = r.refresh(config(), List.of(), now, VantageMeasurements.NONE).await();
        history.rollups = (s, from, to) -> {
            throw new IllegalStateException("store down");
        };

        VantageMeasurements second = r.refresh(config(), List.of(), now.plusSeconds(60), first).await();

        assertThat(second.service("kakaotalk")).isEqualTo(first.service("kakaotalk"));
    }

    @Test
    void theLiveWindowCoversTheLastFiveMinutesAndTheOneUnderWay() {
        MeasuredWindow w = MeasuredWindows.live(Instant.parse("2022-10-15T06:40:00Z"));
        assertThat(w.from()).isEqualTo(Instant.parse("2022-10-15T06:35:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2022-10-15T06:41:00Z"));
    }

    @Test
    void anOpenIncidentRunsToTheMinuteUnderWay() {
        Incident open = new Incident("o", 1, IncidentKind.SERVICE, IncidentState.OPEN, Severity.CRITICAL, List.of("kakaotalk"),
                List.of(), Instant.parse("2022-10-15T06:33:40Z"), Instant.parse("2022-10-15T06:33:40Z"), null,
                new LocalizedText("x", "x"), null, null, List.of());
        MeasuredWindow w = MeasuredWindows.incident(open, Instant.parse("2022-10-15T06:35:10Z"));
        assertThat(w.from()).isEqualTo(Instant.parse("2022-10-15T06:33:00Z"));
        assertThat(w.to()).isEqualTo(Instant.parse("2022-10-15T06:36:00Z"));
        assertThat(w.capped()).isFalse();
    }

    @Test
    void tallySumsChecksOfAVantage() {
        List<Rollup> rollups = List.of(
                new Rollup("a-1", "a", "v1", 0, 10, 7, 1, 1, 1, 1, Map.of()), new Rollup("a-2", "a", "v1", 0, 10, 10, 1, 1, 1, 1, Map.of()),
                new Rollup("a-1", "a", "v2", 0, 5, 0, 1, 1, 1, 1, Map.of()));
        assertThat(VantageTally.sum(rollups)).containsExactly(Map.entry("v1", new VantageTally("v1", 20, 3)),
                Map.entry("v2", new VantageTally("v2", 5, 5)));
    }

    static Incident incident(String id, Instant start, Instant end) {
        return new Incident(id, 2, IncidentKind.CORRELATED, IncidentState.RESOLVED, Severity.CRITICAL, List.of("kakaotalk", "kakaopay"),
                List.of("seoul-kt", "busan-skb", PRIVATE), start, end, end, new LocalizedText("x", "x"), null, null, List.of());
    }
}
