package dev.bongsu.app.cluster;

import dev.bongsu.alerting.outbox.Outbox;
import dev.bongsu.model.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * What a server does when it takes the pager lease: every pending row of its own outbox that the
 * {@link DeliveredLedger} says another server already delivered is marked sent (through the same
 * {@link Addresses#NOTIFICATION_EVENTS} "sent elsewhere" path the alerting part listens to, published to this
 * server only), then delivery resumes with the rest. A standby's outbox stays paused until then.
 */
public final class OutboxTakeover {
    /** The most pending rows checked against the ledger. */
    static final int MAX_ROWS = 10_000;
    /** Lets the alerting part apply the "sent elsewhere" marks before delivery resumes. */
    static final long SETTLE_MS = 300;
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.lease");
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final Vertx vertx;
    private final Outbox outbox;
    private final DeliveredLedger ledger;

    /** A take-over of {@code outbox} on {@code vertx}, checked against {@code ledger}. */
    public OutboxTakeover(Vertx vertx, Outbox outbox, DeliveredLedger ledger) {
        this.vertx = vertx;
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
                .compose(marked -> vertx.timer(SETTLE_MS).map(t -> marked))
                .map(marked -> {
                    LOG.info("take-over: " + marked + " pending notification(s) were already delivered by another server;"
                            + " delivering the rest");
                    return (Void) null;
                })
                .onComplete(ar -> outbox.resume());
    }

    private Future<Integer> markDeliveredElsewhere(JsonArray pending) {
        List<Future<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            JsonObject row = pending.getJsonObject(i);
            String receiver = row.getString("receiver");
            String key = row.getString("transitionKey");
            checks.add(ledger.deliveredBy(receiver, key).map(by -> {
                if (by == null) {
                    return false;
                }
                vertx.eventBus().publish(Addresses.NOTIFICATION_EVENTS, new JsonObject()
                        .put("receiver", receiver).put("outcome", "sent").put("incidentId", row.getString("incidentId"))
                        .put("transitionKey", key).put("node", by).put("replay", true), LOCAL);
                return true;
            }));
        }
        return Future.all(checks).map(all -> (int) checks.stream().filter(f -> f.result()).count());
    }
}
