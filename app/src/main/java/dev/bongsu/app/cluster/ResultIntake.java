package dev.bongsu.app.cluster;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ResultBatch;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * A server's end of the {@link ResultRelay}: takes result batches addressed to this server, publishes them on
 * {@link Addresses#RESULTS} to this server's own parts only (aggregator, detector, metrics) and acknowledges them.
 */
public final class ResultIntake {
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final ClusterNode node;
    private MessageConsumer<ResultBatch> consumer;
    private long received;

    /** An intake on {@code node}. */
    public ResultIntake(ClusterNode node) {
        this.node = node;
    }

    /** Starts taking batches. */
    public Future<Void> start() {
        consumer = node.vertx().eventBus().consumer(ClusterAddresses.results(node.nodeId()), m -> {
            received += m.body().results().size();
            node.vertx().eventBus().publish(Addresses.RESULTS, m.body(), LOCAL);
            m.reply(null);
        });
        return consumer.completion();
    }

    /** Stops taking batches. */
    public Future<Void> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /** Results taken since start. */
    public long received() {
        return received;
    }
}
