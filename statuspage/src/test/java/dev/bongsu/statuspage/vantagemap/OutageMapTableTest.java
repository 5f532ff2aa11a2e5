package dev.bongsu.statuspage.vantagemap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Incident;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.data.HistorySnapshot;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.render.IncidentPage;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.ServicePage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The map on the service and incident pages: table rows and the verdict in both languages, nothing private. */
class OutageMapTableTest {
    static final Instant NOW = Instant.parse("2022-10-15T06:40:20Z");
    final BongsuConfig cfg = OutageMapTest.config();
    final Incident fire = OutageMapTest.incident("inc-fire", Instant.parse("2022-10-15T06:33:10Z"), Instant.parse("2022-10-15T06:38:00Z"));

    private SiteData data(VantageMeasurements m) {
        HistorySnapshot h = new HistorySnapshot(NOW, Map.of(), NOW, Map.of(), m);
        return SiteData.of(cfg, NOW, Map.of(), List.of(fire), Map.of(), h);
    }

    private static MeasuredWindow window(long kt, long skb, long tokyo) {
        return new MeasuredWindow(Instant.parse("2022-10-15T06:35:00Z"), Instant.parse("2022-10-15T06:41:00Z"), Map.of(
                "seoul-kt", new VantageTally("seoul-kt", 72, kt), "busan-skb", new VantageTally("busan-skb", 72, skb),
                "tokyo-aws", new VantageTally("tokyo-aws", 72, tokyo), OutageMapTest.PRIVATE, new VantageTally(OutageMapTest.PRIVATE, 72, 72)),
                false);
    }

    @Test
    void theServicePageShowsEveryPublicVantageAndTheVerdictInKoreanAndEnglish() {
        SiteData d = data(new VantageMeasurements(Map.of("kakaotalk", window(72, 0, 0)), Map.of()));
        ServiceConfig talk = cfg.service("kakaotalk").orElseThrow();

        String en = ServicePage.render(d, talk, Lang.EN);
        String ko = ServicePage.render(d, talk, Lang.KO);

        assertThat(en).contains("<h2 id=\"vmap-h\">Where it fails from</h2>")
                .contains("<p class=\"verdict\" id=\"vantage-verdict\">Fails only from KT Seoul, works from SKB Busan, Tokyo → "
                        + "likely a KT network problem, not the service</p>")
                .contains("<tr class=\"v-fails\" data-vantage=\"seoul-kt\"><th scope=\"row\">KT Seoul</th><td>kr-seoul (South Korea)</td>"
                        + "<td>KT</td><td><span class=\"state s-down\"><span aria-hidden=\"true\">✖</span> Fails</span></td><td>72 / 72</td></tr>")
                .contains("<th scope=\"row\">SKB Busan</th>").contains("<th scope=\"row\">Tokyo</th><td>jp-tokyo (Japan)</td><td>AWS Tokyo</td>")
                .contains("Probes of the last 5 minutes");
        assertThat(ko).contains("어디에서 실패하나").contains("KT 서울에서만 실패, SKB 부산, 도쿄에서는 정상 → 서비스가 아니라 KT 통신망 문제일 가능성이 큼")
                .contains("<th scope=\"row\">KT 서울</th>").contains("최근 5분 동안의 측정");
        for (String page : List.of(en, ko)) {
            assertThat(page).doesNotContain(OutageMapTest.PRIVATE).doesNotContain("zq-private-net").doesNotContain("kr-gasan");
        }
    }

    @Test
    void theIncidentPageShowsItsWindow() {
        SiteData d = data(new VantageMeasurements(Map.of(), Map.of("inc-fire", window(72, 70, 0))));
        PublicIncident i = d.incident("inc-fire").orElseThrow();

        String en = IncidentPage.render(d.view(), i, OutageMaps.incident(d, i), Lang.EN, NOW);
        String ko = IncidentPage.render(d.view(), i, OutageMaps.incident(d, i), Lang.KO, NOW);

        assertThat(en).contains("Probes during the incident:").contains("Fails from KT Seoul, SKB Busan, works from Tokyo → not one ISP&apos;s problem: "
                + "it fails inside South Korea only").contains("<td>70 / 72</td>");
        assertThat(ko).contains("장애 기간의 측정:").contains("KT 서울, SKB 부산에서 실패, 도쿄에서는 정상 → 한 통신사 문제가 아님: 대한민국 안에서만 실패");
        assertThat(en + ko).doesNotContain(OutageMapTest.PRIVATE);
    }

    @Test
    void withoutMeasurementsTheIncidentPageListsOnlyThePublicVantagesThatSawIt() {
        SiteData d = data(VantageMeasurements.NONE);
        PublicIncident i = d.incident("inc-fire").orElseThrow();

        String en = IncidentPage.render(d.view(), i, OutageMaps.incident(d, i), Lang.EN, NOW);

        assertThat(i.vantages()).containsExactly("seoul-kt", "busan-skb");
        assertThat(en).doesNotContain("vantage-map").contains("<li>seoul-kt</li><li>busan-skb</li>").doesNotContain(OutageMapTest.PRIVATE);
    }

    @Test
    void withoutAPublicVantageTheServicePageHasNoMap() {
        BongsuConfig privateOnly = cfg.withVantages(List.of(new dev.bongsu.model.config.VantageConfig("seoul-kt", "kr-seoul")));
        HistorySnapshot h = new HistorySnapshot(NOW, Map.of(), NOW, Map.of(),
                new VantageMeasurements(Map.of("kakaotalk", window(72, 0, 0)), Map.of()));
        SiteData d = SiteData.of(privateOnly, NOW, Map.of(), List.of(), Map.of(), h);

        assertThat(ServicePage.render(d, privateOnly.service("kakaotalk").orElseThrow(), Lang.EN)).doesNotContain("vantage-map")
                .doesNotContain("seoul-kt");
    }

    @Test
    void aCappedWindowSaysSo() {
        MeasuredWindow w = new MeasuredWindow(Instant.parse("2022-10-15T06:33:00Z"), Instant.parse("2022-10-15T09:33:00Z"),
                Map.of("seoul-kt", new VantageTally("seoul-kt", 10, 10)), true);
        SiteData d = data(new VantageMeasurements(Map.of(), Map.of("inc-fire", w)));
        PublicIncident i = d.incident("inc-fire").orElseThrow();

        assertThat(OutageMapTable.incidentSection(OutageMaps.incident(d, i), i, Lang.EN)).contains("(its first 3 hours only)")
                .contains("<td>—</td>");
    }
}
