package dev.bongsu.alerting.maintenance;

import static dev.bongsu.alerting.support.Incidents.service;
import static dev.bongsu.alerting.support.Incidents.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.Alerting;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.web.BearerTokenHandler;
import dev.bongsu.testkit.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The maintenance admin API on a real server on 127.0.0.1, over a real maintenance.db, wired as the app wires it. */
class MaintenanceAdminRoutesTest {
    private static final String TOKEN = "admin-token-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private final ManualClock clock = new ManualClock(NOW);
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
        port = serve(alerting = newAlerting());
        client = WebClient.create(vertx);
    }

    private Alerting newAlerting() {
        Alerting a = Alerting.create(vertx, config(dir, hook.url("/hook")), clock, "node-a", IncidentReader.none());
        vertx.deployVerticle(a.verticle()).await();
        return a;
    }

    static BongsuConfig config(Path dir, String hookUrl) {
        String yaml = """
                http: {publicUrl: "https://status.example.kr"}
                storage: {dir: "%s"}
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaobank, name: KakaoBank, provider: kakao, category: bank, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                alerting:
                  receivers:
                    - {name: hook, type: webhook, url: "%s", secret: "0123456789abcdef-secret", timeout: 30s}
                """.formatted(dir, hookUrl);
        return new ConfigLoader(java.util.Map.of()).parse("test.yaml", yaml);
    }

    private int serve(Alerting a) {
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(TOKEN));
        a.adminRoutes().mount(router);
        a.maintenanceRoutes().mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        return server.actualPort();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private HttpResponse<Buffer> call(String method, String path, String body) {
        var req = client.request(HttpMethod.valueOf(method), port, "127.0.0.1", path).putHeader("Authorization", "Bearer " + TOKEN);
        return body == null ? req.send().await() : req.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
    }

    private static String tomorrow() {
        return """
                {"title": {"ko": "카카오톡 서버 점검", "en": "KakaoTalk server maintenance"},
                 "description": {"ko": "메시지 전송이 지연될 수 있습니다.", "en": "Messages may be delayed."},
                 "start": "2026-12-01T02:00:00+09:00", "end": "2026-12-01T04:00:00+09:00", "services": ["kakaotalk"]}""";
    }

    @Test
    void aMaintenanceIsCreatedListedChangedCancelledAndKeptAcrossARestart() {
        HttpResponse<Buffer> created = call("POST", "/api/v1/admin/maintenance", tomorrow());
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject m = created.bodyAsJsonObject();
        String id = m.getString("id");
        assertThat(id).startsWith("mnt-");
        assertThat(m.getString("phase")).isEqualTo("scheduled");
        assertThat(m.getJsonArray("services")).containsExactly("kakaotalk");
        assertThat(m.getBoolean("public")).isTrue();
        assertThat(m.getString("source")).isEqualTo("api");
        assertThat(m.getString("start")).isEqualTo("2026-11-30T17:00:00Z");

        HttpResponse<Buffer> patched = call("PATCH", "/api/v1/admin/maintenance/" + id, "{\"end\": \"2026-12-01T05:00:00+09:00\"}");
        assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
        assertThat(patched.bodyAsJsonObject().getString("end")).isEqualTo("2026-11-30T20:00:00Z");
        assertThat(patched.bodyAsJsonObject().getLong("version")).isEqualTo(2L);
        assertThat(patched.bodyAsJsonObject().getJsonObject("title").getString("en")).isEqualTo("KakaoTalk server maintenance");

        JsonArray list = call("GET", "/api/v1/admin/maintenance", null).bodyAsJsonObject().getJsonArray("maintenance");
        assertThat(list).hasSize(1);

        HttpResponse<Buffer> cancelled = call("DELETE", "/api/v1/admin/maintenance/" + id, null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.bodyAsJsonObject().getString("phase")).isEqualTo("cancelled");
        assertThat(call("DELETE", "/api/v1/admin/maintenance/" + id, null).statusCode()).isEqualTo(409);
        assertThat(call("GET", "/api/v1/admin/maintenance/nope", null).statusCode()).isEqualTo(404);

        // a new process over the same maintenance.db sees it, cancelled, not gone
        vertx.undeploy(vertx.deploymentIDs().iterator().next()).await();
        port = serve(alerting = newAlerting());
        JsonObject again = call("GET", "/api/v1/admin/maintenance/" + id, null).bodyAsJsonObject();
        assertThat(again.getString("phase")).isEqualTo("cancelled");
        assertThat(again.getString("end")).isEqualTo("2026-11-30T20:00:00Z");
        assertThat(alerting.maintenance().maintenances()).singleElement().satisfies(w -> assertThat(w.cancelled()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            end before start  | {"title":"t","start":"2026-12-01T04:00:00+09:00","end":"2026-12-01T02:00:00+09:00","services":["kakaotalk"]} | end: expected a time after start
            unknown service   | {"title":"t","start":"2026-12-01T02:00:00+09:00","end":"2026-12-01T04:00:00+09:00","services":["kakaotak"]}  | services[0]: unknown service 'kakaotak'
            too long          | {"title":"t","start":"2026-12-01T02:00:00+09:00","end":"2026-12-09T04:00:00+09:00","services":["kakaotalk"]} | end: a maintenance may last at most 7 days
            bidi in title     | {"title":{"ko":"점검\\u202e","en":"x"},"start":"2026-12-01T02:00:00+09:00","end":"2026-12-01T04:00:00+09:00","services":["kakaotalk"]} | title.ko: text contains U+202E
            no title          | {"start":"2026-12-01T02:00:00+09:00","end":"2026-12-01T04:00:00+09:00","services":["kakaotalk"]} | title: required
            no scope          | {"title":"t","start":"2026-12-01T02:00:00+09:00","end":"2026-12-01T04:00:00+09:00"} | services: required
            bad time          | {"title":"t","start":"tomorrow","end":"2026-12-01T04:00:00+09:00","services":["kakaotalk"]} | start: expected a time with offset
            ended             | {"title":"t","start":"2026-11-01T02:00:00+09:00","end":"2026-11-01T04:00:00+09:00","services":["kakaotalk"]} | end: expected a time in the future
            unknown label     | {"title":"t","start":"2026-12-01T02:00:00+09:00","end":"2026-12-01T04:00:00+09:00","match":{"colour":"red"}} | match.colour: unknown label
            unknown field     | {"title":"t","starts":"x"} | starts: unknown field
            """)
    void badInputIsA400NamingTheField(String name, String body, String message) {
        HttpResponse<Buffer> r = call("POST", "/api/v1/admin/maintenance", body);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("message")).startsWith(message);
        assertThat(alerting.maintenance().maintenances()).isEmpty();
    }

    @Test
    void forceAllowsALongWindowAndNotJsonIsA400() {
        String longOne = "{\"title\":\"t\",\"start\":\"2026-12-01T02:00:00+09:00\",\"end\":\"2026-12-09T04:00:00+09:00\",\"services\":[\"kakaotalk\"],"
                + "\"force\":true}";
        assertThat(call("POST", "/api/v1/admin/maintenance", longOne).statusCode()).isEqualTo(201);
        HttpResponse<Buffer> r = call("POST", "/api/v1/admin/maintenance", "[1,2");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("message")).startsWith("body:");
    }

    @Test
    void anApiMaintenanceMutesOnCallForItsScopeOnlyWhileItRuns() {
        String body = """
                {"title": "KakaoTalk maintenance", "start": "2026-11-30T11:30:00+09:00", "end": "2026-11-30T13:00:00+09:00",
                 "services": ["kakaotalk"]}""";
        assertThat(call("POST", "/api/v1/admin/maintenance", body).statusCode()).isEqualTo(201);
        clock.set(Instant.parse("2026-11-30T03:00:00Z")); // 12:00 KST, inside the window
        var bus = vertx.eventBus();
        bus.publish(Addresses.INCIDENTS, transition(service("M1", "kakaotalk", 1, IncidentState.OPEN, clock.instant(), null)));
        bus.publish(Addresses.INCIDENTS, transition(service("M2", "kakaobank", 1, IncidentState.OPEN, clock.instant(), null)));

        // the bank is not in scope: it pages; the messenger is in scope: recorded as suppressed, never sent
        await().atMost(Duration.ofSeconds(30)).until(() -> hook.requests().size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> alerting.outbox().rows("suppressed", 10).await().size() == 1);
        JsonObject suppressed = alerting.outbox().rows("suppressed", 10).await().getJsonObject(0);
        assertThat(suppressed.getString("incidentId")).isEqualTo("M1");
        assertThat(suppressed.getString("reason")).startsWith("maintenance window ");
        assertThat(new JsonObject(hook.requests().get(0).body()).getJsonObject("incident").getJsonArray("services")).containsExactly("kakaobank");
    }
}
