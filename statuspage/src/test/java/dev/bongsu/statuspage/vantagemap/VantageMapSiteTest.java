package dev.bongsu.statuspage.vantagemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.VantageHealth;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.VantageConfig;
import dev.bongsu.statuspage.SiteSettings;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/services/:id/vantages} and the pages of a running site: the live map, public vantages only. */
class VantageMapSiteTest {
    static final String PRIVATE = "zq-hidden-probe";
    @TempDir
    static Path dir;
    static SiteFixture f;

    /** The test config with KT Seoul, SKB Busan and Tokyo public, and one private vantage. */
    static BongsuConfig config(Path dir) {
        return Fixtures.config(dir).withVantages(List.of(
                new VantageConfig("seoul-kt", "kr-seoul", new LocalizedText("KT 서울", "KT Seoul"), "KR", "KT", true),
                new VantageConfig("busan-skb", "kr-busan", new LocalizedText("SKB 부산", "SKB Busan"), "KR", "SKB", true),
                new VantageConfig(PRIVATE, "kr-zq-secret-region", new LocalizedText("zq 숨은 지점", "zq hidden place"), "KR", "zq-secret-net", false),
                new VantageConfig("tokyo-aws", "jp-tokyo", new LocalizedText("도쿄", "Tokyo"), "JP", "AWS Tokyo", true)));
    }

