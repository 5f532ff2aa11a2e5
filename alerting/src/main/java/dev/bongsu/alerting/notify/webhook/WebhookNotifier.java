package dev.bongsu.alerting.notify.webhook;

import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.JsonPostNotifier;
import dev.bongsu.alerting.notify.IncidentJson;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The generic webhook: versioned JSON, {@code Idempotency-Key}, and an HMAC signature when a secret is set. */
public final class WebhookNotifier extends JsonPostNotifier {
    /** The payload version; bumped only on incompatible changes. */
    public static final String VERSION = "1";

    /** A notifier for one webhook receiver. */
    public WebhookNotifier(ReceiverConfig cfg, HttpDelivery http) {
        super(cfg, http);
    }

    @Override
    protected String url() {
        return cfg.url();
    }

    @Override
    protected String payload(Notification n) {
        return body(n).encode();
    }

    @Override
    protected Map<String, String> headers(Notification n, byte[] body) {
        return headers(n, body, cfg.secret());
    }

    /** The documented payload (docs/WEBHOOKS.md). */
    public static JsonObject body(Notification n) {
        JsonObject o = new JsonObject()
                .put("version", VERSION)
                .put("event", n.eventName())
                .put("idempotencyKey", n.idempotencyKey())
                .put("incident", IncidentJson.of(n.incident()))
                .put("link", n.link())
                .put("notice", n.notice())
                .put("previousHypothesis", n.causeChanged() ? IncidentJson.of(n.previousHypothesis()) : null);
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
