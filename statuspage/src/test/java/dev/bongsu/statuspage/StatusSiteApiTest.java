package dev.bongsu.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The journalist API, feed, badges and admin updates against a real server on loopback, during a dc-fire. */
class StatusSiteApiTest {
    @TempDir
    static Path dir;
    static SiteFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new SiteFixture(dir);
        f.dcFire();
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/api/v1/status").body().contains("\"down\""));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void statusCarriesDetectorStatesWithOffsetsAndOnlyPublicAttributes() throws Exception {
        HttpResponse<String> r = f.text("/api/v1/status");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonObject o = new JsonObject(r.body());
        assertThat(o.getJsonObject("overall").getString("state")).isEqualTo("major_outage");
        JsonArray services = o.getJsonArray("services");
        assertThat(services).hasSize(Fixtures.ALL.size());
        JsonObject talk = services.getJsonObject(0);
        assertThat(talk.fieldNames()).containsExactlyInAnyOrder("id", "name", "provider", "category", "state", "since");
        assertThat(talk.getString("id")).isEqualTo("kakaotalk");
        assertThat(talk.getJsonObject("name").getString("ko")).isEqualTo("카카오톡");
        assertThat(talk.getString("provider")).isEqualTo("kakao");
        assertThat(talk.getString("state")).isEqualTo("down");
        assertThat(OffsetDateTime.parse(talk.getString("since")).getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        assertThat(services.getJsonObject(4).getString("state")).isEqualTo("up");
    }

    @Test
    void jsonAndCsvAgree() throws Exception {
        for (String path : List.of("/api/v1/status", "/api/v1/services")) {
            JsonArray services = new JsonObject(f.text(path).body()).getJsonArray("services");
            HttpResponse<String> bySuffix = f.text(path + ".csv");
            HttpResponse<String> byAccept = f.text(path, "Accept", "text/csv");
            assertThat(bySuffix.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            assertThat(byAccept.body()).isEqualTo(bySuffix.body());
            List<List<String>> rows = parseCsv(bySuffix.body());
            assertThat(rows.get(0)).containsExactly("id", "name_ko", "name_en", "provider", "category", "state", "since");
            assertThat(rows).hasSize(services.size() + 1);
            for (int i = 0; i < services.size(); i++) {
                JsonObject s = services.getJsonObject(i);
                List<String> row = rows.get(i + 1);
                assertThat(row.get(0)).isEqualTo(s.getString("id"));
                assertThat(row.get(2)).isEqualTo(s.getJsonObject("name").getString("en"));
                assertThat(row.get(5)).isEqualTo(s.getString("state"));
                assertThat(row.get(6)).isEqualTo(s.getString("since"));
            }
        }
        JsonArray incidents = new JsonObject(f.text("/api/v1/incidents").body()).getJsonArray("incidents");
        List<List<String>> rows = parseCsv(f.text("/api/v1/incidents.csv").body());
        assertThat(rows).hasSize(incidents.size() + 1);
        for (int i = 0; i < incidents.size(); i++) {
            JsonObject inc = incidents.getJsonObject(i);
            assertThat(rows.get(i + 1).get(0)).isEqualTo(inc.getString("id"));
            assertThat(rows.get(i + 1).get(4)).isEqualTo(inc.getString("startedAt"));
            assertThat(rows.get(i + 1).get(6)).isEqualTo(String.join(";", inc.getJsonArray("services").stream().map(String::valueOf).toList()));
        }
    }

    @Test
    void openIncidentsHaveTheDetectorShapeAndNoProbeFaults() throws Exception {
        JsonObject o = new JsonObject(f.text("/api/v1/incidents?state=open").body());
        JsonArray list = o.getJsonArray("incidents");
        assertThat(list).hasSize(1);
        JsonObject i = list.getJsonObject(0);
        assertThat(i.fieldNames()).contains("id", "kind", "state", "services", "vantages", "startedAt", "resolvedAt", "hypothesis");
        assertThat(i.getString("kind")).isEqualTo("correlated");
        assertThat(i.getJsonArray("services")).containsExactlyElementsOf(new ArrayList<Object>(Fixtures.KAKAO));
        assertThat(i.getJsonArray("members")).containsExactly("inc-kakaotalk-1");
        assertThat(f.text("/incidents/inc-kakaotalk-1?lang=en").body()).contains("KakaoTalk down", "/incidents/" + i.getString("id"));
        JsonObject h = i.getJsonObject("hypothesis");
        assertThat(h.getString("attribute")).isEqualTo("provider");
        assertThat(h.getString("value")).isEqualTo("kakao");
        assertThat(h.getJsonObject("text").getString("en")).isEqualTo("All 4 services of provider kakao are down.");
        assertThat(h.getJsonArray("evidence").getJsonObject(0).getInteger("down")).isEqualTo(4);
        assertThat(f.text("/api/v1/incidents").body()).doesNotContain("inc-probe-1");
        JsonArray resolved = new JsonObject(f.text("/api/v1/incidents?state=resolved&from="
                + java.time.LocalDate.now().minusDays(10) + "&to=" + java.time.LocalDate.now().plusDays(1)).body())
                .getJsonArray("incidents");
        assertThat(resolved).extracting(x -> ((JsonObject) x).getString("id")).containsExactly("inc-naver-0");
    }

    @Test
    void historyApiAnswersBucketsInJsonAndCsv() throws Exception {
        HttpResponse<String> r = f.text("/api/v1/services/kakaotalk/history?step=1h");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject o = new JsonObject(r.body());
        assertThat(o.getString("step")).isEqualTo("PT1H");
        assertThat(o.getJsonArray("buckets").size()).isBetween(23, 25);
        List<List<String>> rows = parseCsv(f.text("/api/v1/services/kakaotalk/history.csv?step=1h").body());
        assertThat(rows).hasSize(o.getJsonArray("buckets").size() + 1);
        assertThat(rows.get(1).get(0)).isEqualTo(o.getJsonArray("buckets").getJsonObject(0).getString("start"));
    }

    @Test
    void atomFeedParsesAndListsTheIncident() throws Exception {
        HttpResponse<byte[]> r = f.get("/feed.atom");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        Document doc = xml(r.body());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        assertThat(entries.item(0).getTextContent()).contains("4 kakao services down");
    }

    @Test
    void badgesAreValidSvgWithTheState() throws Exception {
        for (String id : Fixtures.ALL) {
            HttpResponse<byte[]> r = f.get("/badge/" + id + ".svg");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/svg+xml; charset=utf-8");
            Document doc = xml(r.body());
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(new String(f.get("/badge/kakaotalk.svg").body(), StandardCharsets.UTF_8)).contains("Down");
        assertThat(new String(f.get("/badge/toss.svg").body(), StandardCharsets.UTF_8)).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(new String(f.get("/badge/kakaotalk.svg?lang=ko").body(), StandardCharsets.UTF_8)).contains("카카오톡", "장애");
    }

    @Test
    void statuspageV2HasItsShape() throws Exception {
        JsonObject summary = new JsonObject(f.text("/api/v2/summary.json").body());
        assertThat(summary.getJsonObject("page").fieldNames()).contains("id", "name", "url", "time_zone", "updated_at");
        assertThat(summary.getJsonObject("status").getString("indicator")).isEqualTo("critical");
        assertThat(summary.getJsonArray("components")).hasSize(Fixtures.ALL.size());
        assertThat(summary.getJsonArray("components").getJsonObject(0).getString("status")).isEqualTo("major_outage");
        assertThat(summary.getJsonArray("incidents")).hasSize(1);
        JsonObject inc = summary.getJsonArray("incidents").getJsonObject(0);
        assertThat(inc.fieldNames()).contains("id", "name", "status", "impact", "created_at", "incident_updates", "components", "shortlink");
        assertThat(summary.getJsonArray("scheduled_maintenances")).isEmpty();
        assertThat(new JsonObject(f.text("/api/v2/status.json").body()).getJsonObject("status").getString("description"))
                .isEqualTo("Major System Outage");
        assertThat(new JsonObject(f.text("/api/v2/components.json").body()).getJsonArray("components")).hasSize(8);
        assertThat(new JsonObject(f.text("/api/v2/incidents.json").body()).getJsonArray("incidents")).hasSize(2);
        assertThat(new JsonObject(f.text("/api/v2/incidents/unresolved.json").body()).getJsonArray("incidents")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/incidents?from=yesterday",
            "/api/v1/incidents?from=2026-13-45",
            "/api/v1/incidents?state=closed",
            "/api/v1/incidents?state=<script>alert(1)</script>",
            "/api/v1/incidents?from=1900-01-01&to=2099-01-01",
            "/api/v1/incidents?from=2026-01-02&to=2026-01-01",
            "/api/v1/incidents?from=2020-01-01&to=2024-01-01",
            "/api/v1/incidents?state=open&state=resolved",
            "/api/v1/services/kakaotalk/history?step=-5m",
            "/api/v1/services/kakaotalk/history?step=0m",
            "/api/v1/services/kakaotalk/history?step=30s",
            "/api/v1/services/kakaotalk/history?step=PT-1H",
            "/api/v1/services/kakaotalk/history?step=99999999999999999999d",
            "/api/v1/services/kakaotalk/history?from=2020-01-01&to=2026-01-01",
            "/api/v1/services/kakaotalk/history?from=2025-01-01&to=2026-01-01&step=1m",
            "/api/v1/services/kakaotalk/history?from=%00%01",
            "/api/v1/services/kakaotalk/history?from=2026-01-01T00:00:00",
            "/api/v1/services/nope/history",
            "/api/v1/services/..%2F..%2Fetc%2Fpasswd/history",
            "/services/nope",
            "/services/%3Cscript%3E",
            "/incidents/does-not-exist",
            "/incidents/..%2F..%2Fetc%2Fpasswd",
            "/incidents/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "/badge/nope.svg",
            "/badge/kakaotalk.png",
            "/badge/..%2Fkakaotalk.svg",
            "/?lang=fr",
            "/?lang=%3Cscript%3E",
            "/history?from=2026-02-30",
            "/history?from=2020-01-01&to=2026-01-01",
            "/history?to=<script>",
            "/?lang=xx&%zz=1",
            "/services/kakaotalk?lang=%zz",
    })
    void malformedAndHostileParametersGet4xxNever500(String path) throws Exception {
        SiteFixture.RawResponse r = f.raw(path);
        assertThat(r.status()).as(path).isBetween(400, 499);
        assertThat(r.body()).as(path).doesNotContain("<script");
        if (path.contains("%zz")) {
            return; // a malformed escape is refused by Vert.x's router itself, before any status-page handler
        }
        assertThat(r.headers()).as(path).containsIgnoringCase("X-Content-Type-Options: nosniff");
        if (path.startsWith("/api/")) {
            assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).as(path).isNotBlank();
        }
    }

    @Test
    void badParameterErrorsNameTheParameter() throws Exception {
        HttpResponse<String> r = f.text("/api/v1/services/kakaotalk/history?step=-5m");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).startsWith("parameter 'step'");
        r = f.text("/api/v1/incidents?from=yesterday");
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).startsWith("parameter 'from'");
    }

    @Test
    void noPublicAnswerCarriesASecretOrTargetAndEveryOneHasSecurityHeaders() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/", "/?lang=en", "/history", "/history?lang=en", "/feed.atom", "/api/v1/status",
                "/api/v1/status.csv", "/api/v1/services", "/api/v1/services.csv", "/api/v1/incidents", "/api/v1/incidents.csv",
                "/api/v1/incidents?state=open", "/incidents/inc-dcfire-1", "/incidents/inc-naver-0?lang=en",
                "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
                "/api/v2/incidents/unresolved.json", "/assets/status.css", "/services/nope", "/api/v1/incidents?state=bad"));
        for (String id : Fixtures.ALL) {
            paths.add("/services/" + id);
            paths.add("/services/" + id + "?lang=en");
            paths.add("/badge/" + id + ".svg");
            paths.add("/api/v1/services/" + id + "/history");
        }
        for (String p : paths) {
            HttpResponse<String> r = f.text(p);
            assertThat(r.statusCode()).as(p).isLessThan(500);
            for (String secret : Fixtures.SECRETS) {
                assertThat(r.body()).as(p).doesNotContain(secret);
                assertThat(r.headers().map().toString()).as(p).doesNotContain(secret);
            }
            assertThat(r.body()).as(p).doesNotContain("tokyo-aws lost", "inc-probe-1");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(p).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(p).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(p).isPresent();
        }
    }

    @Test
    void etagGives304AndGzipIsServed() throws Exception {
        for (String p : List.of("/", "/api/v1/status", "/feed.atom", "/badge/kakaotalk.svg")) {
            HttpResponse<byte[]> first = f.get(p);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).startsWith("\"");
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=", "stale-while-revalidate=");
            HttpResponse<byte[]> again = f.get(p, "If-None-Match", etag);
            assertThat(again.statusCode()).as(p).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            HttpResponse<byte[]> gz = f.get(p, "Accept-Encoding", "gzip");
            assertThat(gz.headers().firstValue("Content-Encoding")).as(p).hasValue("gzip");
            byte[] plain = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
            assertThat(plain).isEqualTo(first.body());
            assertThat(f.get(p, "Accept-Encoding", "gzip", "If-None-Match", gz.headers().firstValue("ETag").orElseThrow()).statusCode())
                    .isEqualTo(304);
        }
    }

    @Test
    void headAnswersTheHeadersWithoutABody() throws Exception {
        HttpResponse<Void> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(f.base() + "/api/v1/status")).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    }

    @Test
    void hotPathsNeverTouchTheStores() throws Exception {
        int incidentReads = f.incidents.reads.get();
        int historyReads = f.history.reads.get();
        for (int i = 0; i < 50; i++) {
            assertThat(f.get("/").statusCode()).isEqualTo(200);
            assertThat(f.get("/api/v1/status").statusCode()).isEqualTo(200);
        }
        // a periodic rebuild may read once meanwhile; 100 requests must not mean 100 reads
        assertThat(f.incidents.reads.get() - incidentReads).isLessThan(3);
        assertThat(f.history.reads.get() - historyReads).isLessThan(3 * 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {";", ",;", "en;q=1,;", ";;,", "  ;  "})
    void aMalformedAcceptLanguageIsIgnoredOnEveryPage(String header) throws Exception {
        for (String path : List.of("/", "/services/kakaotalk", "/incidents/inc-dcfire-1", "/history", "/incidents/inc-naver-0")) {
            HttpResponse<String> r = f.text(path, "Accept-Language", header);
            assertThat(r.statusCode()).as("GET %s with Accept-Language '%s'", path, header).isEqualTo(200);
            assertThat(r.body()).contains("<html lang=\"en\">");
        }
    }

    @Test
    void humanUpdatesAreValidatedStoredAndShown() throws Exception {
        String path = "/api/v1/admin/incidents/inc-dcfire-1/updates";
        String good = "{\"status\":\"identified\",\"text\":{\"ko\":\"판교 데이터센터 화재로 확인\",\"en\":\"Fire at the Pangyo datacenter <confirmed>\"}}";
        assertThat(f.post(path, good, null).statusCode()).isEqualTo(401);
        assertThat(f.post(path, good, "wrong-token-xxxxxxxxxxxx").statusCode()).isEqualTo(401);
        HttpResponse<String> bad = f.post(path, "{\"status\":\"fixed\",\"text\":{\"ko\":\"a\",\"en\":\"b\"}}", Fixtures.ADMIN_TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getJsonObject("error").getString("message")).startsWith("status:");
        bad = f.post(path, "{\"status\":\"identified\",\"text\":{\"ko\":\"a\"}}", Fixtures.ADMIN_TOKEN);
        assertThat(new JsonObject(bad.body()).getJsonObject("error").getString("message")).startsWith("text.en:");
        bad = f.post(path, "{\"status\":\"identified\",\"text\":\"hello\"}", Fixtures.ADMIN_TOKEN);
        assertThat(new JsonObject(bad.body()).getJsonObject("error").getString("message")).startsWith("text:");
        bad = f.post(path, "not json", Fixtures.ADMIN_TOKEN);
        assertThat(new JsonObject(bad.body()).getJsonObject("error").getString("message")).startsWith("body:");
        assertThat(f.post("/api/v1/admin/incidents/nope/updates", good, Fixtures.ADMIN_TOKEN).statusCode()).isEqualTo(404);

        HttpResponse<String> ok = f.post(path, good, Fixtures.ADMIN_TOKEN);
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(new JsonObject(ok.body()).getJsonObject("update").getString("status")).isEqualTo("identified");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(f.text("/incidents/inc-dcfire-1?lang=en").body()).contains("Fire at the Pangyo datacenter &lt;confirmed&gt;");
            assertThat(f.text("/feed.atom").body()).contains("Fire at the Pangyo datacenter &lt;confirmed&gt;");
            assertThat(f.text("/api/v2/incidents/unresolved.json").body()).contains("\"status\":\"identified\"");
        });
        assertThat(f.text("/incidents/inc-dcfire-1?lang=ko").body()).contains("판교 데이터센터 화재로 확인");
    }

    static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    /** A small RFC 4180 parser, enough to check our own output. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
