package dev.bongsu.model.config;

import java.time.Duration;

/**
 * Public subscriptions to the status page (e-mail and webhook subscribers). Read from {@code statusPage.subscriptions}.
 *
 * @param enabled                 whether the page offers subscriptions at all (the admin API to export and delete
 *                                subscribers stays available either way)
 * @param perSubscriber           the most messages one subscriber gets
 * @param confirmWithin           how long a double-opt-in confirmation link stays valid
 * @param pendingPerClientPerHour the most subscription requests one client address may make per hour
 * @param maxPending              the most subscriptions waiting for confirmation at once, over all clients
 * @param privateWebhooks         whether a webhook URL may name a loopback or private-network IP address (off: the
 *                                public cannot make the server call into its own network)
 */
public record SubscriptionsConfig(boolean enabled, RateLimit perSubscriber, Duration confirmWithin, int pendingPerClientPerHour,
                                  int maxPending, boolean privateWebhooks) {
    /** The default number of requests per client address per hour. */
    public static final int DEFAULT_PER_CLIENT = 5;
    /** The default number of unconfirmed subscriptions kept at once. */
    public static final int DEFAULT_MAX_PENDING = 10_000;

    /** Settings with the default caps on pending subscriptions, private webhook addresses refused. */
    public SubscriptionsConfig(boolean enabled, RateLimit perSubscriber, Duration confirmWithin) {
        this(enabled, perSubscriber, confirmWithin, DEFAULT_PER_CLIENT, DEFAULT_MAX_PENDING, false);
    }

    /** The defaults: enabled, 10 messages per hour with bursts of 5, links valid for 48 hours, 5 requests per client
     *  address per hour, at most 10 000 pending, no private webhook addresses. */
    public static SubscriptionsConfig defaults() {
        return new SubscriptionsConfig(true, new RateLimit(10, Duration.ofHours(1), 5), Duration.ofHours(48));
    }
}
