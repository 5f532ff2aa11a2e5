package dev.bongsu.alerting.notify.email;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.receiver.EmailSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.SMTPException;

/**
 * E-mail to on-call through the top-level {@code smtp} server. Delivered when the server accepted the message; a
 * permanent refusal (SMTP 5xx) fails for good (a dead letter); a temporary one (4xx), a refused connection, TLS trouble
 * or the receiver's time limit are retried by the outbox, and a copy sent again carries the same {@code Message-ID}.
 */
public final class EmailNotifier implements Notifier {
    private static final int EXCERPT = 200;

    private final ReceiverConfig cfg;
    private final EmailSettings settings;
    private final EmailMessages messages;
    private final MailClient client;
    private final Vertx vertx;

    /** A notifier for one e-mail receiver, sending through a mail client shared by the e-mail receivers. */
    public EmailNotifier(ReceiverConfig cfg, EmailMessages messages, MailClient client, Vertx vertx) {
        this.cfg = cfg;
        this.settings = cfg.settings(EmailSettings.class).orElseThrow(() -> new IllegalArgumentException(
                "receiver '" + cfg.name() + "' is of type " + cfg.type() + ", not email"));
        this.messages = messages;
        this.client = client;
        this.vertx = vertx;
    }

    @Override
    public String name() {
        return cfg.name();
    }

    @Override
    public Future<DeliveryOutcome> send(Notification n) {
        Promise<DeliveryOutcome> result = Promise.promise();
        long ms = Math.max(1, cfg.timeout().toMillis());
        long timer = vertx.setTimer(ms, id -> result.tryComplete(DeliveryOutcome.retry("SMTP timed out after " + ms + " ms", null)));
        client.sendMail(messages.of(n, settings)).onComplete(ar -> {
            vertx.cancelTimer(timer);
            result.tryComplete(ar.succeeded() ? DeliveryOutcome.delivered() : outcome(ar.cause()));
        });
        return result.future();
    }

    /** A failed send: a permanent SMTP reply fails for good, everything else is worth another attempt. */
    public static DeliveryOutcome outcome(Throwable e) {
        if (e instanceof SMTPException smtp) {
            String reason = "SMTP " + smtp.getReplyCode() + ": " + excerpt(String.valueOf(smtp.getReplyMessage()));
            return smtp.isPermanent() ? DeliveryOutcome.failed(reason) : DeliveryOutcome.retry(reason, null);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return DeliveryOutcome.retry("SMTP unreachable: " + excerpt(detail), null);
    }

    private static String excerpt(String s) {
        String t = EmailMessages.oneLine(s.replaceAll("\\s+", " "));
        return t.length() > EXCERPT ? t.substring(0, EXCERPT) + "…" : t;
    }
}
