package dev.bongsu.app.cluster;

import dev.bongsu.model.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The cluster-wide record of delivered notifications: a Hazelcast-backed map of {@code receiver|transitionKey} →
 * the node that delivered it, each entry kept for {@link #TTL}. Every server writes what its own outbox reports as
 * sent (on {@link Addresses#NOTIFICATION_EVENTS}); a server taking over the pager lease checks its pending rows
 * against it before delivering, so what the old active delivered is not sent again.
 */
public final class DeliveredLedger {
    /** Name of the cluster map. */
    public static final String MAP = "bongsu.delivered";
    /** How long a delivery is remembered. */
    public static final Duration TTL = Duration.ofDays(2);
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.ledger");

    private final ClusterNode node;
    private final String outboxNode;
    private MessageConsumer<JsonObject> consumer;

    /**
     * A ledger on {@code node}.
     *
     * @param outboxNode the name this server's outbox puts in its events' {@code node} field
     */
    public DeliveredLedger(ClusterNode node, String outboxNode) {
        this.node = node;
        this.outboxNode = outboxNode;
    }

    /** Starts recording this server's deliveries. */
    public Future<Void> start() {
        consumer = node.vertx().eventBus().consumer(Addresses.NOTIFICATION_EVENTS, m -> {
            JsonObject e = m.body();
            if ("sent".equals(e.getString("outcome")) && outboxNode.equals(e.getString("node"))) {
                record(e.getString("receiver"), e.getString("transitionKey"))
                        .onFailure(err -> LOG.warning("cannot record delivery of " + e.getString("transitionKey") + " to "
                                + e.getString("receiver") + " in the cluster: " + err.getMessage()));
            }
        });
        return consumer.completion();
    }

    /** Stops recording. */
    public Future<Void> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /** Records a delivery. */
    public Future<Void> record(String receiver, String transitionKey) {
        return map().compose(m -> m.put(key(receiver, transitionKey), outboxNode, TTL.toMillis()));
    }

    /** The node that delivered this transition to this receiver, or {@code null} if none did. */
    public Future<String> deliveredBy(String receiver, String transitionKey) {
        return map().compose(m -> m.get(key(receiver, transitionKey)));
    }

    static String key(String receiver, String transitionKey) {
        return receiver + "|" + transitionKey;
    }

    private Future<AsyncMap<String, String>> map() {
        return node.vertx().sharedData().getAsyncMap(MAP);
    }
}
