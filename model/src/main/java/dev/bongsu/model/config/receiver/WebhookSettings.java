package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.List;
import java.util.Objects;

/**
 * The generic signed JSON webhook.
 *
 * @param url             where to POST
 * @param secret          HMAC key (at least 16 characters), or {@code null} to send unsigned
 * @param legacySignature sign the body alone ({@code signature: legacy}, deprecated, removed in the next release)
 *                        instead of the timestamped {@code t=…,v1=…} signature
 */
public record WebhookSettings(String url, String secret, boolean legacySignature) implements ReceiverSettings {
    /** The YAML type name. */
    public static final String TYPE = "webhook";
    /** The keys of this kind besides the common ones. */
    public static final List<String> KEYS = List.of("url", "secret", "signature");

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
    }

    /** A webhook with the current (timestamped) signature when {@code secret} is set. */
    public WebhookSettings(String url, String secret) {
        this(url, secret, false);
    }

    /** Reads {@code url}, {@code secret} and {@code signature: v1 | legacy}. */
    public static WebhookSettings read(ConfigNode r) {
        String url = ReceiverFields.url(r.require("url"));
        String secret = null;
        if (!r.get("secret").isMissing()) {
            secret = r.get("secret").text();
            if (secret.length() < 16) {
                throw r.get("secret").secretError("a secret of at least 16 characters");
            }
        }
        return new WebhookSettings(url, secret, "legacy".equals(r.get("signature").choiceOr("v1", "v1", "legacy")));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secrets() {
        return ReceiverFields.present(url, secret);
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=(hidden), secret=" + (secret == null ? "none" : "(hidden)") + ", legacySignature=" + legacySignature + "]";
    }
}
