package dev.bongsu.alerting.notify;

import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.receiver.ReceiverSettings;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A receiver reached by one JSON POST per notification. It holds the receiver's settings, the shared delivery and a
 * redactor for the receiver's secrets; each receiver says only where it posts, what, and any extra headers.
 *
 * @param <S> the settings of the receiver's kind
 */
public abstract class JsonPostNotifier<S extends ReceiverSettings> implements Notifier {
    /** The JSON content type every receiver sends. */
    protected static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

    /** The receiver's common settings. */
    protected final ReceiverConfig cfg;
    /** The settings of the receiver's kind. */
    protected final S settings;
    private final HttpDelivery http;
    private final Redactor redactor;

    /** A notifier for one configured receiver whose settings are of {@code kind}, delivering through {@code http}. */
    protected JsonPostNotifier(ReceiverConfig cfg, Class<S> kind, HttpDelivery http) {
        this.cfg = cfg;
        this.settings = cfg.settings(kind).orElseThrow(() -> new IllegalArgumentException(
                "receiver '" + cfg.name() + "' is of type " + cfg.type() + ", not " + kind.getSimpleName()));
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

    /** A configured base URL without a trailing slash, for receivers that append a path to it. */
    protected static String baseUrl(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
