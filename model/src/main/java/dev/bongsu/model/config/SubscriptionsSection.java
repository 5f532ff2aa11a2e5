package dev.bongsu.model.config;

import java.time.Duration;

/** Reads {@code statusPage.subscriptions}. */
final class SubscriptionsSection {
    private SubscriptionsSection() {
    }

    static SubscriptionsConfig read(ConfigNode n) {
        SubscriptionsConfig d = SubscriptionsConfig.defaults();
        if (n.isMissing()) {
            return d;
        }
        n.allowOnly("enabled", "perSubscriber", "confirmWithin", "pendingPerClientPerHour", "maxPending", "privateWebhooks");
        return new SubscriptionsConfig(n.get("enabled").boolOr(d.enabled()), rate(n.get("perSubscriber"), d.perSubscriber()),
                n.get("confirmWithin").durationOr(d.confirmWithin(), Duration.ofMinutes(5), Duration.ofDays(30)),
                n.get("pendingPerClientPerHour").integerOr(d.pendingPerClientPerHour(), 1, 10_000),
                n.get("maxPending").integerOr(d.maxPending(), 1, 10_000_000),
                n.get("privateWebhooks").boolOr(d.privateWebhooks()));
    }

    /** {@code {permits, per, burst}}, each defaulting to the default's. */
    private static RateLimit rate(ConfigNode n, RateLimit d) {
        if (n.isMissing()) {
            return d;
        }
        n.allowOnly("permits", "per", "burst");
        return new RateLimit(n.get("permits").integerOr(d.permits(), 1, 100_000),
                n.get("per").durationOr(d.per(), Duration.ofSeconds(1), Duration.ofDays(1)),
                n.get("burst").integerOr(d.burst(), 1, 10_000));
    }
}
