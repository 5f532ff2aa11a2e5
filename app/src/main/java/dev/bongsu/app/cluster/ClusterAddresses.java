package dev.bongsu.app.cluster;

/** Event-bus addresses used only between the nodes of a cluster. */
public final class ClusterAddresses {
    /** A probe node joined, left or announced itself (publish, no body): every probe node recomputes its share. */
    public static final String PROBE_NODES_CHANGED = "bongsu.cluster.probe-nodes-changed";
    /** Servers say they are alive once a second (publish, JSON {@code {node, active, configHash}}). */
    public static final String SERVER_HEARTBEAT = "bongsu.cluster.server-heartbeat";

    /**
     * A server reloaded its configuration (publish, JSON {@code {node, hash}}): every probe node reloads its own file,
     * so the cluster converges on the file deployed to every node.
     */
    public static final String CONFIG_RELOADED = "bongsu.cluster.config-reloaded";

    private ClusterAddresses() {
    }

    /** Where a probe node answers "which checks do you have?" (request/reply, JSON). */
    public static String assignments(String nodeId) {
        return "bongsu.cluster.assignments." + nodeId;
    }

    /** Where servers publish a change of one kind of shared record (JSON {@code {origin, record}}). */
    public static String sharedRecords(String kind) {
        return "bongsu.cluster.shared." + kind;
    }

    /** Where a server takes result batches from probe nodes (request/reply, {@code ResultBatch}). */
    public static String results(String serverNodeId) {
        return "bongsu.cluster.results." + serverNodeId;
    }
}
