package dev.bongsu.model.config;

import java.time.Duration;

/**
 * Public subscriptions to the status page (e-mail and webhook subscribers). Read from {@code statusPage.subscriptions}.
 *
 * @param enabled        whether the page offers subscriptions at all
 * @param perSubscriber  the most messages one subscriber gets
 * @param confirmWithin  how long a double-opt-in confirmation link stays valid
 */
public record SubscriptionsConfig(boolean enabled, RateLimit perSubscriber, Duration confirmWithin) {
    /** The defaults: enabled, 10 messages per hour with bursts of 5, links valid for 48 hours. */
    public static SubscriptionsConfig defaults() {
        return new SubscriptionsConfig(true, new RateLimit(10, Duration.ofHours(1), 5), Duration.ofHours(48));
    }
}
