package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.alerting.notify.email.SmtpMail;
import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.HttpOutcomes;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.store.SqliteDatabase;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.subscribe.ConfirmationSender;
import dev.bongsu.statuspage.subscribe.PublicAnnouncements;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.Subscriber;
import dev.bongsu.statuspage.subscribe.SubscriberDirectory;
import dev.bongsu.statuspage.subscribe.SubscriptionLinks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Subscription delivery wired together: deploy {@link #verticle()} (opens subscriptions-outbox.db, turns incident
 * transitions into notices, delivers), hand {@link #announcements()} to the parts that announce maintenance and
 * operator incidents, {@link #confirmations()} to the subscriber store, and pause or resume it with the cluster lease.
 * E-mail goes out only when {@code smtp} is configured; webhook subscribers need nothing more.
 */
public final class SubscriptionDelivery implements PublicAnnouncements, ConfirmationSender {
    /** The outbox file under {@code storage.dir}. */
    public static final String FILE = "subscriptions-outbox.db";
    /** The time limit of one webhook call. */
    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    private final SubscriberOutbox outbox;
    private final SubscriptionDeliveryVerticle verticle;
    private final MailNotifier mail;
    private final SubscriberWebhookNotifier webhooks;
    private final WebClient client;

    private SubscriptionDelivery(SubscriberOutbox outbox, SubscriptionDeliveryVerticle verticle, MailNotifier mail,
                                 SubscriberWebhookNotifier webhooks, WebClient client) {
        this.outbox = outbox;
        this.verticle = verticle;
        this.mail = mail;
        this.webhooks = webhooks;
        this.client = client;
    }

    /** The delivery of {@code cfg}, with its outbox under {@code storage.dir}; nothing opens until the verticle is deployed. */
    public static SubscriptionDelivery create(Vertx vertx, BongsuConfig cfg, SubscriberDirectory directory, Clock clock) {
        return create(vertx, cfg, directory, clock, cfg.storage().dir().resolve(FILE),
                cfg.smtp() == null ? null : SmtpMail.config(cfg.smtp()));
    }

    /**
     * The delivery with a chosen outbox file and mail client settings ({@code null}: no e-mail), for tests that
     * trust a test server's certificate.
     */
    public static SubscriptionDelivery create(Vertx vertx, BongsuConfig cfg, SubscriberDirectory directory, Clock clock, Path file,
                                              MailConfig mailConfig) {
        PublicView view = new PublicView(cfg);
        SubscriptionLinks links = SubscriptionLinks.of(cfg);
        WebClient client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Bongsu/1").setFollowRedirects(false));
        SubscriberWebhookNotifier webhooks = new SubscriberWebhookNotifier(new HttpDelivery(vertx, client, new HttpOutcomes(clock)), view,
                links, clock, WEBHOOK_TIMEOUT);
        Map<Subscriber.Channel, SubscriptionNotifier> notifiers = new EnumMap<>(Subscriber.Channel.class);
        notifiers.put(Subscriber.Channel.WEBHOOK, webhooks);
        MailNotifier mail = null;
        if (mailConfig != null && cfg.smtp() != null) {
            mail = new MailNotifier(vertx, MailClient.create(vertx, mailConfig), new MailMessages(cfg.smtp(), view), links, cfg.smtp().timeout());
            notifiers.put(Subscriber.Channel.EMAIL, mail);
        }
        SqliteDatabase db = new SqliteDatabase(vertx, "subscriptions-outbox", file);
        SubscriberOutbox outbox = new SubscriberOutbox(vertx, db, directory, notifiers, cfg.statusPage().subscriptions().perSubscriber(),
                cfg.alerting().outbox(), clock);
        IncidentAnnouncer announcer = new IncidentAnnouncer(view, cfg.detector().correlationWindow());
        SubscriptionDeliveryVerticle verticle = new SubscriptionDeliveryVerticle(db, outbox, announcer, directory, cfg, clock);
        return new SubscriptionDelivery(outbox, verticle, mail, webhooks, client);
    }

    /** The verticle to deploy. */
    public SubscriptionDeliveryVerticle verticle() {
        return verticle;
    }

    /** Where maintenance and operator incidents are announced. */
    public PublicAnnouncements announcements() {
        return this;
    }

    /** What sends double-opt-in requests. */
    public ConfirmationSender confirmations() {
        return this;
    }

    /** The outbox, to pause and resume delivery with the cluster lease. */
    public SubscriberOutbox outbox() {
        return outbox;
    }

    @Override
    public Future<Void> announce(PublicNotice notice) {
        return verticle.announce(notice);
    }

    @Override
    public Future<Void> sendConfirmation(Subscriber s, String confirmUrl, String unsubscribeUrl) {
        if (s.channel() == Subscriber.Channel.WEBHOOK) {
            return webhooks.sendConfirmation(s, confirmUrl, unsubscribeUrl);
        }
        if (mail == null) {
            return Future.failedFuture("e-mail subscriptions need an smtp section in the configuration");
        }
        return mail.sendConfirmation(s, confirmUrl, unsubscribeUrl);
    }

    /** Whether subscribers of this channel can be reached (e-mail only with {@code smtp} configured). */
    public boolean delivers(Subscriber.Channel channel) {
        return outbox.delivers(channel);
    }

    /** Releases the HTTP and mail clients; call after undeploying the verticle. */
    public Future<Void> close() {
        client.close();
        return mail == null ? Future.succeededFuture() : mail.close();
    }
}
