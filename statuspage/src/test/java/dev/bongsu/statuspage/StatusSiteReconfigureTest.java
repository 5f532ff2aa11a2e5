package dev.bongsu.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.StatusPageConfig;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site built with config A and reloaded with config B (naver removed, coupang added, a new title, value name and
 * public address): every page and API shows B as soon as {@link StatusSite#reconfigure} completes; stores keep their data.
 */
class StatusSiteReconfigureTest {
    private static final String T = Fixtures.ADMIN_TOKEN;

    @TempDir
    Path dir;

    @Test
    void pagesAndApisShowTheReloadedConfigAndStoresKeepTheirData() throws Exception {
        try (SiteFixture f = new SiteFixture(dir)) {
            // data in the stores before the reload: a team update on naver's past incident, a declared incident
            assertThat(f.post("/api/v1/admin/incidents/inc-naver-0/updates",
                    "{\"status\":\"resolved\",\"text\":{\"ko\":\"원인 분석 완료\",\"en\":\"Cause found\"}}", T).statusCode()).isEqualTo(201);
            HttpResponse<String> declared = f.post("/api/v1/admin/incidents", "{\"title\":{\"ko\":\"결제 지연\",\"en\":\"Payments delayed\"},"
                    + "\"services\":[\"kakaopay\"],\"impact\":\"degraded\",\"text\":{\"ko\":\"확인 중\",\"en\":\"Looking\"}}", T);
            assertThat(declared.statusCode()).isEqualTo(201);
            String declaredId = new JsonObject(declared.body()).getJsonObject("incident").getString("id");

            f.site.reconfigure(reloaded(f.config)).await();

            // no waiting: the future completed once the new build was served
            String home = f.text("/?lang=en").body();
            assertThat(home).contains("Status after the move", "id=\"svc-coupang\" data-state=\"unknown\"", "Coupang")
                    .doesNotContain("id=\"svc-naver\"", "Service status &lt;Bongsu&gt;");
            JsonObject status = new JsonObject(f.text("/api/v1/status").body());
            List<String> ids = new ArrayList<>();
            status.getJsonArray("services").forEach(o -> ids.add(((JsonObject) o).getString("id")));
            assertThat(ids).contains("coupang", "kakaotalk").doesNotContain("naver");
            assertThat(status.getJsonObject("page").getJsonObject("title").getString("en")).isEqualTo("Status after the move");
            assertThat(status.getJsonObject("page").getString("url")).isEqualTo("https://status.example.com");
            JsonObject coupang = find(status.getJsonArray("services"), "coupang");
            assertThat(coupang.getString("state")).isEqualTo("unknown");
            assertThat(coupang.getString("provider")).isEqualTo("coupang");

            JsonObject v2 = new JsonObject(f.text("/api/v2/summary.json").body());
            assertThat(v2.getJsonObject("page").getString("name")).isEqualTo("Status after the move");
            assertThat(v2.getJsonObject("page").getString("url")).isEqualTo("https://status.example.com");
            assertThat(v2.getJsonArray("components").encode()).contains("Coupang").doesNotContain("\"NAVER\"");

            assertThat(f.text("/badge/coupang.svg?lang=en").statusCode()).isEqualTo(200);
            assertThat(f.text("/badge/coupang.svg?lang=en").body()).contains("Coupang");
            assertThat(f.text("/badge/naver.svg").statusCode()).isEqualTo(404);
            assertThat(f.text("/badge/provider/coupang.svg?lang=en").body()).contains("Coupang Corp");
            assertThat(f.text("/services/naver?lang=en").statusCode()).isEqualTo(404);
            assertThat(f.text("/api/v1/services/naver/history").statusCode()).isEqualTo(404);
            assertThat(f.text("/services/coupang?lang=en").statusCode()).isEqualTo(200);

            // the removed service's past incident keeps its permalink and its team update; the declared incident stays
            HttpResponse<String> past = f.text("/api/v1/incidents/inc-naver-0");
            assertThat(past.statusCode()).isEqualTo(200);
            assertThat(past.body()).contains("Cause found", "https://status.example.com/incidents/inc-naver-0");
            assertThat(f.text("/incidents/inc-naver-0?lang=en").statusCode()).isEqualTo(200);
            assertThat(f.text("/api/v1/incidents/" + declaredId).body()).contains("Payments delayed");

            // declared incidents are checked against the reloaded services
            assertThat(f.post("/api/v1/admin/incidents", "{\"title\":{\"ko\":\"a\",\"en\":\"b\"},\"services\":[\"coupang\"],"
                    + "\"impact\":\"degraded\",\"text\":{\"ko\":\"a\",\"en\":\"b\"}}", T).statusCode()).isEqualTo(201);
            HttpResponse<String> removed = f.post("/api/v1/admin/incidents", "{\"title\":{\"ko\":\"a\",\"en\":\"b\"},\"services\":[\"naver\"],"
                    + "\"impact\":\"degraded\",\"text\":{\"ko\":\"a\",\"en\":\"b\"}}", T);
            assertThat(removed.statusCode()).isEqualTo(400);
            assertThat(removed.body()).contains("services[0]");
        }
    }

    @Test
    void reloadingTwiceInARowEndsWithTheLastConfig() throws Exception {
        try (SiteFixture f = new SiteFixture(dir)) {
            BongsuConfig b = reloaded(f.config);
            var first = f.site.reconfigure(b);
            f.site.reconfigure(f.config).await();
            first.await();
            assertThat(f.text("/?lang=en").body()).contains("id=\"svc-naver\"").doesNotContain("svc-coupang");
        }
    }

    /** Config B: naver out, coupang in (its provider with a display name), a new title and public address. */
    static BongsuConfig reloaded(BongsuConfig a) {
        List<ServiceConfig> services = new ArrayList<>(a.services().stream().filter(s -> !s.id().equals("naver")).toList());
        ServiceConfig toss = a.service("toss").orElseThrow();
        services.add(new ServiceConfig("coupang", new LocalizedText("쿠팡", "Coupang"), "coupang", "shop", "gasan", toss.region(),
                toss.dependsOn(), toss.publicAttributes(), toss.checks()));
        StatusPageConfig p = a.statusPage();
        StatusPageConfig page = new StatusPageConfig(new LocalizedText("이전 후 상태", "Status after the move"), p.description(),
                "https://status.example.com", Map.of("provider", Map.of("coupang", new LocalizedText("쿠팡 주식회사", "Coupang Corp"))),
                p.subscriptions());
        return new BongsuConfig(a.http(), a.admin(), a.vantages(), services, a.storage(), a.probes(), a.detector(), a.alerting(), page,
                a.cluster(), a.smtp(), a.ops());
    }

    private static JsonObject find(JsonArray services, String id) {
        for (Object o : services) {
            if (((JsonObject) o).getString("id").equals(id)) {
                return (JsonObject) o;
            }
        }
        throw new AssertionError("no service " + id + " in " + services.encode());
    }
}
