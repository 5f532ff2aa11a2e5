package dev.bongsu.model.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the nodes of a Bongsu cluster (probe nodes and servers) find each other. Join is always by TCP/IP to the
 * listed members; multicast is never used.
 *
 * @param name          cluster name; nodes join only a cluster of the same name
 * @param members       the addresses ({@code host:port}) where members may listen, ranges already expanded
 * @param host          the interface this node binds and announces for cluster membership
 * @param port          the first membership port this node tries
 * @param portRange     how many ports from {@code port} it tries (several nodes on one host take the next free one)
 * @param eventBus      the clustered event bus's own TCP endpoint
 * @param memberTimeout how long a silent member stays in the cluster before it is declared dead
 * @param bufferResults how many probe results a probe node keeps while no server is reachable
 */
public record ClusterConfig(
        String name,
        List<String> members,
        String host,
        int port,
        int portRange,
        EventBus eventBus,
        Duration memberTimeout,
        int bufferResults) {

    /** Default cluster name. */
    public static final String DEFAULT_NAME = "bongsu";
    /** Default membership port (Hazelcast's). */
    public static final int DEFAULT_PORT = 5701;

    public ClusterConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(eventBus, "eventBus");
        Objects.requireNonNull(memberTimeout, "memberTimeout");
        members = List.copyOf(members);
    }

    /** The settings used when the config has no {@code cluster} section: one node on loopback. */
    public static ClusterConfig defaults() {
        return new ClusterConfig(DEFAULT_NAME, List.of("127.0.0.1:" + DEFAULT_PORT), "127.0.0.1", DEFAULT_PORT, 1,
                new EventBus("127.0.0.1", 0, null), Duration.ofSeconds(5), 100_000);
    }

    /**
     * The clustered event bus's endpoint: other nodes open TCP connections to it to deliver messages.
     *
     * @param host       the interface it binds
     * @param port       its port, 0 for any free port
     * @param publicHost the address other nodes use to reach it (behind NAT), or {@code null} for {@code host}
     */
    public record EventBus(String host, int port, String publicHost) {
        public EventBus {
            Objects.requireNonNull(host, "host");
        }

        /** The address other nodes connect to. */
        public String advertisedHost() {
            return publicHost == null ? host : publicHost;
        }
    }
}
