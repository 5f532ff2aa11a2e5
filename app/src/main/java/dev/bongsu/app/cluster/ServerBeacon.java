package dev.bongsu.app.cluster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;

/**
 * Publishes a server's heartbeat on {@link ClusterAddresses#SERVER_HEARTBEAT} every second, so probe nodes know
 * which servers can take results and operators can see which one pages.
 */
public final class ServerBeacon {
    /** Time between heartbeats. */
    public static final long INTERVAL_MS = 1_000;

    private final ClusterNode node;
    private final BooleanSupplier active;
    private long timerId = -1;

    /** A beacon for {@code node}; {@code active} says whether this server holds the pager lease. */
    public ServerBeacon(ClusterNode node, BooleanSupplier active) {
        this.node = node;
        this.active = active;
    }

    /** Sends the first heartbeat now and then every second. */
    public Future<Void> start() {
        beat();
        timerId = node.vertx().setPeriodic(INTERVAL_MS, t -> beat());
        return Future.succeededFuture();
    }

    /** Stops beating. */
    public Future<Void> stop() {
        node.vertx().cancelTimer(timerId);
        return Future.succeededFuture();
    }

    private void beat() {
        node.vertx().eventBus().publish(ClusterAddresses.SERVER_HEARTBEAT,
                new JsonObject().put("node", node.nodeId()).put("active", active.getAsBoolean()));
    }
}
