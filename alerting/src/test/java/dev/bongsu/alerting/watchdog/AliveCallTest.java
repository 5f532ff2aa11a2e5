package dev.bongsu.alerting.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.notify.webhook.WebhookSignature;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alive call's exact body and headers, signed and unsigned. */
class AliveCallTest {
    private static final Instant NOW = Instant.parse("2026-11-28T01:02:03Z");

    @Test
    void theBodySaysAliveWithNodeVersionTimeAndPeriod() {
        JsonObject body = AliveCall.body("bongsu-1:4242", "0.9.0", NOW, Duration.ofSeconds(30));

        assertThat(body.encode()).isEqualTo(
                "{\"status\":\"alive\",\"node\":\"bongsu-1:4242\",\"version\":\"0.9.0\",\"time\":\"2026-11-28T01:02:03Z\",\"every\":30}");
    }

    @Test
    void withASecretTheCallIsSignedLikeAWebhook() {
        byte[] body = AliveCall.body("n", "v", NOW, Duration.ofSeconds(30)).encode().getBytes(StandardCharsets.UTF_8);

        Map<String, String> h = AliveCall.headers(body, "dms-secret-0123456789", NOW);

        assertThat(h).containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("X-Bongsu-Event", "watchdog.alive")
                .containsEntry("X-Bongsu-Timestamp", Long.toString(NOW.getEpochSecond()));
        assertThat(WebhookSignature.verify(h.get("X-Bongsu-Signature"), body, "dms-secret-0123456789", NOW, Duration.ofMinutes(5)))
                .isTrue();
        assertThat(WebhookSignature.verify(h.get("X-Bongsu-Signature"), body, "another-secret", NOW, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void withoutASecretThereIsNoSignature() {
        Map<String, String> h = AliveCall.headers("{}".getBytes(StandardCharsets.UTF_8), null, NOW);

        assertThat(h).doesNotContainKeys("X-Bongsu-Signature", "X-Bongsu-Timestamp");
    }
}
