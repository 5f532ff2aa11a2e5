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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** Valid fields, then one replaced: {@code base("\"author\":7")}. */
    private static String silence(String... replace) {
        JsonObject body = new JsonObject("{\"matchers\":[\"provider=kakao\"],\"duration\":\"2h\",\"author\":\"kim\",\"comment\":\"x\"}");
        for (String r : replace) {
            JsonObject patch = new JsonObject("{" + r + "}");
            patch.forEach(e -> body.put(e.getKey(), e.getValue()));
        }
        return body.encode();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            matchers missing               | `{"duration":"2h","author":"kim","comment":"x"}`                  | matchers: expected a non-empty list
            matchers null                  | `"matchers":null`                                                 | matchers: expected a non-empty list such as ["provider=kakao"], found nothing
            matchers a string              | `"matchers":"provider=kakao"`                                     | matchers: expected a non-empty list such as ["provider=kakao"], found 'provider=kakao'
            matchers an object             | `"matchers":{"label":"provider"}`                                 | matchers: expected a non-empty list such as ["provider=kakao"], found an object
            matchers empty                 | `"matchers":[]`                                                   | matchers: expected a non-empty list
            matcher null                   | `"matchers":[null]`                                               | matchers[0]: expected "label=value" or {"label":…,"op":…,"value":…}, found nothing
            matcher a number               | `"matchers":[42]`                                                 | matchers[0]: expected "label=value" or {"label":…,"op":…,"value":…}, found a number
            matcher a list                 | `"matchers":[["provider","kakao"]]`                               | matchers[0]: expected "label=value" or {"label":…,"op":…,"value":…}, found a list
            matcher unknown label          | `"matchers":["colour=red"]`                                       | matchers[0]: unknown label 'colour'
            matcher no operator            | `"matchers":["kakao"]`                                            | matchers[0]: expected a matcher such as provider=kakao
            matcher bad regex              | `"matchers":["service=~("]`                                       | matchers[0]: invalid regular expression for 'service'
            matcher label null             | `"matchers":[{"label":null}]`                                     | matchers[0].label: expected a string, found nothing
            matcher label a number         | `"matchers":[{"label":3,"value":"kakao"}]`                        | matchers[0].label: expected a string, found a number
            matcher label a list           | `"matchers":[{"label":["provider"],"value":"kakao"}]`             | matchers[0].label: expected a string, found a list
            matcher unknown label in object | `"matchers":[{"label":"colour","value":"red"}]`                  | matchers[0]: unknown label 'colour'
            matcher value null             | `"matchers":[{"label":"provider","value":null}]`                  | matchers[0].value: expected a string, found nothing
            matcher value a number         | `"matchers":[{"label":"provider","value":1}]`                     | matchers[0].value: expected a string, found a number
            matcher value empty            | `"matchers":[{"label":"provider","value":""}]`                    | matchers[0]: matcher for 'provider' has no value
            matcher op a number            | `"matchers":[{"label":"provider","op":1,"value":"kakao"}]`        | matchers[0].op: expected a string, found a number
            matcher unknown operator       | `"matchers":[{"label":"provider","op":"~=","value":"kakao"}]`     | matchers[0]: unknown operator '~='
            matcher unknown field          | `"matchers":[{"label":"provider","value":"kakao","lable":"x"}]`   | matchers[0].lable: unknown field; expected label, op, value
            second matcher bad             | `"matchers":["provider=kakao",{"label":true}]`                    | matchers[1].label: expected a string, found a boolean
            startsAt a number              | `"startsAt":1764554400`                                           | startsAt: expected an ISO-8601 UTC time such as 2026-12-01T02:00:00Z, found a number
            startsAt not a time            | `"startsAt":"now"`                                                | startsAt: expected an ISO-8601 UTC time such as 2026-12-01T02:00:00Z, found 'now'
            startsAt too far ahead         | `"startsAt":"+99999-01-01T00:00:00Z"`                             | startsAt: expected a time at most 365d ahead
            startsAt long ago              | `"startsAt":"-99999-01-01T00:00:00Z"`                             | endsAt: expected a time in the future
            endsAt a number                | `"duration":null,"endsAt":5`                                      | endsAt: expected an ISO-8601 UTC time such as 2026-12-01T02:00:00Z, found a number
            endsAt not a time              | `"duration":null,"endsAt":"tomorrow"`                             | endsAt: expected an ISO-8601 UTC time
            endsAt before startsAt         | `"duration":null,"startsAt":"2099-01-02T00:00:00Z","endsAt":"2099-01-01T00:00:00Z"` | startsAt: expected a time at most 365d ahead
            endsAt before startsAt soon    | `"duration":null,"startsAt":"%NOW+2h%","endsAt":"%NOW+1h%"`        | endsAt: expected a time after startsAt
            endsAt in the past             | `"duration":null,"startsAt":"2020-01-01T00:00:00Z","endsAt":"2020-01-02T00:00:00Z"` | endsAt: expected a time in the future
            endsAt and duration            | `"endsAt":"%NOW+1h%"`                                             | endsAt, duration: give one of them, not both
            neither endsAt nor duration    | `"duration":null`                                                 | endsAt or duration: required
            duration a number              | `"duration":7200`                                                 | duration: expected a duration such as 30m, 2h or 1d, found a number
            duration not a duration        | `"duration":"soon"`                                               | duration: expected a duration such as 30m, 2h or 1d, found 'soon'
            duration zero                  | `"duration":"0s"`                                                 | duration: expected a duration such as 30m, 2h or 1d, found '0s'
            duration overflowing           | `"duration":"9999999999999999d"`                                  | duration: expected a duration such as 30m, 2h or 1d
            duration too long              | `"duration":"91d"`                                                | duration: a silence may last at most 90d
            author missing                 | `{"matchers":["provider=kakao"],"duration":"2h","comment":"x"}`   | author: required, a non-empty text; found nothing
            author a number                | `"author":7`                                                      | author: required, a non-empty text; found a number
            author blank                   | `"author":"  "`                                                   | author: required, a non-empty text
            comment an object              | `"comment":{"en":"x"}`                                            | comment: required, a non-empty text; found an object
            unknown field                  | `"endAt":"2099-01-01T00:00:00Z"`                                  | endAt: unknown field; expected matchers, startsAt, endsAt, duration, author, comment
            body an array                  | `[1,2]`                                                           | body: expected a JSON object
            body a number                  | `42`                                                              | body: expected a JSON object
            body not json                  | `not json`                                                        | body: expected a JSON object
            body empty                     | ``                                                                | body: expected a JSON object
            """)
    void everyMalformedSilenceIsA400NamingTheField(String name, String input, String message) {
        java.time.Instant now = java.time.Instant.now();
        String filled = (input == null ? "" : input).replace("%NOW+1h%", now.plus(Duration.ofHours(1)).toString())
                .replace("%NOW+2h%", now.plus(Duration.ofHours(2)).toString());
        String body = filled.startsWith("\"") ? silence(filled) : filled;
        HttpResponse<Buffer> resp = call("POST", "/api/v1/admin/silences", body, true);

        assertThat(resp.statusCode()).as(name + ": " + resp.bodyAsString()).isEqualTo(400);
        assertThat(resp.getHeader("Content-Type")).startsWith("application/json");
        assertThat(resp.bodyAsJsonObject().getJsonObject("error").getString("message")).as(name).startsWith(message);
        assertThat(call("GET", "/api/v1/admin/silences", null, true).bodyAsJsonObject().getJsonArray("silences")).isEmpty();
    }

    @Test
    void badQueryParametersAreA400() {
        assertThat(call("GET", "/api/v1/admin/silences?state=gone", null, true).statusCode()).isEqualTo(400);
        HttpResponse<Buffer> rows = call("GET", "/api/v1/admin/outbox/notifications?status=lost", null, true);
        assertThat(rows.statusCode()).isEqualTo(400);
        assertThat(rows.bodyAsJsonObject().getJsonObject("error").getString("message"))
                .isEqualTo("status: expected one of pending, sent, dead, suppressed, coalesced, found 'lost'");
    }

    @Test
    void aSilenceGivenAsObjectsWithAnOmittedOperatorIsAccepted() {
        HttpResponse<Buffer> created = call("POST", "/api/v1/admin/silences", silence(
                "\"matchers\":[{\"label\":\"provider\",\"value\":\"kakao\"},{\"label\":\"service\",\"op\":\"=~\",\"value\":\"kakao.*\"}]"), true);

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getJsonArray("matchers").getList()).containsExactly("provider=kakao", "service=~kakao.*");
        assertThat(created.bodyAsJsonObject().getLong("version")).isEqualTo(1L);
    }

    @Test
    void aTestNotificationGoesToTheNamedReceiver() {
        HttpResponse<Buffer> resp = call("POST", "/api/v1/admin/receivers/hook/test", null, true);

        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.bodyAsJsonObject().getString("outcome")).isEqualTo("delivered");
        await().atMost(Duration.ofSeconds(10)).until(() -> hook.requests().size() == 1);
        JsonObject body = new JsonObject(hook.requests().get(0).body());
        assertThat(body.getString("notice")).contains("test notification");
        assertThat(hook.requests().get(0).header("x-bongsu-signature")).startsWith("t=");
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
