package dev.bongsu.app.cluster;

import io.vertx.core.Future;
import io.vertx.core.shareddata.AsyncMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cluster-wide list of probe nodes and the vantage each probes from, kept in a Hazelcast-backed map; an entry
 * counts only while its node is a live cluster member, so a killed node drops out when the cluster notices.
 */
public final class ProbeRoster {
    /** Name of the cluster map: node id → vantage. */
    public static final String MAP = "bongsu.probe-nodes";

    private final ClusterNode node;

    /** A roster seen from {@code node}. */
    public ProbeRoster(ClusterNode node) {
        this.node = node;
    }

    /** Records that this node probes from {@code vantage}. */
    public Future<Void> announce(String vantage) {
        return map().compose(m -> m.put(node.nodeId(), vantage));
    }

    /** Removes this node (on a clean shutdown). */
    public Future<Void> withdraw() {
        return map().compose(m -> m.remove(node.nodeId())).mapEmpty();
    }

    /** The live probe nodes, node id → vantage, sorted by id; entries of dead nodes are removed on the way. */
    public Future<Map<String, String>> liveProbeNodes() {
        return map().compose(m -> m.entries().compose(all -> {
            Set<String> live = node.liveNodes();
            Map<String, String> out = new TreeMap<>();
            Future<Void> cleanup = Future.succeededFuture();
            for (Map.Entry<String, String> e : all.entrySet()) {
                if (live.contains(e.getKey())) {
                    out.put(e.getKey(), e.getValue());
                } else {
                    String dead = e.getKey();
                    cleanup = cleanup.compose(v -> m.remove(dead).mapEmpty());
                }
            }
            return cleanup.map(v -> out);
        }));
    }

    private Future<AsyncMap<String, String>> map() {
        return node.vertx().sharedData().getAsyncMap(MAP);
    }
}
