package dev.bongsu.alerting.notify;

import dev.bongsu.alerting.notify.email.EmailMessages;
import dev.bongsu.alerting.notify.email.SmtpMail;
import dev.bongsu.model.config.SmtpConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;

/**
 * What notifiers share: one web client for the HTTP receivers, and, made only when an e-mail receiver exists, one
 * mail client for the {@code smtp} server. Closing it releases both.
 */
final class NotifierParts {
    private final Vertx vertx;
    private final Clock clock;
    private final SmtpConfig smtp;
    private final WebClient web;
    private final HttpDelivery http;
    private MailClient mail;

    NotifierParts(Vertx vertx, Clock clock, SmtpConfig smtp) {
        this.vertx = vertx;
        this.clock = clock;
        this.smtp = smtp;
        this.web = WebClient.create(vertx, new WebClientOptions().setUserAgent("Bongsu/1").setFollowRedirects(false));
        this.http = new HttpDelivery(vertx, web, new HttpOutcomes(clock));
    }

    Vertx vertx() {
        return vertx;
    }

    Clock clock() {
        return clock;
    }

    HttpDelivery http() {
        return http;
    }

    /** The mail client, made on first use; an error when no {@code smtp} section is configured. */
    MailClient mail() {
        if (mail == null) {
            mail = MailClient.create(vertx, SmtpMail.config(requireSmtp()));
        }
        return mail;
    }

    /** The e-mail builder for the {@code smtp} sender. */
    EmailMessages emailMessages() {
        return new EmailMessages(requireSmtp());
    }

    private SmtpConfig requireSmtp() {
        if (smtp == null) {
            throw new IllegalArgumentException("an email receiver needs the top-level smtp section");
        }
        return smtp;
    }

    void close() {
        web.close();
        if (mail != null) {
            mail.close().onFailure(e -> { });
        }
    }
}
