package dev.bongsu.statuspage.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/reports} over HTTP against a real server: JSON, CSV, the 400s, the cache. */
class ReportsApiTest {
    @TempDir
    static Path dir;
    static SiteFixture f;
    static LocalDate day;

    @BeforeAll
    static void start() {
        f = new SiteFixture(dir.resolve("data"));
        // a 60-second kakao fire two days ago at 15:30:30 KST, across a minute boundary
        day = LocalDate.ofInstant(f.now, Times.KST).minusDays(2);
        Instant start = day.atTime(LocalTime.of(15, 30, 30)).atZone(Times.KST).toInstant();
        Instant end = start.plusSeconds(60);
        f.incidents.put(new Incident("inc-fire-60s", 3, IncidentKind.CORRELATED, IncidentState.RESOLVED, Severity.CRITICAL,
                Fixtures.KAKAO, List.of("seoul-kt", "busan-skb"), start, end, end, new LocalizedText("불", "fire"), null, null, List.of()));
        for (String s : Fixtures.KAKAO) {
            f.incidents.put(new Incident("inc-fire-60s-" + s, 2, IncidentKind.SERVICE, IncidentState.RESOLVED, Severity.CRITICAL,
                    List.of(s), List.of("seoul-kt", "busan-skb"), start, end, end, new LocalizedText(s, s), null, "inc-fire-60s", List.of()));
        }
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aDayWithASixtySecondFireGivesKakaoOneMinuteAndNaverNone() throws Exception {
        HttpResponse<String> r = f.text("/api/v1/reports?by=provider&from=" + day + "&to=" + day);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
        JsonObject doc = new JsonObject(r.body());
        assertThat(doc.getString("from")).isEqualTo(day + "T00:00:00+09:00");
        assertThat(doc.getString("to")).isEqualTo(day.plusDays(1) + "T00:00:00+09:00");
        assertThat(doc.getString("by")).isEqualTo("provider");
        assertThat(doc.getBoolean("complete")).isTrue();
        Map<String, JsonObject> groups = groups(doc);
        assertThat(groups).containsOnlyKeys("kakao", "naver", "viva");
        JsonObject kakao = groups.get("kakao");
        assertThat(kakao.getDouble("outageMinutes")).isEqualTo(1.0);
        assertThat(kakao.getDouble("allDownMinutes")).isEqualTo(1.0);
        assertThat(kakao.getDouble("serviceOutageMinutes")).isEqualTo(4.0);
        assertThat(kakao.getInteger("incidents")).isEqualTo(1);
        assertThat(kakao.getJsonObject("longestOutage").getString("start")).isEqualTo(day + "T15:30:30+09:00");
        assertThat(kakao.getJsonObject("longestOutage").getString("end")).isEqualTo(day + "T15:31:30+09:00");
        assertThat(kakao.getJsonObject("worstHour").getString("start")).isEqualTo(day + "T15:00:00+09:00");
        assertThat(kakao.getJsonArray("services").getList()).containsExactlyElementsOf(Fixtures.KAKAO);
        assertThat(kakao.getJsonObject("name").getString("en")).isEqualTo("kakao");
        assertThat(kakao.getLong("observedMinutes")).isEqualTo(4 * 1440L);
        assertThat(kakao.getLong("noDataMinutes")).isZero();
        assertThat(kakao.getDouble("availability")).isBetween(90.0, 100.0);
        JsonObject naver = groups.get("naver");
        assertThat(naver.getDouble("outageMinutes")).isZero();
        assertThat(naver.getInteger("incidents")).isZero();
        assertThat(naver.getValue("longestOutage")).isNull();
        assertThat(naver.getValue("worstHour")).isNull();
    }

    @Test
    void byServiceAndByPublicDatacenter() throws Exception {
        JsonObject doc = new JsonObject(f.text("/api/v1/reports?by=service&from=" + day + "&to=" + day).body());
        Map<String, JsonObject> services = groups(doc);
        assertThat(services).containsOnlyKeys(Fixtures.ALL);
        assertThat(services.get("kakaotalk").getDouble("outageMinutes")).isEqualTo(1.0);
        assertThat(services.get("kakaotalk").getInteger("incidents")).isEqualTo(1);
        assertThat(services.get("toss").getJsonObject("name").getString("en")).isEqualTo("Toss <script>alert(1)</script>");
        Map<String, JsonObject> dcs = groups(new JsonObject(f.text("/api/v1/reports?by=datacenter&from=" + day + "&to=" + day).body()));
        assertThat(dcs.get("pangyo").getDouble("outageMinutes")).isEqualTo(1.0);
        assertThat(dcs.get("chuncheon").getDouble("outageMinutes")).isZero();
    }

    @Test
    void csvBySuffixOrAcceptHasTheSameFigures() throws Exception {
        String q = "?by=provider&from=" + day + "&to=" + day;
        HttpResponse<String> bySuffix = f.text("/api/v1/reports.csv" + q);
        HttpResponse<String> byAccept = f.text("/api/v1/reports" + q, "Accept", "text/csv");
        assertThat(bySuffix.statusCode()).isEqualTo(200);
        assertThat(bySuffix.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(byAccept.body()).isEqualTo(bySuffix.body());
        List<String> lines = bySuffix.body().lines().toList();
        assertThat(lines.get(0)).startsWith("key,name_ko,name_en,services,outage_minutes,all_down_minutes,degraded_minutes,");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("kakao,kakao,kakao,kakaotalk;kakaobank;kakaopay;kakaomap,1.0,1.0,0.0,4.0,0.0,")
                .contains(day + "T15:30:30+09:00");
        assertThat(lines.get(2)).startsWith("naver,naver,naver,naver;naverpay;navermap,0.0,0.0,0.0,0.0,0.0,");
    }

    @Test
    void badParametersAreNamed() throws Exception {
        assertBad("/api/v1/reports?by=region", "parameter 'by': region is not public on this status page");
        assertBad("/api/v1/reports?by=dependsOn", "parameter 'by': expected one of service, provider, category, datacenter");
        assertBad("/api/v1/reports?from=yesterday", "parameter 'from'");
        assertBad("/api/v1/reports?to=2026-13-01", "parameter 'to'");
        assertBad("/api/v1/reports?from=2026-02-01&to=2026-01-01", "parameter 'from': must be before 'to'");
        assertBad("/api/v1/reports?from=2024-01-01&to=2026-01-01", "parameters 'from' and 'to': at most 400 days apart");
        assertBad("/api/v1/reports?by=provider&by=service", "parameter 'by' given 2 times");
        assertBad("/api/v1/reports.csv?by=<script>", "parameter 'by'");
    }

    @Test
    void theDefaultIsTheLastThirtyDaysByProvider() throws Exception {
        JsonObject doc = new JsonObject(f.text("/api/v1/reports").body());
        LocalDate today = LocalDate.ofInstant(f.now, Times.KST);
        assertThat(doc.getString("by")).isEqualTo("provider");
        assertThat(doc.getString("to")).isEqualTo(today.plusDays(1) + "T00:00:00+09:00");
        assertThat(doc.getString("from")).isEqualTo(today.minusDays(29) + "T00:00:00+09:00");
        assertThat(groups(doc).get("kakao").getDouble("outageMinutes")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void theSameQueryIsAnsweredFromTheCacheWithoutReadingTheStoresAgain() throws Exception {
        String q = "/api/v1/reports?by=category&from=" + day.minusDays(1) + "&to=" + day;
        HttpResponse<String> first = f.text(q);
        int reads = f.history.reads.get();
        int incidentReads = f.incidents.reads.get();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> again = f.text(q);
            assertThat(again.body()).isEqualTo(first.body());
        }
        assertThat(f.history.reads.get()).isEqualTo(reads);
        assertThat(f.incidents.reads.get()).isEqualTo(incidentReads);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(f.get(q, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void reportsCarryTheSecurityHeadersAndNoSecret() throws Exception {
        for (String p : List.of("/api/v1/reports?by=service", "/api/v1/reports.csv?by=datacenter")) {
            HttpResponse<String> r = f.text(p);
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
            for (String secret : Fixtures.SECRETS) {
                assertThat(r.body()).as(p).doesNotContain(secret);
            }
        }
    }

    private static void assertBad(String path, String message) throws Exception {
        HttpResponse<String> r = f.text(path.replace("<", "%3C").replace(">", "%3E"));
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).as(path).startsWith(message);
    }

    private static Map<String, JsonObject> groups(JsonObject doc) {
        JsonArray groups = doc.getJsonArray("groups");
        return groups.stream().map(JsonObject.class::cast).collect(Collectors.toMap(g -> g.getString("key"), g -> g));
    }
}
