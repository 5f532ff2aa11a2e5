package dev.bongsu.model.config;

import dev.bongsu.model.config.receiver.LogSettings;
import dev.bongsu.model.config.receiver.ReceiverSettings;
import dev.bongsu.model.config.receiver.WebhookSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One place notifications are delivered to: the settings every receiver has, and those of its kind.
 *
 * @param name        unique id, used by routes and the admin API
 * @param settings    what only this kind of receiver has (URL, keys, addresses); its class says which notifier delivers
 * @param dependsOn   providers or services this channel itself depends on
 * @param fallback    receiver that also gets a notification while a dependency is part of an open incident
 * @param rateLimit   deliveries allowed over time
 * @param concurrency deliveries in flight at once
 * @param timeout     limit on one delivery attempt
 */
public record ReceiverConfig(
        String name,
        ReceiverSettings settings,
        List<String> dependsOn,
        String fallback,
        RateLimit rateLimit,
        int concurrency,
        Duration timeout) {

    /** Default limit on one delivery attempt. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default deliveries in flight per receiver. */
    public static final int DEFAULT_CONCURRENCY = 2;

    public ReceiverConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        dependsOn = List.copyOf(dependsOn);
    }

    /** A receiver of any kind with the default common settings. */
    public static ReceiverConfig of(String name, ReceiverSettings settings) {
        return new ReceiverConfig(name, settings, List.of(), null, RateLimit.defaults(), DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT);
    }

    /** A log receiver with defaults. */
    public static ReceiverConfig log(String name) {
        return of(name, new LogSettings());
    }

    /** A generic webhook receiver with defaults and an optional HMAC secret. */
    public static ReceiverConfig webhook(String name, String url, String secret) {
        return of(name, new WebhookSettings(url, secret));
    }

    /** The YAML type name of the receiver's kind, e.g. {@code webhook}. */
    public String type() {
        return settings.type();
    }

    /** The settings of the receiver's kind, when they are of this class. */
    public <S extends ReceiverSettings> java.util.Optional<S> settings(Class<S> kind) {
        return kind.isInstance(settings) ? java.util.Optional.of(kind.cast(settings)) : java.util.Optional.empty();
    }

    /** The values that must never be shown in logs or errors. */
    public List<String> secrets() {
        return settings.secrets();
    }

    @Override
    public String toString() {
        return "ReceiverConfig[name=" + name + ", type=" + type() + ", url=(hidden), dependsOn=" + dependsOn
                + ", fallback=" + fallback + "]";
    }
}
