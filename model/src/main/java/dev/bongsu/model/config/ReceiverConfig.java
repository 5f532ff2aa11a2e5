package dev.bongsu.model.config;

import java.time.Duration;
import java.util.List;

/**
 * One place notifications are delivered to.
 *
 * @param name        unique id, used by routes and the admin API
 * @param type        which notifier delivers
 * @param url         the endpoint (webhook, Slack, Alertmanager base URL) or API base URL (PagerDuty, Telegram)
 * @param secret      webhook HMAC secret, or {@code null}
 * @param routingKey  PagerDuty integration key, or {@code null}
 * @param botToken    Telegram bot token, or {@code null}
 * @param chatId      Telegram chat id, or {@code null}
 * @param dependsOn   providers or services this channel itself depends on
 * @param fallback    receiver that also gets a notification while a dependency is part of an open incident
 * @param rateLimit   deliveries allowed over time
 * @param concurrency deliveries in flight at once
 * @param timeout     limit on one delivery attempt
 * @param legacySignature webhook only: sign the body alone ({@code signature: legacy}, deprecated, removed in the
 *                    next release) instead of the timestamped {@code t=…,v1=…} signature
 */
public record ReceiverConfig(
        String name,
        ReceiverType type,
        String url,
        String secret,
        String routingKey,
        String botToken,
        String chatId,
        List<String> dependsOn,
        String fallback,
        RateLimit rateLimit,
        int concurrency,
        Duration timeout,
        boolean legacySignature) {

    /** Default limit on one delivery attempt. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default deliveries in flight per receiver. */
    public static final int DEFAULT_CONCURRENCY = 2;

    public ReceiverConfig {
        dependsOn = List.copyOf(dependsOn);
    }

    /** A receiver with the current (timestamped) webhook signature. */
    public ReceiverConfig(String name, ReceiverType type, String url, String secret, String routingKey, String botToken,
                          String chatId, List<String> dependsOn, String fallback, RateLimit rateLimit, int concurrency,
                          Duration timeout) {
        this(name, type, url, secret, routingKey, botToken, chatId, dependsOn, fallback, rateLimit, concurrency, timeout, false);
    }

    /** A log receiver with defaults. */
    public static ReceiverConfig log(String name) {
        return new ReceiverConfig(name, ReceiverType.LOG, null, null, null, null, null, List.of(), null,
                RateLimit.defaults(), DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT);
    }

    /** A generic webhook receiver with defaults and an optional HMAC secret. */
    public static ReceiverConfig webhook(String name, String url, String secret) {
        return new ReceiverConfig(name, ReceiverType.WEBHOOK, url, secret, null, null, null, List.of(), null,
                RateLimit.defaults(), DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT);
    }

    /** The values that must never be shown in logs or errors. */
    public List<String> secrets() {
        return java.util.stream.Stream.of(url, secret, routingKey, botToken)
                .filter(s -> s != null && !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "ReceiverConfig[name=" + name + ", type=" + type.configName() + ", url=(hidden), dependsOn=" + dependsOn
                + ", fallback=" + fallback + "]";
    }
}
