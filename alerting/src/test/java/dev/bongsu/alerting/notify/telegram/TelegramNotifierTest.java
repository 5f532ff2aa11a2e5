package dev.bongsu.alerting.notify.telegram;

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

class TelegramNotifierTest {
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static TelegramNotifier notifier(String base) {
        return new TelegramNotifier(new ReceiverConfig("tg", new dev.bongsu.model.config.receiver.TelegramSettings(base, TOKEN, "-1001234567890"), List.of(), null,
                RateLimit.defaults(), 1, Duration.ofSeconds(5)), Notifications.http(vertx));
    }

    @Test
    void sendsHtmlMessagesToTheBotPath() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            r.answer(q -> Reply.status(200, "{\"ok\":true,\"result\":{\"message_id\":1}}"));
            TelegramNotifier n = notifier(r.url(""));
            for (Notification x : Notifications.all()) {
                assertThat(n.send(x).await().isDelivered()).isTrue();
            }

            List<RecordingReceiver.Request> got = r.requests();
            assertThat(got).extracting(RecordingReceiver.Request::path).containsOnly("/bot" + TOKEN + "/sendMessage");
            assertThat(new JsonObject(got.get(0).body())).isEqualTo(new JsonObject()
                    .put("chat_id", "-1001234567890")
                    .put("text", "<b>[OPENED] Correlated outage: 2 services, likely cause provider=kakao</b>\n"
                            + "Severity: critical · Kind: correlated\nServices: kakaotalk, kakaobank\nSeen from: seoul-kt, busan-skb\n"
                            + "Likely cause: All 2 services of provider kakao are down → provider-side failure\n\n"
                            + "<a href=\"https://status.example.kr/incidents/01JABCDEF\">Open incident</a> · incident 01JABCDEF · #1 · started 2026-10-15T06:33:00Z")
                    .put("parse_mode", "HTML")
                    .put("disable_web_page_preview", true));
            assertThat(new JsonObject(got.get(1).body())).isEqualTo(new JsonObject()
                    .put("chat_id", "-1001234567890")
                    .put("text", "<b>[UPDATED] Correlated outage: 4 services, likely cause datacenter=pangyo</b>\n"
                            + "Severity: critical · Kind: correlated\nServices: kakaotalk, kakaobank, kakaopay, kakaomap\nSeen from: seoul-kt, busan-skb\n"
                            + "Likely cause changed: provider=kakao → datacenter=pangyo\n"
                            + "Likely cause: All 4 services in datacenter pangyo are down → datacenter failure\n\n"
                            + "<a href=\"https://status.example.kr/incidents/01JABCDEF\">Open incident</a> · incident 01JABCDEF · #2 · started 2026-10-15T06:33:00Z")
                    .put("parse_mode", "HTML")
                    .put("disable_web_page_preview", true));
            assertThat(new JsonObject(got.get(2).body())).isEqualTo(new JsonObject()
                    .put("chat_id", "-1001234567890")
                    .put("text", "<b>[RESOLVED] Correlated outage: 4 services, likely cause datacenter=pangyo</b>\n"
                            + "Severity: critical · Kind: correlated\nServices: kakaotalk, kakaobank, kakaopay, kakaomap\nSeen from: seoul-kt, busan-skb\n"
                            + "Likely cause: All 4 services in datacenter pangyo are down → datacenter failure\n\n"
                            + "<a href=\"https://status.example.kr/incidents/01JABCDEF\">Open incident</a> · incident 01JABCDEF · #3 · started 2026-10-15T06:33:00Z"
                            + " · resolved 2026-10-15T06:43:00Z")
                    .put("parse_mode", "HTML")
                    .put("disable_web_page_preview", true));
        }
    }

    @Test
    void tooManyRequestsHonoursRetryAfterAndTheTokenNeverAppears() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            r.answer(q -> Reply.status(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3 at "
                    + q.path() + "\",\"parameters\":{\"retry_after\":3}}"));

            DeliveryOutcome o = notifier(r.url("")).send(Notifications.opened()).await();

            assertThat(o.status()).isEqualTo(DeliveryOutcome.Status.RETRY);
            assertThat(o.retryAfter()).isEqualTo(Duration.ofSeconds(3));
            assertThat(o.reason()).contains("Too Many Requests").doesNotContain(TOKEN, "AAHdqTcv");
            int port = r.port();
            r.close();
            DeliveryOutcome refused = notifier("http://127.0.0.1:" + port).send(Notifications.opened()).await();
            assertThat(refused.reason()).doesNotContain(TOKEN, "AAHdqTcv");
        }
    }
}
