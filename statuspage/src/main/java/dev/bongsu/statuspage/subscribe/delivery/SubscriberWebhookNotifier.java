package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.Redactor;
import dev.bongsu.alerting.notify.webhook.WebhookNotifier;
import dev.bongsu.alerting.notify.webhook.WebhookSignature;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.Subscriber;
import dev.bongsu.statuspage.subscribe.SubscriptionLinks;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POSTs subscription messages to webhook subscribers as JSON, signed like the on-call webhooks
 * ({@code X-Bongsu-Timestamp}, {@code X-Bongsu-Signature: t=…,v1=HMAC-SHA256(t + "." + body)}) with the subscriber's
 * own secret, within a time limit; the answer is classified as for on-call webhooks (2xx delivered; 408, 429, 5xx and
 * network errors retried; other statuses failed for good).
 */
public final class SubscriberWebhookNotifier implements SubscriptionNotifier {
    /** The payload version. */
    public static final String VERSION = "1";

    private final HttpDelivery http;
    private final PublicView view;
    private final SubscriptionLinks links;
    private final Clock clock;
    private final Duration timeout;

    /** A notifier posting through {@code http}, each attempt bounded by {@code timeout}. */
    public SubscriberWebhookNotifier(HttpDelivery http, PublicView view, SubscriptionLinks links, Clock clock, Duration timeout) {
        this.http = http;
        this.view = view;
        this.links = links;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Future<DeliveryOutcome> send(Subscriber s, PublicNotice n) {
        return post(s, n.event(), n.key(), body(s, n, links.base() + n.path(), links.unsubscribeUrl(s)));
    }

    /**
     * The {@code subscription.confirm} call carrying the confirm link and, once, the subscriber's signing secret (it
     * goes only to the URL that subscribed, the one place that can use it); fails with a short reason when not accepted.
     */
    public Future<Void> sendConfirmation(Subscriber s, String confirmUrl, String unsubscribeUrl) {
        JsonObject body = new JsonObject()
                .put("version", VERSION)
                .put("event", "subscription.confirm")
                .put("key", "subscription:" + s.id() + ":confirm")
                .put("confirmUrl", confirmUrl)
                .put("unsubscribeUrl", unsubscribeUrl)
                .put("signingSecret", s.secret())
                .put("at", Times.iso(clock.instant()));
        return post(s, "subscription.confirm", "subscription:" + s.id() + ":confirm", body).compose(o -> o.isDelivered()
                ? Future.succeededFuture()
                : Future.failedFuture("confirmation call not accepted: " + o.reason()));
    }

    /** The documented payload (docs/API.md, "Subscription messages"). */
    JsonObject body(Subscriber s, PublicNotice n, String permalink, String unsubscribeUrl) {
        String lang = Lang.ofTag(s.lang()).orElse(Lang.KO).tag();
        JsonArray services = new JsonArray();
        for (String id : n.services()) {
            services.add(new JsonObject().put("id", id)
                    .put("name", new JsonObject().put("ko", view.name(id, Lang.KO)).put("en", view.name(id, Lang.EN))));
        }
        return new JsonObject()
                .put("version", VERSION)
                .put("event", n.event())
                .put("key", n.key())
                .put("subjectId", n.subjectId())
                .put("lang", lang)
                .put("title", n.title().in(lang))
                .put("titles", both(n.title()))
                .put("text", n.text() == null ? null : n.text().in(lang))
                .put("texts", both(n.text()))
                .put("url", permalink)
                .put("services", services)
                .put("at", Times.iso(n.at()))
                .put("unsubscribeUrl", unsubscribeUrl);
    }

    private Future<DeliveryOutcome> post(Subscriber s, String event, String key, JsonObject json) {
        byte[] body = json.encode().getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("User-Agent", "Bongsu/1");
        h.put("Idempotency-Key", key);
        h.put("X-Bongsu-Event", event);
        Instant now = clock.instant();
        h.put(WebhookNotifier.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()));
        h.put(WebhookNotifier.SIGNATURE_HEADER, WebhookSignature.of(now.getEpochSecond(), body, s.secret()));
        return http.post(s.address(), h, Buffer.buffer(body), timeout, new Redactor(List.of(s.address(), s.secret())));
    }

    private static JsonObject both(LocalizedText t) {
        return t == null ? null : new JsonObject().put("ko", t.ko()).put("en", t.en());
    }
}
