package dev.bongsu.statuspage.declared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator incidents, one-incident API and postmortems, against a real server with real SQLite files. */
class OperatorIncidentsApiTest {
    private static final String T = Fixtures.ADMIN_TOKEN;
    private static final String OPEN = "{\"title\":{\"ko\":\"결제 지연\",\"en\":\"Payments delayed\"},\"services\":[\"kakaopay\",\"naverpay\"],"
            + "\"impact\":\"major_outage\",\"text\":{\"ko\":\"결제가 늦습니다\",\"en\":\"Payments are slow\"}}";

    @TempDir
    Path dir;

    @Test
    void aDeclaredIncidentShowsEverywhereADetectedOneDoesAndIsResolvedByTheOperator() throws Exception {
        List<PublicNotice> told = new CopyOnWriteArrayList<>();
        try (SiteFixture f = new SiteFixture(dir)) {
            f.site.operatorAnnouncements(n -> {
                told.add(n);
                return Future.succeededFuture();
            });
            HttpResponse<String> opened = f.post("/api/v1/admin/incidents", OPEN, T);
            assertThat(opened.statusCode()).isEqualTo(201);
            JsonObject inc = new JsonObject(opened.body()).getJsonObject("incident");
            String id = inc.getString("id");
            assertThat(id).startsWith("op-");
            assertThat(inc.getBoolean("declared")).isTrue();
            assertThat(inc.getString("origin")).isEqualTo("operator");
            assertThat(inc.getString("impact")).isEqualTo("major_outage");
            assertThat(inc.getString("severity")).isEqualTo("critical");

            await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/?lang=en").body().contains("Payments delayed"));
            assertThat(f.text("/?lang=en").body()).contains("Declared by the operator");
            assertThat(f.text("/?lang=ko").body()).contains("운영자 공지", "결제 지연");
            assertThat(f.text("/services/kakaopay?lang=en").body()).contains("Payments delayed");
            // the page shows the worse of the detector's state (up) and the declared impact (major outage: down)
            JsonArray services = new JsonObject(f.text("/api/v1/status").body()).getJsonArray("services");
            assertThat(state(services, "kakaopay")).isEqualTo("down");
            assertThat(state(services, "kakaotalk")).isEqualTo("up");
            JsonObject listed = new JsonObject(f.text("/api/v1/incidents").body()).getJsonArray("incidents").stream()
                    .map(JsonObject.class::cast).filter(o -> o.getString("id").equals(id)).findFirst().orElseThrow();
            assertThat(listed.getBoolean("declared")).isTrue();
            assertThat(f.text("/feed.atom").body()).contains("Payments delayed", "Declared by the operator", "Payments are slow");
            assertThat(f.text("/api/v2/incidents/unresolved.json").body()).contains(id, "Payments delayed");
            assertThat(f.text("/api/v2/summary.json").body()).contains(id);
            assertThat(f.text("/api/v2/incidents.json").body()).contains(id);
            // newsroom reports count it like a detected one
            JsonObject pay = new JsonObject(f.text("/api/v1/reports?by=service").body()).getJsonArray("groups").stream()
                    .map(JsonObject.class::cast).filter(o -> "kakaopay".equals(o.getString("key"))).findFirst().orElseThrow();
            assertThat(pay.getInteger("incidents")).isEqualTo(1);

            // a team update through the existing updates API, then a change of services and impact
            assertThat(f.post("/api/v1/admin/incidents/" + id + "/updates",
                    "{\"status\":\"identified\",\"text\":{\"ko\":\"PG사 문제\",\"en\":\"The payment gateway is at fault\"}}", T).statusCode())
                    .isEqualTo(201);
            HttpResponse<String> changed = f.send("PATCH", "/api/v1/admin/incidents/" + id,
                    "{\"services\":[\"kakaopay\"],\"impact\":\"degraded\"}", T);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(changed.body()).getJsonObject("incident").getString("impact")).isEqualTo("degraded");

            HttpResponse<String> resolved = f.post("/api/v1/admin/incidents/" + id + "/resolve",
                    "{\"text\":{\"ko\":\"정상화\",\"en\":\"Payments are back\"}}", T);
            assertThat(resolved.statusCode()).isEqualTo(200);
            assertThat(f.post("/api/v1/admin/incidents/" + id + "/resolve", null, T).statusCode()).isEqualTo(409);

            assertThat(f.send("PUT", "/api/v1/admin/incidents/" + id + "/postmortem",
                    "{\"text\":{\"ko\":\"원인: 인증서 만료\",\"en\":\"Cause: an expired certificate.\\n\\nWe now alert 30 days ahead.\"}}", T)
                    .statusCode()).isEqualTo(200);

            JsonObject one = new JsonObject(f.text("/api/v1/incidents/" + id).body());
            assertThat(one.getString("state")).isEqualTo("resolved");
            assertThat(one.getString("permalink")).isEqualTo("/incidents/" + id);
            assertThat(one.getJsonObject("postmortem").getJsonObject("text").getString("en")).startsWith("Cause: an expired certificate.");
            assertThat(one.getString("firstUpdateAt")).isEqualTo(one.getString("startedAt"));
            assertThat(one.getString("detectedAt")).isEqualTo(one.getString("startedAt"));
            JsonArray svc = one.getJsonArray("services");
            assertThat(svc.getJsonObject(0).getString("id")).isEqualTo("kakaopay");
            assertThat(svc.getJsonObject(0).getString("recoveredAt")).isEqualTo(one.getString("resolvedAt"));
            assertThat(svc.getJsonObject(1).getString("id")).isEqualTo("naverpay");
            assertThat(svc.getJsonObject(1).getString("recoveredAt")).isNotNull().isLessThanOrEqualTo(one.getString("resolvedAt"));
            List<String> types = one.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("type")).toList();
            assertThat(types).containsExactly("declared", "update", "update", "changed", "recovered", "recovered", "update", "resolved");
            assertThat(types.subList(4, 6)).containsOnly("recovered");