    @BeforeAll
    static void start() {
        f = new SiteFixture(dir, new SiteSettings(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(30)), VantageMapSiteTest::config);
        // KakaoTalk fails from KT Seoul only (and from the private vantage); KakaoBank fails everywhere
        PerVantage talk = new PerVantage(Set.of("kakaotalk"), Map.of("seoul-kt", 1.0, "busan-skb", 0.0, "tokyo-aws", 0.0, PRIVATE, 1.0));
        PerVantage bank = new PerVantage(Set.of("kakaobank"), Map.of("seoul-kt", 1.0, "busan-skb", 1.0, "tokyo-aws", 1.0, PRIVATE, 1.0));
        f.history.rollups = (s, from, to) -> s.equals("kakaotalk") ? talk.rollups(s, from, to) : bank.rollups(s, from, to);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/api/v1/services/kakaobank/vantages").body().contains("\"fails\""));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void theApiAnswersTheLiveMapOfPublicVantages() throws Exception {
        HttpResponse<String> r = f.text("/api/v1/services/kakaotalk/vantages");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonObject doc = new JsonObject(r.body());
        assertThat(doc.getString("service")).isEqualTo("kakaotalk");
        JsonArray rows = doc.getJsonArray("vantages");
        assertThat(rows).hasSize(3);
        assertThat(rows.getJsonObject(0).getString("id")).isEqualTo("seoul-kt");
        assertThat(rows.getJsonObject(0).getString("state")).isEqualTo("fails");
        assertThat(rows.getJsonObject(1).getString("state")).isEqualTo("works");
        assertThat(rows.getJsonObject(0).getLong("total")).isGreaterThan(0L).isEqualTo(rows.getJsonObject(0).getLong("failed"));
        assertThat(doc.getJsonObject("verdict").getString("kind")).isEqualTo("network");
        assertThat(doc.getJsonObject("verdict").getJsonObject("text").getString("en"))
                .isEqualTo("Fails only from KT Seoul, works from SKB Busan, Tokyo → likely a KT network problem, not the service");
        JsonObject bank = new JsonObject(f.text("/api/v1/services/kakaobank/vantages").body());
        assertThat(bank.getJsonObject("verdict").getString("kind")).isEqualTo("fails_everywhere");
    }

    @Test
    void aServiceWithoutProbesHasRowsWithoutData() throws Exception {
        JsonObject doc = new JsonObject(f.text("/api/v1/services/toss/vantages").body());

        assertThat(doc.getJsonArray("vantages")).hasSize(3).allMatch(o -> ((JsonObject) o).getString("state").equals("no_data"));
        assertThat(doc.getJsonObject("verdict").getString("kind")).isEqualTo("no_data");
    }

    @Test
    void anUnknownServiceIsA404InJson() throws Exception {
        HttpResponse<String> r = f.text("/api/v1/services/nope/vantages");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(r.body()).getString("error")).contains("no such service");
    }

    @Test
    void theServicePagesShowTheMapInBothLanguages() throws Exception {
        String en = f.text("/services/kakaotalk?lang=en").body();
        String ko = f.text("/services/kakaotalk?lang=ko").body();

        assertThat(en).contains("Where it fails from").contains("likely a KT network problem, not the service");
        assertThat(ko).contains("어디에서 실패하나").contains("KT 통신망 문제일 가능성이 큼");
    }

    @Test
    void noAnswerNamesThePrivateVantage() throws Exception {
        f.dcFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/incidents/inc-dcfire-1?lang=en").body().contains("vantage-map"));
        List<String> paths = List.of("/api/v1/services/kakaotalk/vantages", "/api/v1/services/kakaobank/vantages", "/services/kakaotalk",
                "/services/kakaotalk?lang=en", "/services/kakaobank?lang=en", "/incidents/inc-dcfire-1", "/incidents/inc-dcfire-1?lang=en",
                "/incidents/inc-naver-0?lang=en", "/api/v1/incidents", "/api/v1/incidents.csv", "/api/v2/incidents.json", "/feed.atom", "/",
                "/api/v1/incidents/inc-dcfire-1", "/api/v1/incidents/inc-dcfire-1.csv");
        for (String p : paths) {
            String body = f.text(p).body();
            assertThat(body).as(p).doesNotContain(PRIVATE).doesNotContain("zq-secret-net").doesNotContain("zq-secret-region")
                    .doesNotContain("zq hidden place").doesNotContain("zq 숨은 지점");
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(f.text("/incidents/inc-dcfire-1?lang=en").body())
                .contains("Fails from every vantage (KT Seoul, SKB Busan, Tokyo)"));
    }

    @Test
    void theLiveMapSaysWhatEachVantageSeesNowBeforeAnyMinuteIsStored() throws Exception {
        // kakaomap has no stored minute yet; the detector already sees it failing from KT Seoul only
        f.live.vantageHealth(List.of(new VantageHealth("kakaomap", "seoul-kt", 2, 2), new VantageHealth("kakaomap", "busan-skb", 2, 0),
                new VantageHealth("kakaomap", "tokyo-aws", 2, 0), new VantageHealth("kakaomap", PRIVATE, 2, 2)));
        await().atMost(Duration.ofSeconds(15)).until(() -> f.text("/api/v1/services/kakaomap/vantages").body().contains("\"fails\""));
        JsonObject doc = new JsonObject(f.text("/api/v1/services/kakaomap/vantages").body());

        assertThat(doc.getJsonObject("verdict").getString("kind")).isEqualTo("network");
        assertThat(doc.getJsonArray("vantages")).hasSize(3);
        assertThat(doc.encode()).doesNotContain(PRIVATE);
        assertThat(f.text("/services/kakaomap?lang=en").body()).contains("likely a KT network problem, not the service");
        // back to the stored minutes, so the other tests of this shared site see them
        f.live.vantageHealth(List.of());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !f.text("/api/v1/services/kakaomap/vantages").body().contains("\"kind\":\"network\""));
    }

    @Test
    void theIncidentAnswerCarriesWhereItFailedFrom() throws Exception {
        f.dcFire();
        await().atMost(Duration.ofSeconds(15)).until(() -> f.text("/api/v1/incidents/inc-dcfire-1").body().contains("\"fails_everywhere\""));
        JsonObject map = new JsonObject(f.text("/api/v1/incidents/inc-dcfire-1").body()).getJsonObject("vantageMap");

        assertThat(map.getJsonArray("vantages")).hasSize(3);
        assertThat(map.getJsonObject("verdict").getString("kind")).isEqualTo("fails_everywhere");
    }
}
