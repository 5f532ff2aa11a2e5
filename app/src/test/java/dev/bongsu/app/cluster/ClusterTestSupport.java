package dev.bongsu.app.cluster;

import dev.bongsu.model.config.ClusterConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback cluster settings for tests: a block of free ports picked at random, so parallel builds do not meet. */
final class ClusterTestSupport {
    private ClusterTestSupport() {
    }

    /** The first of {@code count} consecutive ports that are free on 127.0.0.1 now. */
    static int freePortBlock(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no block of " + count + " free ports found on 127.0.0.1");
    }

    private static boolean allFree(int base, int count) {
        for (int p = base; p < base + count; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** A loopback cluster of up to {@code size} members on ports from {@code base}, with a unique name. */
    static ClusterConfig loopback(int base, int size) {
        List<String> members = new java.util.ArrayList<>();
        for (int p = base; p < base + size; p++) {
            members.add("127.0.0.1:" + p);
        }
        return new ClusterConfig("test-" + base, members, "127.0.0.1", base, size,
                new ClusterConfig.EventBus("127.0.0.1", 0, null), Duration.ofSeconds(3), 1000);
    }
}
