package dev.bongsu.app.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * One member of a Bongsu cluster: a clustered {@link Vertx} on Hazelcast with every codec registered, and the live
 * member list. Probe nodes and servers both start one.
 */
public final class ClusterNode {
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.cluster");

    private final Vertx vertx;
    private final HazelcastClusterManager manager;

    private ClusterNode(Vertx vertx, HazelcastClusterManager manager) {
        this.vertx = vertx;
        this.manager = manager;
    }

    /** Joins (or forms) the cluster described by {@code cfg}. */
    public static Future<ClusterNode> start(ClusterConfig cfg) {
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.from(cfg));
        EventBusOptions bus = new EventBusOptions().setHost(cfg.eventBus().host()).setPort(cfg.eventBus().port());
        if (cfg.eventBus().publicHost() != null) {
            bus.setClusterPublicHost(cfg.eventBus().publicHost());
        }
        VertxOptions options = new VertxOptions().setEventBusOptions(bus);
        return Vertx.builder().with(options).withClusterManager(manager).buildClustered().map(vertx -> {
            Codecs.registerAll(vertx.eventBus());
            ClusterNode node = new ClusterNode(vertx, manager);
            LOG.info(() -> "joined cluster '" + cfg.name() + "' as node " + node.nodeId() + " with "
                    + node.liveNodes().size() + " member(s)");
            return node;
        });
    }

    /** The clustered Vert.x instance. */
    public Vertx vertx() {
        return vertx;
    }

    /** This node's id in the cluster. */
    public String nodeId() {
        return manager.getNodeId();
    }

    /** The ids of the members alive now, this one included, sorted. */
    public Set<String> liveNodes() {
        return new TreeSet<>(manager.getNodes());
    }

    /**
     * Calls {@code onChange} on a Vert.x context whenever a member joins or leaves (the cluster manager's own
     * node listener belongs to Vert.x, so this listens on Hazelcast directly).
     */
    public void onMembershipChange(Runnable onChange) {
        var context = vertx.getOrCreateContext();
        manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                context.runOnContext(v -> onChange.run());
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                context.runOnContext(v -> onChange.run());
            }
        });
    }

    /** Leaves the cluster and closes Vert.x. */
    public Future<Void> close() {
        return vertx.close();
    }
}
