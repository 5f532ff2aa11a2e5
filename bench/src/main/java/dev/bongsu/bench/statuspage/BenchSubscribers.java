package dev.bongsu.bench.statuspage;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.statuspage.subscribe.SubscriberStore;
import dev.bongsu.statuspage.subscribe.SubscriptionChoices;
import dev.bongsu.statuspage.subscribe.SubscriptionRequest;
import dev.bongsu.statuspage.subscribe.SubscriptionTokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Confirmed subscribers for the subscription run of the benchmark, made through the store's public API the way a
 * reader makes them: a request read by {@link SubscriptionRequest#fromJson} (so the addresses pass the real rules),
 * stored as pending, then confirmed with the token of its confirm link. Even numbers are webhooks (each its own URL
 * on the loopback receiver: one address has one subscription per channel), odd numbers e-mail addresses (or webhooks
 * too when there is no SMTP sink); half of each want Korean, half English; every one wants everything.
 */
final class BenchSubscribers {
    private BenchSubscribers() {
    }

    /** The YAML that the subscription run adds to the bench configuration; no {@code smtp} section when the port is 0. */
    static String yaml(int count, int smtpPort) {
        return (smtpPort <= 0 ? ""
                : "smtp: {host: 127.0.0.1, port: " + smtpPort + ", startTls: disabled, from: \"Bongsu <status@bench.example>\", timeout: 30s}\n")
                + "statusPage:\n"
                + "  publicUrl: \"https://status.bench.example\"\n"
                // the receivers are on loopback; and no subscriber may be held back by the rate limit during the run
                + "  subscriptions: {privateWebhooks: true, maxPending: " + Math.max(10_000, count)
                + ", perSubscriber: {permits: 1000, per: 1s, burst: 1000}}\n";
    }

    /** Creates {@code count} confirmed subscribers (half e-mail when the configuration has {@code smtp}); completes with how many were confirmed. */
    static Future<Integer> create(SubscriberStore store, BongsuConfig cfg, int count, String hookUrl, Clock clock) {
        boolean email = cfg.smtp() != null;
        SubscriptionChoices choices = new SubscriptionChoices(cfg);
        boolean privateWebhooks = cfg.statusPage().subscriptions().privateWebhooks();
        List<Future<SubscriberStore.ConfirmResult>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonObject body = i % 2 == 0 || !email
                    ? new JsonObject().put("webhook", hookUrl + "?subscriber=" + i)
                    : new JsonObject().put("email", "reader" + i + "@bench.example");
            body.put("lang", i % 4 < 2 ? "ko" : "en");
            SubscriptionRequest request = SubscriptionRequest.fromJson(body, "ko", choices, privateWebhooks);
            all.add(store.addPending(request, clock.instant()).compose(p -> store.confirm(p.subscriber().id(),
                    SubscriptionTokens.token(p.subscriber(), SubscriptionTokens.CONFIRM), clock.instant())));
        }
        return Future.all(all).map(done -> (int) all.stream()
                .filter(f -> f.result() == SubscriberStore.ConfirmResult.CONFIRMED).count());
    }
}
