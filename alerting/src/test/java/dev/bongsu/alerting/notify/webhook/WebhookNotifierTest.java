package dev.bongsu.alerting.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.IncidentJson;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.support.Notifications;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.alerting.support.RecordingReceiver.Reply;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.testkit.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        return notifier(url, secret, Clock.systemUTC());
    }

    private static WebhookNotifier notifier(String url, String secret, Clock clock) {
        return new WebhookNotifier(ReceiverConfig.webhook("oncall", url, secret), Notifications.http(vertx), clock);
    }

    private static WebhookNotifier legacyNotifier(String url, String secret) {
        ReceiverConfig legacy = new ReceiverConfig("oncall", new dev.bongsu.model.config.receiver.WebhookSettings(url, secret, true), List.of(), null,
                RateLimit.defaults(), 1, ReceiverConfig.DEFAULT_TIMEOUT);
        return new WebhookNotifier(legacy, Notifications.http(vertx), Clock.systemUTC());
    }

    /**
     * What docs/WEBHOOKS.md tells a receiver to do, written out here rather than calling {@link WebhookSignature}: take
     * {@code t} from the signature header, refuse it outside 5 minutes of now, HMAC {@code t + "." + raw body} and compare
     * with {@code v1} in constant time.
     */
    private static boolean verify(String body, String header, String secret, Instant now) throws Exception {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        if (Math.abs(now.getEpochSecond() - Long.parseLong(t)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                header.substring(header.indexOf(",v1=") + 4).getBytes(StandardCharsets.UTF_8));
    }

    /** The legacy check: HMAC over the raw body alone. */
    private static boolean verifyLegacy(String body, String header, String secret) throws Exception {
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
                assertThat(req.header("x-bongsu-signature")).isEqualTo("t=" + req.header("x-bongsu-timestamp") + ",v1="
                        + req.header("x-bongsu-signature").substring(req.header("x-bongsu-signature").indexOf("v1=") + 3));
                assertThat(verify(req.body(), req.header("x-bongsu-signature"), SECRET, Instant.now())).isTrue();
                assertThat(WebhookSignature.verify(req.header("x-bongsu-signature"), req.body().getBytes(StandardCharsets.UTF_8), SECRET,
                        Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
                JsonObject body = new JsonObject(req.body());
                assertThat(body.fieldNames()).containsExactly("version", "event", "idempotencyKey", "incident", "link", "notice",
                        "previousHypothesis", "ackUrl", "acknowledgement");
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
            assertThat(req.header("x-bongsu-signature")).startsWith("t=");
            assertThat(verify(req.body(), req.header("x-bongsu-signature"), SECRET, Instant.now())).isFalse();
        }
    }

    @Test
    void aCapturedDeliveryReplayedLaterIsRefusedAndATamperedTimestampOrBodyFails() throws Exception {
        ManualClock clock = new ManualClock(Instant.now());
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            notifier(r.url("/hook"), SECRET, clock).send(Notifications.opened()).await();
            RecordingReceiver.Request req = r.requests().get(0);
            String header = req.header("x-bongsu-signature");
            Instant sentAt = clock.instant();
            assertThat(req.header("x-bongsu-timestamp")).isEqualTo(Long.toString(sentAt.getEpochSecond()));
            // The idempotency key is inside what is signed.
            assertThat(new JsonObject(req.body()).getString("idempotencyKey")).isEqualTo(req.header("idempotency-key"));

            assertThat(verify(req.body(), header, SECRET, sentAt.plusSeconds(60))).as("fresh").isTrue();
            assertThat(verify(req.body(), header, SECRET, sentAt.plus(Duration.ofMinutes(10)))).as("replayed 10 min later").isFalse();
            assertThat(WebhookSignature.verify(header, req.body().getBytes(StandardCharsets.UTF_8), SECRET, sentAt.plus(Duration.ofMinutes(10)),
                    WebhookSignature.DEFAULT_TOLERANCE)).isFalse();

            String v1 = header.substring(header.indexOf(",v1="));
            String freshTimestamp = "t=" + sentAt.plus(Duration.ofMinutes(10)).getEpochSecond() + v1;
            assertThat(verify(req.body(), freshTimestamp, SECRET, sentAt.plus(Duration.ofMinutes(10)))).as("timestamp rewritten").isFalse();
            assertThat(verify(req.body().replace("critical", "info"), header, SECRET, sentAt)).as("body altered").isFalse();
            String otherKey = req.body().replace("\"idempotencyKey\":\"01JABCDEF:1\"", "\"idempotencyKey\":\"01JABCDEF:9\"");
            assertThat(otherKey).isNotEqualTo(req.body());
            assertThat(verify(otherKey, header, SECRET, sentAt)).as("idempotency key altered").isFalse();

            // Each attempt is stamped anew: a retry ten minutes on carries a new, valid timestamp.
            clock.advance(Duration.ofMinutes(10));
            notifier(r.url("/hook"), SECRET, clock).send(Notifications.opened()).await();
            RecordingReceiver.Request retry = r.requests().get(1);
            assertThat(retry.header("x-bongsu-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
            assertThat(verify(retry.body(), retry.header("x-bongsu-signature"), SECRET, clock.instant())).isTrue();
        }
    }

    @Test
    void legacyModeStillSignsTheBodyAloneWithTheOldHeader() throws Exception {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            legacyNotifier(r.url("/hook"), SECRET).send(Notifications.opened()).await();

            RecordingReceiver.Request req = r.requests().get(0);
            assertThat(req.header("x-bongsu-signature")).startsWith("sha256=")
                    .isEqualTo(WebhookSignature.legacy(req.body().getBytes(StandardCharsets.UTF_8), SECRET));
            assertThat(verifyLegacy(req.body(), req.header("x-bongsu-signature"), SECRET)).isTrue();
            assertThat(req.headers()).doesNotContainKey("x-bongsu-timestamp");
            assertThat(req.header("idempotency-key")).isEqualTo("01JABCDEF:1");
        }
    }

    @Test
    void withoutSecretThereIsNoSignature() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            notifier(r.url("/hook"), null).send(Notifications.opened()).await();

            assertThat(r.requests().get(0).headers()).doesNotContainKey("x-bongsu-signature").doesNotContainKey("x-bongsu-timestamp");
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
            ReceiverConfig slow = new ReceiverConfig("oncall", new dev.bongsu.model.config.receiver.WebhookSettings(r.url("/hook"), null), List.of(), null, dev.bongsu.model.config.RateLimit.defaults(), 1, Duration.ofMillis(300));
            DeliveryOutcome timedOut = new WebhookNotifier(slow, Notifications.http(vertx), Clock.systemUTC()).send(Notifications.opened()).await();
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
