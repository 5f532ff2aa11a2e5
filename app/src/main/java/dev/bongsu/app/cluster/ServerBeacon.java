package dev.bongsu.app.cluster;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;

/**
 * Publishes a server's heartbeat on {@link ClusterAddresses#SERVER_HEARTBEAT} every second, so probe nodes know
 * which servers can take results and which configuration they run, and operators can see which one pages.
 */
public final class ServerBeacon {
    /** Time between heartbeats. */
    public static final long INTERVAL_MS = 1_000;

    private final ClusterNode node;
    private final BooleanSupplier active;
    private volatile java.util.function.Supplier<String> configHash = () -> null;
    private long timerId = -1;

    /** A beacon for {@code node}; {@code active} says whether this server holds the pager lease. */
    public ServerBeacon(ClusterNode node, BooleanSupplier active) {
        this.node = node;
        this.active = active;
    }

    /**
     * Names the configuration this server runs in every heartbeat ({@code configHash}), so a probe node that missed
     * {@link ClusterAddresses#CONFIG_RELOADED} (it was joining, or cut off from the cluster then) still follows.
     */
    public ServerBeacon configHash(java.util.function.Supplier<String> hash) {
        this.configHash = hash;
        return this;
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
                new JsonObject().put("node", node.nodeId()).put("active", active.getAsBoolean()).put("configHash", configHash.get()));
    }
}
