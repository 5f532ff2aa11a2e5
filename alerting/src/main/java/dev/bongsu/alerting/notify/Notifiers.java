package dev.bongsu.alerting.notify;

import dev.bongsu.alerting.notify.alertmanager.AlertmanagerNotifier;
import dev.bongsu.alerting.notify.email.EmailNotifier;
import dev.bongsu.alerting.notify.log.LogNotifier;
import dev.bongsu.alerting.notify.pagerduty.PagerDutyNotifier;
import dev.bongsu.alerting.notify.slack.SlackNotifier;
import dev.bongsu.alerting.notify.telegram.TelegramNotifier;
import dev.bongsu.alerting.notify.webhook.WebhookNotifier;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.SmtpConfig;
import dev.bongsu.model.config.receiver.AlertmanagerSettings;
import dev.bongsu.model.config.receiver.EmailSettings;
import dev.bongsu.model.config.receiver.LogSettings;
import dev.bongsu.model.config.receiver.PagerDutySettings;
import dev.bongsu.model.config.receiver.ReceiverSettings;
import dev.bongsu.model.config.receiver.SlackSettings;
import dev.bongsu.model.config.receiver.TelegramSettings;
import dev.bongsu.model.config.receiver.WebhookSettings;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every receiver's notifier, by name, and the one registry of which notifier delivers which kind of receiver settings.
 * Adding a receiver kind is one settings record (model), one notifier, one line in {@code ReceiverKinds} and one here.
 */
public final class Notifiers {
    private static final Map<Class<? extends ReceiverSettings>, NotifierFactory> FACTORIES = Map.of(
            WebhookSettings.class, (rc, p) -> new WebhookNotifier(rc, p.http(), p.clock()),
            SlackSettings.class, (rc, p) -> new SlackNotifier(rc, p.http()),
            PagerDutySettings.class, (rc, p) -> new PagerDutyNotifier(rc, p.http()),
            TelegramSettings.class, (rc, p) -> new TelegramNotifier(rc, p.http()),
            AlertmanagerSettings.class, (rc, p) -> new AlertmanagerNotifier(rc, p.http(), p.clock()),
            LogSettings.class, (rc, p) -> new LogNotifier(rc.name()),
            EmailSettings.class, (rc, p) -> new EmailNotifier(rc, p.emailMessages(), p.mail(), p.vertx()));

    private final Map<String, Notifier> byName;
    private final Map<String, ReceiverConfig> configs;
    private final NotifierParts parts;

    private Notifiers(Map<String, Notifier> byName, Map<String, ReceiverConfig> configs, NotifierParts parts) {
        this.byName = Map.copyOf(byName);
        this.configs = Map.copyOf(configs);
        this.parts = parts;
    }

    /** One notifier per effective receiver of the config; no e-mail receiver may be configured. */
    public static Notifiers create(Vertx vertx, AlertingConfig cfg, Clock clock) {
        return create(vertx, cfg, null, clock);
    }

    /**
     * One notifier per effective receiver of the config, sharing one web client and, when an e-mail receiver exists,
     * one mail client for {@code smtp} ({@code null} when no {@code smtp} section is configured).
     */
    public static Notifiers create(Vertx vertx, AlertingConfig cfg, SmtpConfig smtp, Clock clock) {
        NotifierParts parts = new NotifierParts(vertx, clock, smtp);
        Map<String, Notifier> out = new LinkedHashMap<>();
        Map<String, ReceiverConfig> configs = new LinkedHashMap<>();
        try {
            for (ReceiverConfig r : cfg.effectiveReceivers()) {
                out.put(r.name(), notifier(r, parts));
                configs.put(r.name(), r);
            }
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
        return new Notifiers(out, configs, parts);
    }

    /** The notifier of a receiver, by the class of its settings. */
    static Notifier notifier(ReceiverConfig r, NotifierParts parts) {
        NotifierFactory factory = FACTORIES.get(r.settings().getClass());
        if (factory == null) {
            throw new IllegalStateException("no notifier is registered for receiver type " + r.type());
        }
        return factory.create(r, parts);
    }

    /** Whether a notifier is registered for this kind of settings. */
    static boolean supports(Class<? extends ReceiverSettings> kind) {
        return FACTORIES.containsKey(kind);
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

    /** The longest time limit of one delivery among the receivers: how long an attempt started now may still run. */
    public Duration longestTimeout() {
        return configs.values().stream().map(ReceiverConfig::timeout).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Releases the web client and the mail client. */
    public void close() {
        parts.close();
    }
}
