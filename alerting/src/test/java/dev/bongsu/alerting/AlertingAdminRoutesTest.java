package dev.bongsu.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.web.BearerTokenHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertingAdminRoutesTest {
    private static final String TOKEN = "admin-token-0123456789";
    private Vertx vertx;
    private RecordingReceiver hook;
    private Alerting alerting;
    private WebClient client;
    private int port;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        hook = RecordingReceiver.start(vertx);
        alerting = Alerting.create(vertx, AlertingVerticleTest.config(dir, hook.url("/hook")), Clock.systemUTC(), "node-a", IncidentReader.none());
        vertx.deployVerticle(alerting.verticle()).await();
        // As the app wires it: body handler, then the token check, then the routes.
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(TOKEN));
        alerting.adminRoutes().mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        port = server.actualPort();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private HttpResponse<Buffer> call(String method, String path, String body, boolean withToken) {
        var req = client.request(io.vertx.core.http.HttpMethod.valueOf(method), port, "127.0.0.1", path);
        if (withToken) {
            req.putHeader("Authorization", "Bearer " + TOKEN);
        }
        return body == null ? req.send().await() : req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
    }

    @Test
    void everyRouteNeedsTheToken() {
        for (String[] r : new String[][] {{"GET", "/api/v1/admin/silences"}, {"POST", "/api/v1/admin/silences"},
                {"DELETE", "/api/v1/admin/silences/x"}, {"POST", "/api/v1/admin/receivers/hook/test"}, {"GET", "/api/v1/admin/outbox"},
                {"GET", "/api/v1/admin/outbox/notifications"}}) {
            HttpResponse<Buffer> resp = call(r[0], r[1], null, false);
            assertThat(resp.statusCode()).as(r[0] + " " + r[1]).isEqualTo(401);
            assertThat(resp.bodyAsJsonObject().getJsonObject("error").getInteger("status")).isEqualTo(401);
        }
        assertThat(hook.requests()).isEmpty();
    }

    @Test
    void silencesAreCreatedListedAndExpired() {
        HttpResponse<Buffer> created = call("POST", "/api/v1/admin/silences",
                "{\"matchers\":[\"provider=kakao\",\"service=~kakao.*\"],\"duration\":\"2h\",\"author\":\"kim\",\"comment\":\"DB migration\"}", true);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject s = created.bodyAsJsonObject();
        assertThat(s.getJsonArray("matchers").getList()).containsExactly("provider=kakao", "service=~kakao.*");
        assertThat(s.getString("state")).isEqualTo("active");
        String id = s.getString("id");

        JsonObject list = call("GET", "/api/v1/admin/silences?state=active", null, true).bodyAsJsonObject();
        assertThat(list.getJsonArray("silences")).hasSize(1);

        HttpResponse<Buffer> expired = call("DELETE", "/api/v1/admin/silences/" + id, null, true);
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(expired.bodyAsJsonObject().getString("state")).isEqualTo("expired");
        assertThat(call("GET", "/api/v1/admin/silences?state=active", null, true).bodyAsJsonObject().getJsonArray("silences")).isEmpty();
        assertThat(call("DELETE", "/api/v1/admin/silences/sil-nope", null, true).statusCode()).isEqualTo(404);

        // Stored durably in outbox.db: a fresh instance sees it.
        Alerting again = Alerting.create(vertx, AlertingVerticleTest.config(dir, hook.url("/hook")), Clock.systemUTC(), "node-b", IncidentReader.none());
        vertx.undeploy(vertx.deploymentIDs().iterator().next()).await();
        vertx.deployVerticle(again.verticle()).await();
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create());
        again.adminRoutes().mount(router);
        int other = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
        JsonObject all = client.get(other, "127.0.0.1", "/api/v1/admin/silences").send().await().bodyAsJsonObject();
        assertThat(all.getJsonArray("silences").getJsonObject(0).getString("id")).isEqualTo(id);
    }

    @Test
    void badInputIsA400WithAJsonError() {
        String[][] cases = {
            {"{\"matchers\":[],\"duration\":\"2h\",\"author\":\"kim\",\"comment\":\"x\"}", "matchers: expected a non-empty list"},
            {"{\"matchers\":[\"colour=red\"],\"duration\":\"2h\",\"author\":\"kim\",\"comment\":\"x\"}", "matchers[0]: unknown label 'colour'"},
            {"{\"matchers\":[\"provider=kakao\"],\"duration\":\"soon\",\"author\":\"kim\",\"comment\":\"x\"}", "endsAt or duration: expected"},
            {"{\"matchers\":[\"provider=kakao\"],\"duration\":\"2h\",\"comment\":\"x\"}", "author: required"},
            {"{\"matchers\":[\"provider=kakao\"],\"endsAt\":\"tomorrow\",\"author\":\"kim\",\"comment\":\"x\"}", "endsAt: expected an ISO-8601"},
            {"not json", "body: expected a JSON object"},
        };
        for (String[] c : cases) {
            HttpResponse<Buffer> resp = call("POST", "/api/v1/admin/silences", c[0], true);
            assertThat(resp.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(resp.getHeader("Content-Type")).startsWith("application/json");
            assertThat(resp.bodyAsJsonObject().getJsonObject("error").getString("message")).as(c[0]).startsWith(c[1]);
        }
        HttpResponse<Buffer> rows = call("GET", "/api/v1/admin/outbox/notifications?status=lost", null, true);
        assertThat(rows.statusCode()).isEqualTo(400);
        assertThat(rows.bodyAsJsonObject().getJsonObject("error").getString("message"))
                .isEqualTo("status: expected one of pending, sent, dead, suppressed, coalesced, found 'lost'");
    }

    @Test
    void aTestNotificationGoesToTheNamedReceiver() {
        HttpResponse<Buffer> resp = call("POST", "/api/v1/admin/receivers/hook/test", null, true);

        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.bodyAsJsonObject().getString("outcome")).isEqualTo("delivered");
        await().atMost(Duration.ofSeconds(10)).until(() -> hook.requests().size() == 1);
        JsonObject body = new JsonObject(hook.requests().get(0).body());
        assertThat(body.getString("notice")).contains("test notification");
        assertThat(hook.requests().get(0).header("x-bongsu-signature")).startsWith("sha256=");
        assertThat(call("POST", "/api/v1/admin/receivers/nobody/test", null, true).statusCode()).isEqualTo(404);
    }

    @Test
    void outboxStatusAndRowsAreJson() {
        hook.answer(q -> RecordingReceiver.Reply.status(400, "no"));
        JsonObject status = call("GET", "/api/v1/admin/outbox", null, true).bodyAsJsonObject();
        assertThat(status.fieldNames()).contains("paused", "pending", "sent", "dead", "suppressed", "receivers");
        assertThat(status.getBoolean("paused")).isFalse();
        JsonObject rows = call("GET", "/api/v1/admin/outbox/notifications?status=dead&limit=5", null, true).bodyAsJsonObject();
        assertThat(rows.getJsonArray("notifications")).isEmpty();
    }
}
