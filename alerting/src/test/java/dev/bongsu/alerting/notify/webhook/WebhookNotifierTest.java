package dev.bongsu.alerting.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.IncidentJson;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.support.Notifications;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.alerting.support.RecordingReceiver.Reply;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
    private static final String SECRET = "whsec-0123456789abcdef";
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static WebhookNotifier notifier(String url, String secret) {
        return new WebhookNotifier(ReceiverConfig.webhook("oncall", url, secret), Notifications.http(vertx));
    }

    /** What a receiver does: recompute the HMAC over the raw body and compare in constant time. */
    private static boolean verify(String body, String header, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return header != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void opensUpdatesAndResolvesWithDocumentedBodyAndSignedHeaders() throws Exception {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            WebhookNotifier n = notifier(r.url("/hook"), SECRET);
            for (Notification x : Notifications.all()) {
                assertThat(n.send(x).await()).isEqualTo(DeliveryOutcome.delivered());
            }

            List<RecordingReceiver.Request> got = r.requests();
            assertThat(got).hasSize(3);
            String[] events = {"incident.opened", "incident.updated", "incident.resolved"};
            for (int i = 0; i < 3; i++) {
                RecordingReceiver.Request req = got.get(i);
                Notification sent = Notifications.all().get(i);
                assertThat(req.method()).isEqualTo("POST");
                assertThat(req.path()).isEqualTo("/hook");
                assertThat(req.header("content-type")).isEqualTo("application/json; charset=utf-8");
                assertThat(req.header("idempotency-key")).isEqualTo("01JABCDEF:" + (i + 1));
                assertThat(req.header("x-bongsu-event")).isEqualTo(events[i]);
                assertThat(verify(req.body(), req.header("x-bongsu-signature"), SECRET)).isTrue();
                JsonObject body = new JsonObject(req.body());
                assertThat(body.fieldNames()).containsExactly("version", "event", "idempotencyKey", "incident", "link", "notice",
                        "previousHypothesis");
                assertThat(body.getString("version")).isEqualTo("1");
                assertThat(body.getString("event")).isEqualTo(events[i]);
                assertThat(body.getString("idempotencyKey")).isEqualTo("01JABCDEF:" + (i + 1));
                assertThat(body.getString("link")).isEqualTo(Notifications.LINK);
                assertThat(body.getJsonObject("incident")).isEqualTo(IncidentJson.of(sent.incident()));
            }
            JsonObject opened = new JsonObject(got.get(0).body());
            assertThat(opened.getJsonObject("incident").encode()).startsWith(
                    "{\"id\":\"01JABCDEF\",\"sequence\":1,\"kind\":\"correlated\",\"state\":\"open\",\"severity\":\"critical\","
                            + "\"services\":[\"kakaotalk\",\"kakaobank\"],\"vantages\":[\"seoul-kt\",\"busan-skb\"],"
                            + "\"startedAt\":\"2026-10-15T06:33:00Z\",\"updatedAt\":\"2026-10-15T06:33:00Z\",\"resolvedAt\":null,");
            assertThat(new JsonObject(got.get(2).body()).getJsonObject("incident").getString("resolvedAt")).isEqualTo("2026-10-15T06:43:00Z");
            assertThat(opened.getValue("previousHypothesis")).isNull();
            JsonObject updated = new JsonObject(got.get(1).body());
            assertThat(updated.getJsonObject("incident").getJsonObject("hypothesis").getString("attribute")).isEqualTo("datacenter");
            assertThat(updated.getJsonObject("previousHypothesis")).isEqualTo(new JsonObject("""
                    {"attribute":"provider","value":"kakao",
                     "text":{"ko":"카카오 서비스 모두 중단","en":"All 2 services of provider kakao are down → provider-side failure"},
                     "evidence":[{"attribute":"provider","value":"kakao","down":2,"total":4}]}
                    """));
            assertThat(new JsonObject(got.get(2).body()).getValue("previousHypothesis")).as("cause unchanged since the update").isNull();
        }
    }

    @Test
    void aWrongSecretIsDetectedByTheReceiver() throws Exception {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            notifier(r.url("/hook"), "attacker-guess-0000000").send(Notifications.opened()).await();

            RecordingReceiver.Request req = r.requests().get(0);
            assertThat(req.header("x-bongsu-signature")).startsWith("sha256=");
            assertThat(verify(req.body(), req.header("x-bongsu-signature"), SECRET)).isFalse();
            // A body altered in transit fails too.
            assertThat(verify(req.body().replace("critical", "info"), WebhookSignature.of(req.body().getBytes(StandardCharsets.UTF_8), SECRET),
                    SECRET)).isFalse();
        }
    }

    @Test
    void withoutSecretThereIsNoSignature() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            notifier(r.url("/hook"), null).send(Notifications.opened()).await();

            assertThat(r.requests().get(0).headers()).doesNotContainKey("x-bongsu-signature");
        }
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedRejectionsAreNot() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            r.answer(q -> Reply.status(503, "busy"));
            assertThat(notifier(r.url("/hook"), null).send(Notifications.opened()).await())
                    .isEqualTo(DeliveryOutcome.retry("HTTP 503: busy", null));
            r.answer(q -> Reply.status(422, "{\"error\":\"unknown event\"}"));
            assertThat(notifier(r.url("/hook"), null).send(Notifications.opened()).await())
                    .isEqualTo(DeliveryOutcome.failed("HTTP 422: {\"error\":\"unknown event\"}"));
            r.answer(q -> Reply.hang());
            ReceiverConfig slow = new ReceiverConfig("oncall", dev.bongsu.model.config.ReceiverType.WEBHOOK, r.url("/hook"), null, null, null,
                    null, List.of(), null, dev.bongsu.model.config.RateLimit.defaults(), 1, Duration.ofMillis(300));
            DeliveryOutcome timedOut = new WebhookNotifier(slow, Notifications.http(vertx)).send(Notifications.opened()).await();
            assertThat(timedOut.status()).isEqualTo(DeliveryOutcome.Status.RETRY);
            assertThat(timedOut.reason()).startsWith("timed out");
        }
    }

    @Test
    void noSecretOrFullUrlInAnyErrorText() {
        String secretPath = "/hooks/T0123/B0456/very-secret-path";
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            r.answer(q -> Reply.status(400, "invalid token for " + q.path() + " signed " + q.header("x-bongsu-signature")));
            DeliveryOutcome o = notifier(r.url(secretPath), SECRET).send(Notifications.opened()).await();

            assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(o.reason()).doesNotContain("very-secret-path", SECRET, "T0123");
            int port = r.port();
            r.close();
            DeliveryOutcome refused = notifier("http://127.0.0.1:" + port + secretPath, SECRET).send(Notifications.opened()).await();
            assertThat(refused.status()).isEqualTo(DeliveryOutcome.Status.RETRY);
            assertThat(refused.reason()).doesNotContain("very-secret-path", SECRET);
        }
    }
}
