package dev.bongsu.alerting.outbox;

import dev.bongsu.model.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Tells the rest of the system (metrics, the other server of a cluster) what became of each delivery. */
final class DeliveryEvents {
    private final Vertx vertx;
    private final String nodeId;

    DeliveryEvents(Vertx vertx, String nodeId) {
        this.vertx = vertx;
        this.nodeId = nodeId;
    }

    /** Publishes one outcome ({@code pending}, {@code sent}, {@code failed}, {@code dead}, {@code suppressed}) on {@link Addresses#NOTIFICATION_EVENTS}. */
    void publish(String receiver, String outcome, String incidentId, String key, String reason) {
        JsonObject o = new JsonObject()
                .put("receiver", receiver)
                .put("outcome", outcome)
                .put("incidentId", incidentId)
                .put("transitionKey", key)
                .put("node", nodeId);
        if (reason != null) {
            o.put("reason", reason);
        }
        vertx.eventBus().publish(Addresses.NOTIFICATION_EVENTS, o);
    }
}