            HttpResponse<String> csv = f.text("/api/v1/incidents/" + id + ".csv");
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.body().lines().toList()).hasSize(1 + types.size());
            assertThat(csv.body()).startsWith("incident_id,at,type,services,update_status,text_ko,text_en");
            assertThat(f.text("/api/v1/incidents/" + id, "Accept", "text/csv").body()).isEqualTo(csv.body());

            await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/incidents/" + id + "?lang=en").body().contains("Postmortem"));
            HttpResponse<String> page = f.text("/incidents/" + id + "?lang=en");
            assertThat(page.body()).contains("Declared by the operator", "Payments are back", "<p>We now alert 30 days ahead.</p>");
            assertThat(page.headers().firstValue("Link").orElse("")).isEqualTo("</incidents/" + id + ">; rel=\"canonical\"");
            await().atMost(Duration.ofSeconds(10)).until(() -> !f.text("/?lang=en").body().contains("Payments delayed"));
            assertThat(state(new JsonObject(f.text("/api/v1/status").body()).getJsonArray("services"), "kakaopay")).isEqualTo("up");

            assertThat(told).extracting(PublicNotice::key).containsExactly("incident:" + id + ":opened",
                    "incident:" + id + ":updated:2", "incident:" + id + ":resolved");
            assertThat(told.get(0).path()).isEqualTo("/incidents/" + id);
            assertThat(told.get(2).text().en()).isEqualTo("Payments are back");
        }
        // durable: a new server on the same files still has it, and its postmortem
        try (SiteFixture again = new SiteFixture(dir)) {
            String body = again.text("/api/v1/incidents?state=resolved").body();
            String id = new JsonObject(body).getJsonArray("incidents").stream().map(o -> ((JsonObject) o).getString("id"))
                    .filter(OperatorIncidents::isDeclaredId).findFirst().orElseThrow();
            assertThat(new JsonObject(again.text("/api/v1/incidents/" + id).body()).getJsonObject("postmortem")).isNotNull();
        }
    }

    @Test
    void theOneIncidentApiAnswersDetectedIncidentsFromTheStoreAndHidesProbeFaults() throws Exception {
        try (SiteFixture f = new SiteFixture(dir)) {
            JsonObject past = new JsonObject(f.text("/api/v1/incidents/inc-naver-0").body());
            assertThat(past.getBoolean("declared")).isFalse();
            assertThat(past.getString("detectedAt")).isEqualTo(past.getString("startedAt"));
            assertThat(past.getJsonArray("services").getJsonObject(0).getJsonObject("name").getString("en")).isEqualTo("NAVER");
            assertThat(past.getJsonArray("timeline").stream().map(o -> ((JsonObject) o).getString("type")).toList())
                    .containsExactly("started", "detected", "recovered", "resolved");
            assertThat(f.text("/api/v1/incidents/inc-probe-1").statusCode()).isEqualTo(404);
            assertThat(f.text("/api/v1/incidents/inc-probe-1").body()).doesNotContain("tokyo");
            assertThat(f.text("/api/v1/incidents/inc-probe-1.csv").statusCode()).isEqualTo(404);
            assertThat(f.text("/api/v1/incidents/nope").statusCode()).isEqualTo(404);
            assertThat(f.text("/api/v1/incidents.csv").body()).startsWith("id,kind,state");
            assertThat(f.send("PUT", "/api/v1/admin/incidents/inc-probe-1/postmortem", "{\"text\":{\"ko\":\"a\",\"en\":\"b\"}}", T)
                    .statusCode()).isEqualTo(404);

            assertThat(f.send("PUT", "/api/v1/admin/incidents/inc-naver-0/postmortem", "{\"text\":{\"ko\":\"느림\",\"en\":\"Slow\"}}", T)
                    .statusCode()).isEqualTo(200);
            assertThat(new JsonObject(f.text("/api/v1/incidents/inc-naver-0").body()).getJsonObject("postmortem")).isNotNull();
            assertThat(f.send("DELETE", "/api/v1/admin/incidents/inc-naver-0/postmortem", null, T).statusCode()).isEqualTo(204);
            assertThat(new JsonObject(f.text("/api/v1/incidents/inc-naver-0").body()).getValue("postmortem")).isNull();
            assertThat(f.send("DELETE", "/api/v1/admin/incidents/inc-naver-0/postmortem", null, T).statusCode()).isEqualTo(404);
            // detected incidents are not changed or resolved by the operator
            assertThat(f.send("PATCH", "/api/v1/admin/incidents/inc-naver-0", "{\"impact\":\"degraded\"}", T).statusCode()).isEqualTo(404);
            assertThat(f.post("/api/v1/admin/incidents/inc-naver-0/resolve", null, T).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        try (SiteFixture f = new SiteFixture(dir)) {
            assertBad(f.post("/api/v1/admin/incidents", "{\"title\":{\"ko\":\"a\",\"en\":\"b\"},\"services\":[\"nope\"],"
                    + "\"impact\":\"major_outage\",\"text\":{\"ko\":\"a\",\"en\":\"b\"}}", T), "services[0]");
            assertBad(f.post("/api/v1/admin/incidents", OPEN.replace("major_outage", "meltdown"), T), "impact");
            assertBad(f.post("/api/v1/admin/incidents", OPEN.replace("\"Payments delayed\"", "\"Pay\\u202Ements\""), T), "title.en");
            assertBad(f.post("/api/v1/admin/incidents", OPEN.replace("\"text\"", "\"txt\""), T), "text");
            assertBad(f.post("/api/v1/admin/incidents", "[1]", T), "body");
            assertBad(f.send("PUT", "/api/v1/admin/incidents/inc-naver-0/postmortem",
                    "{\"text\":{\"ko\":\"" + "가".repeat(20_001) + "\",\"en\":\"b\"}}", T), "text.ko");
            assertThat(f.post("/api/v1/admin/incidents", OPEN, null).statusCode()).isEqualTo(401);
            String id = new JsonObject(f.post("/api/v1/admin/incidents", OPEN.replace("\"impact\":\"major_outage\"", "\"severity\":\"warning\""), T)
                    .body()).getJsonObject("incident").getString("id");
            assertBad(f.send("PATCH", "/api/v1/admin/incidents/" + id, "{\"colour\":\"red\"}", T), "colour");
            assertBad(f.send("PATCH", "/api/v1/admin/incidents/" + id, "{}", T), "body");
            assertThat(new JsonObject(f.text("/api/v1/incidents/" + id).body()).getString("impact")).isEqualTo("degraded");
        }
    }

    private static void assertBad(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).startsWith(field + ":");
    }

    private static String state(JsonArray services, String id) {
        return services.stream().map(JsonObject.class::cast).filter(o -> o.getString("id").equals(id)).findFirst().orElseThrow()
                .getString("state");
    }
}
