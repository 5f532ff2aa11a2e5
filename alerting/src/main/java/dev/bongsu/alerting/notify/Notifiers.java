package dev.bongsu.alerting.notify;

import dev.bongsu.alerting.notify.alertmanager.AlertmanagerNotifier;
import dev.bongsu.alerting.notify.log.LogNotifier;
import dev.bongsu.alerting.notify.pagerduty.PagerDutyNotifier;
import dev.bongsu.alerting.notify.slack.SlackNotifier;
import dev.bongsu.alerting.notify.telegram.TelegramNotifier;
import dev.bongsu.alerting.notify.webhook.WebhookNotifier;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every receiver's notifier, by name; the one place a receiver type maps to its class. */
public final class Notifiers {
    private final Map<String, Notifier> byName;
    private final Map<String, ReceiverConfig> configs;
    private final WebClient client;

    private Notifiers(Map<String, Notifier> byName, Map<String, ReceiverConfig> configs, WebClient client) {
        this.byName = Map.copyOf(byName);
        this.configs = Map.copyOf(configs);
        this.client = client;
    }

    /** One notifier per effective receiver of the config, sharing one web client. */
    public static Notifiers create(Vertx vertx, AlertingConfig cfg, Clock clock) {
        WebClient client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("Bongsu/1").setFollowRedirects(false));
        HttpDelivery http = new HttpDelivery(vertx, client, new HttpOutcomes(clock));
        Map<String, Notifier> out = new LinkedHashMap<>();
        Map<String, ReceiverConfig> configs = new LinkedHashMap<>();
        for (ReceiverConfig r : cfg.effectiveReceivers()) {
            out.put(r.name(), notifier(r, http, clock));
            configs.put(r.name(), r);
        }
        return new Notifiers(out, configs, client);
    }

    /** The notifier class of each receiver type. */
    static Notifier notifier(ReceiverConfig r, HttpDelivery http, Clock clock) {
        return switch (r.type()) {
            case WEBHOOK -> new WebhookNotifier(r, http, clock);
            case SLACK -> new SlackNotifier(r, http);
            case PAGERDUTY -> new PagerDutyNotifier(r, http);
            case TELEGRAM -> new TelegramNotifier(r, http);
            case ALERTMANAGER -> new AlertmanagerNotifier(r, http, clock);
            case LOG -> new LogNotifier(r.name());
        };
    }

    /** The notifier of a receiver. */
    public Optional<Notifier> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The configuration of a receiver. */
    public Optional<ReceiverConfig> config(String name) {
        return Optional.ofNullable(configs.get(name));
    }

    /** Every receiver name. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Releases the web client. */
    public void close() {
        client.close();
    }
}
