package dev.bongsu.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.probes.heartbeat.HeartbeatPush;
import dev.bongsu.testkit.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push endpoint over real HTTP on 127.0.0.1: tokens, status, message, unknown checks, rate limit. */
class PushRouteTest {
    private static final String TOKEN = "push-token-0123456789";
    private static final String YAML = """
            services:
              - id: backup
                name: Backup
                provider: ops
                category: jobs
                checks:
                  - {type: heartbeat, name: nightly, period: 1h, token: '${BACKUP_TOKEN}'}
                  - {type: heartbeat, name: open, period: 1m}
                  - {type: tcp, host: 127.0.0.1, port: 1}
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<HeartbeatPush> pushes = new CopyOnWriteArrayList<>();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T00:00:00Z"));
    private Vertx vertx;
    private PushRoute route;
    private int port;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        BongsuConfig cfg = new ConfigLoader(Map.of("BACKUP_TOKEN", TOKEN)).parse("push.yaml", YAML);
        vertx.eventBus().<JsonObject>consumer(Addresses.HEARTBEAT_PUSHES, m -> pushes.add(HeartbeatPush.fromJson(m.body())))
                .completion().await();
        route = new PushRoute(vertx.eventBus(), cfg, clock);
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        route.mount(router);
        port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void anUpPushWithTheBearerTokenIsAcceptedAndHandedOn() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/push/backup.nightly?status=up", "Bearer " + TOKEN, null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        await().atMost(Duration.ofSeconds(20)).until(() -> !pushes.isEmpty());
        assertThat(pushes).containsExactly(new HeartbeatPush("backup.nightly", true, null));
    }

    @Test
    void theTokenMayComeInTheQueryAndStatusDefaultsToUp() throws Exception {
        assertThat(send("POST", "/api/v1/push/backup.nightly?token=" + TOKEN, null, null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !pushes.isEmpty());
        assertThat(pushes.get(0).up()).isTrue();
    }

    @Test
    void aMissingOrWrongTokenIs401AndPushesNothing() throws Exception {
        HttpResponse<String> missing = send("GET", "/api/v1/push/backup.nightly", null, null);
        HttpResponse<String> wrong = send("GET", "/api/v1/push/backup.nightly?status=down", "Bearer push-token-0123456788", null);
        HttpResponse<String> wrongQuery = send("GET", "/api/v1/push/backup.nightly?token=nope", null, null);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"bongsu-push\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid token for this check").doesNotContain(TOKEN);
        assertThat(wrongQuery.statusCode()).isEqualTo(401);
        assertThat(pushes).isEmpty();
    }

    @Test
    void anUnknownCheckAndAProbedCheckGetTheSame404() throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/v1/push/backup.weekly", "Bearer " + TOKEN, null);
        HttpResponse<String> probed = send("GET", "/api/v1/push/backup.tcp", "Bearer " + TOKEN, null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(probed.statusCode()).isEqualTo(404);
        assertThat(probed.body()).isEqualTo(unknown.body());
    }

    @Test
    void aStatusOtherThanUpOrDownIs400() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/push/backup.open?status=sideways", null, null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).isEqualTo("status: expected up or down");
    }

    @Test
    void aCheckWithoutATokenTakesPushesFromAnyoneAndTheMessageIsCleaned() throws Exception {
        String msg = URLEncoder.encode("exit 3:\ndisk full", StandardCharsets.UTF_8);
        assertThat(send("GET", "/api/v1/push/backup.open?status=down&msg=" + msg, null, null).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !pushes.isEmpty());
        assertThat(pushes).containsExactly(new HeartbeatPush("backup.open", false, "exit 3: disk full"));
    }

    @Test
    void aJsonBodyMayCarryStatusAndMessage() throws Exception {
        HttpResponse<String> ok = send("POST", "/api/v1/push/backup.open", null, "{\"status\":\"down\",\"msg\":\"rsync failed\"}");
        HttpResponse<String> bad = send("POST", "/api/v1/push/backup.open", null, "[1,2");
        HttpResponse<String> badMsg = send("POST", "/api/v1/push/backup.open", null, "{\"msg\":42}");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(badMsg.statusCode()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(20)).until(() -> !pushes.isEmpty());
        assertThat(pushes).containsExactly(new HeartbeatPush("backup.open", false, "rsync failed"));
    }

    @Test
    void aPostedFormMayCarryStatusAndMessage() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/push/backup.open"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString("status=down&msg=exit+23")).build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !pushes.isEmpty());
        assertThat(pushes).containsExactly(new HeartbeatPush("backup.open", false, "exit 23"));
    }

    @Test
    void moreThanABurstOfTenIs429UntilTimeRefillsTheBucket() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send("GET", "/api/v1/push/backup.nightly", "Bearer " + TOKEN, null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = send("GET", "/api/v1/push/backup.nightly", "Bearer " + TOKEN, null);
        HttpResponse<String> otherCheck = send("GET", "/api/v1/push/backup.open", null, null);
        HttpResponse<String> wrongTokens = send("GET", "/api/v1/push/backup.nightly", "Bearer wrong-wrong-wrong", null);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> refilled = send("GET", "/api/v1/push/backup.nightly", "Bearer " + TOKEN, null);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(otherCheck.statusCode()).as("the limit is per check").isEqualTo(200);
        assertThat(wrongTokens.statusCode()).as("a wrong token is refused before the limit").isEqualTo(401);
        assertThat(refilled.statusCode()).isEqualTo(200);
    }

    @Test
    void aReloadedConfigurationAddsAndRemovesChecks() throws Exception {
        route.reconfigure(new ConfigLoader(Map.of()).parse("push.yaml", """
                services:
                  - {id: cron, name: Cron, provider: ops, category: jobs, checks: [{type: heartbeat, period: 5m}]}
                """));

        assertThat(send("GET", "/api/v1/push/backup.open", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/push/cron.heartbeat", null, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(15));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
