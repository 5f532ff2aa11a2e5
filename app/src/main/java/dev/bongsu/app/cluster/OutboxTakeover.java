package dev.bongsu.app.cluster;

import dev.bongsu.alerting.outbox.Outbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * What a server does when it takes the pager lease: every pending row of its own outbox that the
 * {@link DeliveredLedger} says another server already delivered is marked delivered by calling
 * {@link Outbox#markDeliveredElsewhere}, and once every mark is written delivery resumes with the rest. A standby's
 * outbox stays paused until then.
 */
public final class OutboxTakeover {
    /** The most pending rows checked against the ledger. */
    static final int MAX_ROWS = 10_000;
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.lease");

    private final Outbox outbox;
    private final DeliveredLedger ledger;

    /** A take-over of {@code outbox}, checked against {@code ledger}. */
    public OutboxTakeover(Outbox outbox, DeliveredLedger ledger) {
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** Pauses delivery (this server is standby). */
    public void standby() {
        outbox.pause();
    }

    /** Marks what others delivered, then resumes delivery; delivery resumes even if the check fails. */
    public Future<Void> takeOver() {
        return outbox.rows("pending", MAX_ROWS)
                .compose(this::markDeliveredElsewhere)
                .map(marked -> {
                    LOG.info("take-over: " + marked + " pending notification(s) were already delivered by another server;"
                            + " delivering the rest");
                    return (Void) null;
                })
                .onComplete(ar -> outbox.resume());
    }

    private Future<Integer> markDeliveredElsewhere(JsonArray pending) {
        List<Future<Boolean>> marks = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            JsonObject row = pending.getJsonObject(i);
            String receiver = row.getString("receiver");
            String key = row.getString("transitionKey");
            marks.add(ledger.deliveredBy(receiver, key).compose(by -> by == null
                    ? Future.succeededFuture(false)
                    : outbox.markDeliveredElsewhere(receiver, key, by)));
        }
        return Future.all(marks).map(all -> (int) marks.stream().filter(Future::result).count());
    }
}
