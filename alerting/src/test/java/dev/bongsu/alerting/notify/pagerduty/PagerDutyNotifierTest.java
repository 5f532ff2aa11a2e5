package dev.bongsu.alerting.notify.pagerduty;

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

class PagerDutyNotifierTest {
    private static final String KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static PagerDutyNotifier notifier(String url) {
        return new PagerDutyNotifier(new ReceiverConfig("pd", new dev.bongsu.model.config.receiver.PagerDutySettings(url, KEY), List.of(), null,
                RateLimit.defaults(), 1, Duration.ofSeconds(5)), Notifications.http(vertx));
    }

    @Test
    void triggersTwiceThenResolvesWithTheIncidentIdAsDedupKey() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            r.answer(q -> Reply.status(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"01JABCDEF\"}"));
            PagerDutyNotifier n = notifier(r.url("/v2/enqueue"));
            for (Notification x : Notifications.all()) {
                assertThat(n.send(x).await().isDelivered()).isTrue();
            }

            List<RecordingReceiver.Request> got = r.requests();
            assertThat(got).extracting(RecordingReceiver.Request::path).containsOnly("/v2/enqueue");
            assertThat(new JsonObject(got.get(0).body())).isEqualTo(new JsonObject("""
                    {"routing_key":"R0UT1NGKEY0123456789abcdefABCDEF","event_action":"trigger","dedup_key":"01JABCDEF",
                     "payload":{"summary":"Correlated outage: 2 services, likely cause provider=kakao","source":"bongsu","severity":"critical",
                       "timestamp":"2026-10-15T06:33:00Z","component":"kakaotalk,kakaobank","class":"correlated",
                       "custom_details":{"incident_id":"01JABCDEF","sequence":1,"event":"incident.opened","services":["kakaotalk","kakaobank"],
                         "vantages":["seoul-kt","busan-skb"],"likely_cause":"All 2 services of provider kakao are down → provider-side failure"}},
                     "client":"Bongsu","client_url":"https://status.example.kr/incidents/01JABCDEF",
                     "links":[{"href":"https://status.example.kr/incidents/01JABCDEF","text":"Bongsu incident 01JABCDEF"}]}
                    """));
            assertThat(new JsonObject(got.get(1).body())).isEqualTo(new JsonObject("""
                    {"routing_key":"R0UT1NGKEY0123456789abcdefABCDEF","event_action":"trigger","dedup_key":"01JABCDEF",
                     "payload":{"summary":"Correlated outage: 4 services, likely cause datacenter=pangyo","source":"bongsu","severity":"critical",
                       "timestamp":"2026-10-15T06:33:20Z","component":"kakaotalk,kakaobank,kakaopay,kakaomap","class":"correlated",
                       "custom_details":{"incident_id":"01JABCDEF","sequence":2,"event":"incident.updated",
                         "services":["kakaotalk","kakaobank","kakaopay","kakaomap"],"vantages":["seoul-kt","busan-skb"],
                         "likely_cause":"All 4 services in datacenter pangyo are down → datacenter failure",
                         "likely_cause_changed":"provider=kakao → datacenter=pangyo"}},
                     "client":"Bongsu","client_url":"https://status.example.kr/incidents/01JABCDEF",
                     "links":[{"href":"https://status.example.kr/incidents/01JABCDEF","text":"Bongsu incident 01JABCDEF"}]}
                    """));
            assertThat(new JsonObject(got.get(2).body())).isEqualTo(new JsonObject(
                    "{\"routing_key\":\"" + KEY + "\",\"event_action\":\"resolve\",\"dedup_key\":\"01JABCDEF\"}"));
        }
    }

    @Test
    void invalidEventIsPermanentAndTheRoutingKeyStaysHidden() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            r.answer(q -> Reply.status(400, "{\"status\":\"invalid event\",\"errors\":[\"bad routing_key " + KEY + "\"]}"));

            DeliveryOutcome o = notifier(r.url("/v2/enqueue")).send(Notifications.opened()).await();

            assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(o.reason()).contains("invalid event", "(hidden)").doesNotContain(KEY);
        }
    }

    @Test
    void throttlingIsRetriedAfterTheAnnouncedDelay() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            r.answer(q -> new Reply(429, java.util.Map.of("Retry-After", "30"), "{\"status\":\"throttle event\"}", false));

            DeliveryOutcome o = notifier(r.url("/v2/enqueue")).send(Notifications.opened()).await();

            assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.RETRY);
            assertThat(o.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        }
    }
}
