package dev.bongsu.alerting.notify.webhook;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.IncidentJson;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.alerting.notify.Redactor;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The generic webhook: versioned JSON, {@code Idempotency-Key}, and an HMAC signature when a secret is set. */
public final class WebhookNotifier implements Notifier {
    /** The payload version; bumped only on incompatible changes. */
    public static final String VERSION = "1";

    private final ReceiverConfig cfg;
    private final HttpDelivery http;
    private final Redactor redactor;

    /** A notifier for one webhook receiver. */
    public WebhookNotifier(ReceiverConfig cfg, HttpDelivery http) {
        this.cfg = cfg;
        this.http = http;
        this.redactor = new Redactor(cfg.secrets());
    }

    @Override
    public String name() {
        return cfg.name();
    }

    @Override
    public Future<DeliveryOutcome> send(Notification n) {
        byte[] body = body(n).encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return http.post(cfg.url(), headers(n, body, cfg.secret()), Buffer.buffer(body), cfg.timeout(), redactor);
    }

    /** The documented payload (docs/WEBHOOKS.md). */
    public static JsonObject body(Notification n) {
        JsonObject o = new JsonObject()
                .put("version", VERSION)
                .put("event", n.eventName())
                .put("idempotencyKey", n.idempotencyKey())
                .put("incident", IncidentJson.of(n.incident()))
                .put("link", n.link())
                .put("notice", n.notice());
        if (n.repeat() > 0) {
            o.put("repeat", n.repeat());
        }
        return o;
    }

    /** The request headers, signed when a secret is given. */
    public static Map<String, String> headers(Notification n, byte[] body, String secret) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("User-Agent", "Bongsu/1");
        h.put("Idempotency-Key", n.idempotencyKey());
        h.put("X-Bongsu-Event", n.eventName());
        if (secret != null) {
            h.put("X-Bongsu-Signature", WebhookSignature.of(body, secret));
        }
        return h;
    }
}
