package dev.bongsu.bench.cluster;

import com.sun.management.OperatingSystemMXBean;
import dev.bongsu.app.cluster.ClusterNode;
import dev.bongsu.app.cluster.ResultBuffer;
import dev.bongsu.app.cluster.ResultIntake;
import dev.bongsu.app.cluster.ResultRelay;
import dev.bongsu.app.cluster.ServerBeacon;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.ClusterConfig;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Results per second through the clustered event bus from a probe node to a server: two cluster members (Hazelcast
 * plus the clustered event bus over TCP on loopback, in this one JVM), the probe node's {@link ResultRelay}
 * (request/reply per batch) and the server's {@link ResultIntake}, which republishes every batch to a local
 * consumer that counts it. The producer keeps at most {@code window} batches unacknowledged.
 *
 * <p>Usage: {@code ClusterThroughputBench [seconds=10] [batchSize=500] [window=32]}; prints one line of figures.
 */
public final class ClusterThroughputBench {
    private ClusterThroughputBench() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int base = freePorts(4);
        ClusterConfig cfg = new ClusterConfig("bench-" + base, List.of("127.0.0.1:" + base, "127.0.0.1:" + (base + 1),
                "127.0.0.1:" + (base + 2)), "127.0.0.1", base, 3, new ClusterConfig.EventBus("127.0.0.1", 0, null),
                Duration.ofSeconds(5), 1_000_000);

        ClusterNode server = ClusterNode.start(cfg).await();
        ClusterNode probe = ClusterNode.start(cfg).await();
        AtomicLong received = new AtomicLong();
        server.vertx().eventBus().<ResultBatch>localConsumer(Addresses.RESULTS, m -> received.addAndGet(m.body().results().size()))
                .completion().await();
        new ResultIntake(server).start().await();
        new ServerBeacon(server, () -> true).start().await();
        ResultRelay relay = new ResultRelay(probe, new ResultBuffer(1_000_000));
        relay.start().await();
        relay.interceptResults();
        Thread.sleep(2_500); // the server's heartbeat (every second) must reach the relay first

        ResultBatch batch = batch(batchSize);
        AtomicLong sent = new AtomicLong();
        probe.vertx().setPeriodic(1, t -> {
            while ((sent.get() - received.get()) / batchSize < window) {
                sent.addAndGet(batchSize);
                probe.vertx().eventBus().publish(Addresses.RESULTS, batch);
            }
        });

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(3_000);
        long r0 = received.get();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long r1 = received.get();
        long cpu1 = os.getProcessCpuTime();
        long t1 = System.nanoTime();

        double wall = (t1 - t0) / 1e9;
        double perSecond = (r1 - r0) / wall;
        double cpuMsPer1000 = (cpu1 - cpu0) / 1e6 / ((r1 - r0) / 1000.0);
        System.out.printf(Locale.ROOT, "batchSize=%d window=%d seconds=%.1f results=%d results/s=%.0f batches/s=%.0f "
                        + "cpu-ms-per-1000-results=%.1f (both members) buffered=%d dropped=%d%n",
                batchSize, window, wall, r1 - r0, perSecond, perSecond / batchSize, cpuMsPer1000,
                relay.stats().getLong("bufferedTotal"), relay.stats().getLong("droppedTotal"));
        probe.close().await();
        server.close().await();
        System.exit(0);
    }

    private static ResultBatch batch(int size) {
        List<ProbeResult> results = new ArrayList<>(size);
        long now = System.currentTimeMillis();
        for (int i = 0; i < size; i++) {
            String service = "service" + (i % 100);
            results.add(i % 10 == 0
                    ? ProbeResult.failure(service + ".http", service, "seoul-kt", now + i, ErrorClass.CONNECT_REFUSED, 0,
                            new Timings(0.4, Timings.NOT_MEASURED, Timings.NOT_MEASURED, Timings.NOT_MEASURED, 0.6),
                            "connection refused")
                    : ProbeResult.success(service + ".http", service, "seoul-kt", now + i, 200, new Timings(0.4, 0.3, 2.1, 14.2, 15.0)));
        }
        return new ResultBatch("seoul-kt", results);
    }

    private static int freePorts(int count) throws Exception {
        for (int base = 27_000; base < 40_000; base += count) {
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(true);
                } catch (java.io.IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports");
    }
}
