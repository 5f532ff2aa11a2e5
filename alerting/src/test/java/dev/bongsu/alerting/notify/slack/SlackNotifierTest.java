package dev.bongsu.alerting.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.support.Notifications;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.alerting.support.RecordingReceiver.Reply;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static SlackNotifier notifier(String url) {
        return new SlackNotifier(new ReceiverConfig("slack", new dev.bongsu.model.config.receiver.SlackSettings(url), List.of(), null,
                RateLimit.defaults(), 1, Duration.ofSeconds(5)), Notifications.http(vertx));
    }

    @Test
    void postsBlocksForOpenedUpdatedAndResolved() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            SlackNotifier n = notifier(r.url("/services/T000/B000/XXXX"));
            for (Notification x : Notifications.all()) {
                assertThat(n.send(x).await().isDelivered()).isTrue();
            }

            List<RecordingReceiver.Request> got = r.requests();
            assertThat(got).extracting(RecordingReceiver.Request::path).containsOnly("/services/T000/B000/XXXX");
            assertThat(got.get(0).header("content-type")).isEqualTo("application/json; charset=utf-8");
            assertThat(new JsonObject(got.get(0).body())).isEqualTo(new JsonObject("""
                    {"text":"[OPENED] Correlated outage: 2 services, likely cause provider=kakao https://status.example.kr/incidents/01JABCDEF",
                     "blocks":[
                      {"type":"header","text":{"type":"plain_text","text":"[OPENED] Correlated outage: 2 services, likely cause provider=kakao"}},
                      {"type":"section","text":{"type":"mrkdwn","text":":red_circle: Severity: critical · Kind: correlated\\nServices: kakaotalk, kakaobank\\nSeen from: seoul-kt, busan-skb\\nLikely cause: All 2 services of provider kakao are down → provider-side failure"}},
                      {"type":"context","elements":[{"type":"mrkdwn","text":"<https://status.example.kr/incidents/01JABCDEF|Open incident> · incident 01JABCDEF · #1 · started 2026-10-15T06:33:00Z"}]}]}
                    """));
            assertThat(new JsonObject(got.get(1).body())).isEqualTo(new JsonObject("""
                    {"text":"[UPDATED] Correlated outage: 4 services, likely cause datacenter=pangyo https://status.example.kr/incidents/01JABCDEF",
                     "blocks":[
                      {"type":"header","text":{"type":"plain_text","text":"[UPDATED] Correlated outage: 4 services, likely cause datacenter=pangyo"}},
                      {"type":"section","text":{"type":"mrkdwn","text":":red_circle: Severity: critical · Kind: correlated\\nServices: kakaotalk, kakaobank, kakaopay, kakaomap\\nSeen from: seoul-kt, busan-skb\\nLikely cause changed: provider=kakao → datacenter=pangyo\\nLikely cause: All 4 services in datacenter pangyo are down → datacenter failure"}},
                      {"type":"context","elements":[{"type":"mrkdwn","text":"<https://status.example.kr/incidents/01JABCDEF|Open incident> · incident 01JABCDEF · #2 · started 2026-10-15T06:33:00Z"}]}]}
                    """));
            assertThat(new JsonObject(got.get(2).body())).isEqualTo(new JsonObject("""
                    {"text":"[RESOLVED] Correlated outage: 4 services, likely cause datacenter=pangyo https://status.example.kr/incidents/01JABCDEF",
                     "blocks":[
                      {"type":"header","text":{"type":"plain_text","text":"[RESOLVED] Correlated outage: 4 services, likely cause datacenter=pangyo"}},
                      {"type":"section","text":{"type":"mrkdwn","text":":large_green_circle: Severity: critical · Kind: correlated\\nServices: kakaotalk, kakaobank, kakaopay, kakaomap\\nSeen from: seoul-kt, busan-skb\\nLikely cause: All 4 services in datacenter pangyo are down → datacenter failure"}},
                      {"type":"context","elements":[{"type":"mrkdwn","text":"<https://status.example.kr/incidents/01JABCDEF|Open incident> · incident 01JABCDEF · #3 · started 2026-10-15T06:33:00Z · resolved 2026-10-15T06:43:00Z"}]}]}
                    """));
        }
    }

    @Test
    void fallbackNoticeIsItsOwnBlockAndMarkupIsEscaped() {
        Notification n = Notifications.opened().forFallback("slack", "Also sent because <kakaowork> & co depend on kakao.");

        JsonObject body = SlackNotifier.body(n);

        assertThat(body.getJsonArray("blocks").getJsonObject(2).getJsonObject("text").getString("text"))
                .isEqualTo(":warning: Also sent because &lt;kakaowork&gt; &amp; co depend on kakao.");
    }

    @Test
    void slackRejectionIsPermanentAndHidesTheWebhookPath() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            r.answer(q -> Reply.status(404, "no_service for " + q.path()));

            DeliveryOutcome o = notifier(r.url("/services/T000/B000/XXXX")).send(Notifications.opened()).await();

            assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(o.reason()).startsWith("HTTP 404: no_service for").doesNotContain("B000/XXXX");
        }
    }
}
