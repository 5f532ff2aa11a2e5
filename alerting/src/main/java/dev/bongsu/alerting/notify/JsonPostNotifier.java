package dev.bongsu.alerting.notify;

import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A receiver reached by one JSON POST per notification. It holds the receiver's settings, the shared delivery and a
 * redactor for the receiver's secrets; each receiver says only where it posts, what, and any extra headers.
 */
public abstract class JsonPostNotifier implements Notifier {
    /** The JSON content type every receiver sends. */
    protected static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

    /** The receiver's settings. */
    protected final ReceiverConfig cfg;
    private final HttpDelivery http;
    private final Redactor redactor;

    /** A notifier for one configured receiver, delivering through {@code http}. */
    protected JsonPostNotifier(ReceiverConfig cfg, HttpDelivery http) {
        this.cfg = cfg;
        this.http = http;
        this.redactor = new Redactor(cfg.secrets());
    }

    @Override
    public final String name() {
        return cfg.name();
    }

    @Override
    public final Future<DeliveryOutcome> send(Notification n) {
        byte[] body = payload(n).getBytes(StandardCharsets.UTF_8);
        return http.post(url(), headers(n, body), Buffer.buffer(body), cfg.timeout(), redactor);
    }

    /** Where the notification is posted. */
    protected abstract String url();

    /** The JSON text posted for this notification. */
    protected abstract String payload(Notification n);

    /** The request headers for this body; the JSON content type unless the receiver needs more. */
    protected Map<String, String> headers(Notification n, byte[] body) {
        return JSON;
    }

    /** The configured URL without a trailing slash, for receivers that append a path to it. */
    protected final String baseUrl() {
        String url = cfg.url();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
