package dev.bongsu.alerting.watchdog;

import dev.bongsu.alerting.notify.webhook.WebhookNotifier;
import dev.bongsu.alerting.notify.webhook.WebhookSignature;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The watchdog's "alive" call: its JSON body and its headers, signed like a webhook ({@code X-Bongsu-Timestamp},
 * {@code X-Bongsu-Signature: t=…,v1=…} over {@code "<timestamp>." + body}, see {@link WebhookSignature}).
 */
public final class AliveCall {
    /** The value of {@code X-Bongsu-Event} on every watchdog call. */
    public static final String EVENT = "watchdog.alive";

    private AliveCall() {
    }

    /**
     * The documented body: {@code {"status":"alive","node":…,"version":…,"time":"<ISO-8601>","every":<seconds>}};
     * {@code every} tells the receiver when to expect the next call.
     */
    public static JsonObject body(String node, String version, Instant now, Duration every) {
        return new JsonObject()
                .put("status", "alive")
                .put("node", node)
                .put("version", version)
                .put("time", now.toString())
                .put("every", every.toSeconds());
    }

    /** The headers of a call made at {@code now}; with a {@code secret} (may be {@code null}) the timestamp and signature. */
    public static Map<String, String> headers(byte[] body, String secret, Instant now) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("User-Agent", "Bongsu/1");
        h.put("X-Bongsu-Event", EVENT);
        if (secret != null) {
            long t = now.getEpochSecond();
            h.put(WebhookNotifier.TIMESTAMP_HEADER, Long.toString(t));
            h.put(WebhookNotifier.SIGNATURE_HEADER, WebhookSignature.of(t, body, secret));
        }
        return h;
    }
}
