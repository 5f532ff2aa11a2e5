package dev.bongsu.app.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.JoinConfig;
import dev.bongsu.model.config.ClusterConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Builds the Hazelcast member configuration of a Bongsu node from its {@link ClusterConfig}: TCP/IP join to the
 * listed members, never multicast, bound to one interface, no phone-home, few threads (probe nodes run on small
 * machines) and fast failure detection, so a killed member is noticed within {@code memberTimeout}.
 */
public final class HazelcastSettings {
    /** Seconds between member heartbeats. */
    static final int HEARTBEAT_SECONDS = 1;

    private HazelcastSettings() {
    }

    /** The Hazelcast configuration for this node. */
    public static Config from(ClusterConfig c) {
        Config hz = new Config();
        hz.setClusterName(c.name());
        hz.setInstanceName("bongsu-" + c.name() + "-" + Long.toHexString(System.nanoTime()));
        network(hz.getNetworkConfig(), c);
        properties(hz, c);
        vertxStructures(hz);
        return hz;
    }

    private static void network(NetworkConfig net, ClusterConfig c) {
        net.setPort(c.port());
        net.setPortAutoIncrement(c.portRange() > 1);
        net.setPortCount(c.portRange());
        net.setReuseAddress(true);
        String ip = ipOf(c.host());
        if (!"0.0.0.0".equals(ip)) {
            net.getInterfaces().setEnabled(true).addInterface(ip);
        }
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(5).setMembers(c.members());
    }

    private static void properties(Config hz, ClusterConfig c) {
        long timeout = Math.max(2, c.memberTimeout().toSeconds());
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "jdk");
        hz.setProperty("hazelcast.shutdownhook.enabled", "false");
        hz.setProperty("hazelcast.socket.bind.any", "0.0.0.0".equals(ipOf(c.host())) ? "true" : "false");
        hz.setProperty("hazelcast.heartbeat.interval.seconds", Integer.toString(HEARTBEAT_SECONDS));
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(timeout));
        hz.setProperty("hazelcast.heartbeat.failuredetector.type", "deadline");
        // A short wait before joining keeps start-up fast; the merge delays below heal the rare split of nodes that
        // started at the same instant (or could not reach the master in time on a busy machine).
        hz.setProperty("hazelcast.wait.seconds.before.join", "2");
        hz.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        hz.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        hz.setProperty("hazelcast.member.list.publish.interval.seconds", "10");
        hz.setProperty("hazelcast.partition.count", "71");
        hz.setProperty("hazelcast.partition.operation.thread.count", "2");
        hz.setProperty("hazelcast.operation.generic.thread.count", "2");
        hz.setProperty("hazelcast.operation.priority.generic.thread.count", "1");
        hz.setProperty("hazelcast.io.thread.count", "2");
        hz.setProperty("hazelcast.event.thread.count", "2");
        hz.setProperty("hazelcast.client.engine.thread.count", "1");
        hz.setProperty("hazelcast.health.monitoring.level", "OFF");
        hz.setProperty("hazelcast.integrity-checker.enabled", "false");
    }

    // The data structures vertx-hazelcast expects (the same as its default-cluster.xml).
    private static void vertxStructures(Config hz) {
        hz.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        hz.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        hz.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    }

    private static String ipOf(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cluster.host: cannot resolve '" + host + "'", e);
        }
    }
}
