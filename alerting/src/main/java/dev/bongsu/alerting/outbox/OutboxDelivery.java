package dev.bongsu.alerting.outbox;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.model.config.OutboxConfig;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * One delivery attempt of an outbox row and what becomes of it: a delivered row is marked sent, a refused one is a
 * dead letter at once, a retryable failure waits with exponential backoff (honouring {@code Retry-After}) until
 * {@code maxAttempts}, then is a dead letter. Every outcome is written to outbox.db and published as a delivery
 * event. Used on the outbox's context only.
 */
final class OutboxDelivery {
    /** The outbox's logger: operators know these lines by the component name {@code Outbox}. */
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final OutboxDatabase db;
    private final OutboxLanes lanes;
    private final OutboxConfig cfg;
    private final Clock clock;
    private final Backoff backoff;
    private final DeliveryEvents events;
    private final Runnable afterSent;
    private volatile long deadCount;

    /**
     * Deliveries of the rows in {@code lanes}.
     *
     * @param afterSent run once a delivered row is marked sent (the next row of its lane may go)
     */
    OutboxDelivery(OutboxDatabase db, OutboxLanes lanes, OutboxConfig cfg, Clock clock, DeliveryEvents events, Runnable afterSent) {
        this.db = db;
        this.lanes = lanes;
        this.cfg = cfg;
        this.clock = clock;
        this.backoff = new Backoff(cfg.initialBackoff(), cfg.maxBackoff());
        this.events = events;
        this.afterSent = afterSent;
    }

    /** Dead letters since start. */
    long deadCount() {
        return deadCount;
    }

    /** Sends the entry's notification, holding a place of the receiver's slot until the outcome is known. */
    void attempt(OutboxEntry e, Notifier notifier, ReceiverSlot st) {
        e.inFlight = true;
        st.inFlight++;
        Future<DeliveryOutcome> sent;
        try {
            sent = notifier.send(e.row.notification());
        } catch (RuntimeException ex) {
            sent = Future.succeededFuture(DeliveryOutcome.failed("notifier error: " + ex.getClass().getSimpleName()));
        }
        sent.recover(ex -> Future.succeededFuture(DeliveryOutcome.retry("notifier error: " + ex.getClass().getSimpleName(), null)))
                .onSuccess(outcome -> {
                    st.inFlight--;
                    e.inFlight = false;
                    settle(e, outcome);
                });
    }

    private void settle(OutboxEntry e, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        int attempts = e.row.attempts() + 1;
        OutboxRow row = e.row;
        switch (outcome.status()) {
            case DELIVERED -> {
                lanes.untrack(e);
                mark(row, OutboxStore.SENT, attempts, null).onComplete(ar -> afterSent.run());
                events.publish(row.receiver(), "sent", row.incidentId(), row.key(), null);
            }
            case FAILED -> {
                e.row = row.retried(attempts, now, outcome.reason());
                dead(e, "rejected: " + outcome.reason());
            }
            case RETRY -> {
                if (cfg.maxAttempts() > 0 && attempts >= cfg.maxAttempts()) {
                    e.row = row.retried(attempts, now, outcome.reason());
                    dead(e, "gave up after " + attempts + " attempts; last error: " + outcome.reason());
                    return;
                }
                retryLater(e, attempts, outcome, now);
            }
        }
    }

    private void retryLater(OutboxEntry e, int attempts, DeliveryOutcome outcome, Instant now) {
        OutboxRow row = e.row;
        Duration wait = backoff.delay(attempts, outcome.retryAfter(), ThreadLocalRandom.current().nextDouble());
        Instant next = now.plus(wait);
        e.row = row.retried(attempts, next, outcome.reason());
        LOG.info("notification retry: receiver=" + row.receiver() + " key=" + row.key() + " attempt=" + attempts
                + " in " + wait.toMillis() + " ms: " + outcome.reason());
        events.publish(row.receiver(), "failed", row.incidentId(), row.key(), outcome.reason());
        e.writing = true;
        db.run(c -> {
            OutboxStore.update(c, row.id(), OutboxStore.PENDING, attempts, next, outcome.reason(), now);
            return null;
        }).onComplete(ar -> {
            e.writing = false;
            if (ar.failed()) {
                LOG.warning("outbox: cannot record retry of " + row.key() + ": " + ar.cause().getMessage());
            }
        });
    }

    /** Makes the entry a dead letter: out of its lane, counted, logged, published and written. */
    Future<Void> dead(OutboxEntry e, String reason) {
        OutboxRow row = e.row;
        lanes.untrack(e);
        deadCount++;
        LOG.warning("notification dead letter: receiver=" + row.receiver() + " key=" + row.key() + " attempts=" + row.attempts()
                + ": " + reason);
        events.publish(row.receiver(), "dead", row.incidentId(), row.key(), reason);
        return mark(row, OutboxStore.DEAD, row.attempts(), reason);
    }

    /** Writes a row's final status; a failed write is logged, and the future fails. */
    Future<Void> mark(OutboxRow row, String status, int attempts, String reason) {
        Instant now = clock.instant();
        return db.run(c -> {
            OutboxStore.update(c, row.id(), status, attempts, now, reason, now);
            return (Void) null;
        }).onFailure(ex -> LOG.warning("outbox: cannot mark " + row.key() + " " + status + ": " + ex.getMessage()));
    }
}
