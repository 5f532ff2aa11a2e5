package dev.bongsu.model.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Acknowledgement links in notifications ({@code alerting.ack}).
 *
 * @param secret       the key that signs acknowledgement links (at least 16 characters), or {@code null}: a random key
 *                     generated once and kept in {@code storage.dir}; a cluster needs the same secret on every server
 * @param linkValidity how long a link stays usable after the notification that carries it was decided
 */
public record AckConfig(String secret, Duration linkValidity) {
    /** Default link validity: 7 days. */
    public static final Duration DEFAULT_LINK_VALIDITY = Duration.ofDays(7);

    public AckConfig {
        Objects.requireNonNull(linkValidity, "linkValidity");
    }

    /** No secret (generated key), links valid for 7 days. */
    public static AckConfig defaults() {
        return new AckConfig(null, DEFAULT_LINK_VALIDITY);
    }

    @Override
    public String toString() {
        return "AckConfig[secret=" + (secret == null ? "generated" : "(set)") + ", linkValidity=" + linkValidity + "]";
    }
}
