package dev.bongsu.alerting.notify.webhook;

import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.JsonPostNotifier;
import dev.bongsu.alerting.notify.IncidentJson;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.receiver.WebhookSettings;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generic webhook: versioned JSON carrying its {@code idempotencyKey}, the {@code Idempotency-Key} header, and
 * when a secret is set a signature over {@code timestamp.body} made at each attempt (see {@link WebhookSignature}).
 */
public final class WebhookNotifier extends JsonPostNotifier<WebhookSettings> {
    /** The payload version; bumped only on incompatible changes. */
    public static final String VERSION = "1";
    /** The header carrying the time of the attempt in Unix seconds, as signed. */
    public static final String TIMESTAMP_HEADER = "X-Bongsu-Timestamp";
    /** The header carrying the signature. */
    public static final String SIGNATURE_HEADER = "X-Bongsu-Signature";

    private final Clock clock;

    /** A notifier for one webhook receiver; {@code clock} stamps each attempt. */
    public WebhookNotifier(ReceiverConfig cfg, HttpDelivery http, Clock clock) {
        super(cfg, WebhookSettings.class, http);
        this.clock = clock;
    }

    @Override
    protected String url() {
        return settings.url();
    }

    @Override
    protected String payload(Notification n) {
        return body(n).encode();
    }

    @Override
    protected Map<String, String> headers(Notification n, byte[] body) {
        return headers(n, body, settings.secret(), settings.legacySignature(), clock.instant());
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
                .put("previousHypothesis", n.causeChanged() ? IncidentJson.of(n.previousHypothesis()) : null)
                .put("ackUrl", n.ackUrl())
                .put("acknowledgement", n.acknowledgement() == null ? null : new JsonObject().put("by", n.acknowledgement().by())
                        .put("at", n.acknowledgement().at().toString()).put("via", n.acknowledgement().via()));
        if (n.repeat() > 0) {
            o.put("repeat", n.repeat());
        }
        return o;
    }

    /**
     * The request headers of an attempt made at {@code now}: with a secret, the timestamp and the signature over
     * {@code timestamp.body}, or in {@code legacy} mode the deprecated body-only signature and no timestamp.
     */
    public static Map<String, String> headers(Notification n, byte[] body, String secret, boolean legacy, Instant now) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("User-Agent", "Bongsu/1");
        h.put("Idempotency-Key", n.idempotencyKey());
        h.put("X-Bongsu-Event", n.eventName());
        if (secret != null && legacy) {
            h.put(SIGNATURE_HEADER, WebhookSignature.legacy(body, secret));
        } else if (secret != null) {
            long t = now.getEpochSecond();
            h.put(TIMESTAMP_HEADER, Long.toString(t));
            h.put(SIGNATURE_HEADER, WebhookSignature.of(t, body, secret));
        }
        return h;
    }
}
