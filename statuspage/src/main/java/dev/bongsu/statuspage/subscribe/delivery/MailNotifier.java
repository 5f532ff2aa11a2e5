package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.Subscriber;
import dev.bongsu.statuspage.subscribe.SubscriptionLinks;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import java.time.Duration;

/**
 * Sends subscription e-mails through the configured SMTP server with the Vert.x mail client. A message counts as
 * delivered when the server answered {@code 250} to it; a permanent SMTP refusal (5xx) fails it for good; anything
 * else (4xx, connection refused, TLS, a time-out) is retried.
 */
public final class MailNotifier implements SubscriptionNotifier {
    private final Vertx vertx;
    private final MailClient client;
    private final MailMessages messages;
    private final SubscriptionLinks links;
    private final Duration timeout;

    /** A notifier over a mail client made from {@link dev.bongsu.alerting.notify.email.SmtpMail#config}. */
    public MailNotifier(Vertx vertx, MailClient client, MailMessages messages, SubscriptionLinks links, Duration timeout) {
        this.vertx = vertx;
        this.client = client;
        this.messages = messages;
        this.links = links;
        this.timeout = timeout;
    }

    @Override
    public Future<DeliveryOutcome> send(Subscriber s, PublicNotice n) {
        MailMessage m = messages.notice(s, n, links.base() + n.path(), links.unsubscribeUrl(s));
        return deliver(m);
    }

    /** Sends the double-opt-in request; fails with a short reason when the server did not take it. */
    public Future<Void> sendConfirmation(Subscriber s, String confirmUrl, String unsubscribeUrl) {
        return deliver(messages.confirmation(s, confirmUrl, unsubscribeUrl)).compose(o -> o.isDelivered()
                ? Future.succeededFuture()
                : Future.failedFuture("confirmation e-mail not sent: " + o.reason()));
    }

    /** Closes the connection pool. */
    public Future<Void> close() {
        return client.close();
    }

    private Future<DeliveryOutcome> deliver(MailMessage m) {
        Promise<DeliveryOutcome> result = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()),
                id -> result.tryComplete(DeliveryOutcome.retry("SMTP timed out after " + timeout.toMillis() + " ms", null)));
        client.sendMail(m).onComplete(ar -> {
            vertx.cancelTimer(timer);
            result.tryComplete(ar.succeeded() ? DeliveryOutcome.delivered() : outcome(ar.cause()));
        });
        return result.future();
    }

    /** A failed send: a permanent SMTP reply fails for good, everything else is worth another attempt. */
    static DeliveryOutcome outcome(Throwable e) {
        if (e instanceof SMTPException smtp) {
            String reason = "SMTP " + smtp.getReplyCode() + ": " + MailMessages.oneLine(String.valueOf(smtp.getReplyMessage()));
            return smtp.isPermanent() ? DeliveryOutcome.failed(reason) : DeliveryOutcome.retry(reason, null);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : MailMessages.oneLine(e.getMessage());
        return DeliveryOutcome.retry("SMTP unreachable: " + (detail.length() > 200 ? detail.substring(0, 200) + "…" : detail), null);
    }
}
