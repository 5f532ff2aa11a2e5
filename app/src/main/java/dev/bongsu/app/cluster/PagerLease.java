package dev.bongsu.app.cluster;

import io.vertx.core.Future;
import io.vertx.core.shareddata.Lock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Decides which server delivers notifications: the one holding the cluster-wide lock {@value #LOCK}. Every server
 * starts as standby and keeps trying to take the lock; Hazelcast releases it when the holder leaves the cluster
 * (cleanly, or when its heartbeats stop for {@code cluster.memberTimeout}), and a standby then becomes active
 * within about {@code memberTimeout + } {@value #ATTEMPT_MS} ms.
 */
public final class PagerLease {
    /** Name of the cluster lock. */
    public static final String LOCK = "bongsu.pager";
    /** How long one attempt to take the lock waits. */
    public static final long ATTEMPT_MS = 1_000;
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.lease");

    private final ClusterNode node;
    private final Supplier<Future<Void>> onActive;
    private volatile boolean active;
    private volatile boolean stopped;
    private Lock lock;

    /**
     * A lease for {@code node}.
     *
     * @param onActive called once when this server takes the lease; delivery starts when its future completes
     */
    public PagerLease(ClusterNode node, Supplier<Future<Void>> onActive) {
        this.node = node;
        this.onActive = onActive;
    }

    /** Starts competing for the lease; completes at once (this server is standby until it wins). */
    public Future<Void> start() {
        LOG.info("pager lease: node " + node.nodeId() + " is standby until it holds the lease");
        attempt();
        return Future.succeededFuture();
    }

    /** Whether this server holds the lease (delivers notifications). */
    public boolean isActive() {
        return active;
    }

    /** Gives the lease up so a standby can take it at once. */
    public Future<Void> stop() {
        stopped = true;
        if (lock != null) {
            lock.release();
            LOG.info("pager lease: node " + node.nodeId() + " released the lease");
        }
        active = false;
        return Future.succeededFuture();
    }

    private void attempt() {
        if (stopped) {
            return;
        }
        node.vertx().sharedData().getLockWithTimeout(LOCK, ATTEMPT_MS).onComplete(ar -> {
            if (stopped) {
                if (ar.succeeded()) {
                    ar.result().release();
                }
                return;
            }
            if (ar.failed()) {
                node.vertx().setTimer(1, t -> attempt());
                return;
            }
            lock = ar.result();
            onActive.get().onComplete(done -> {
                active = true;
                LOG.info("pager lease: node " + node.nodeId() + " holds the lease and delivers notifications"
                        + (done.failed() ? " (take-over check failed: " + done.cause().getMessage() + ")" : ""));
            });
        });
    }
}
