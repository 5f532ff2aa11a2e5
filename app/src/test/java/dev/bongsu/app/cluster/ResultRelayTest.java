package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.config.ClusterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResultRelayTest {
    private final List<ClusterNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(n -> n.close().await());
    }

    @Test
    void resultsWaitForAServerAndArriveOnceWithTheirProbeTimes() {
        ClusterConfig cfg = ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(3), 3);
        ClusterNode probe = start(cfg);
        ClusterNode server = start(cfg);
        List<Long> arrived = new CopyOnWriteArrayList<>();
        server.vertx().eventBus().<ResultBatch>consumer(Addresses.RESULTS,
                m -> m.body().results().forEach(r -> arrived.add(r.startedAt()))).completion().await();
        ResultRelay relay = new ResultRelay(probe, new ResultBuffer(1000), System::currentTimeMillis);
        relay.start().await();
        relay.interceptResults();
        new ResultIntake(server).start().await();

        publish(probe, 0, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.stats().getInteger("bufferedNow") == 5);
        ServerBeacon beacon = new ServerBeacon(server, () -> true);
        beacon.start().await();

        await().atMost(Duration.ofSeconds(10)).until(() -> arrived.size() == 5);
        publish(probe, 5, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> arrived.size() == 10);

        beacon.stop().await();
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.liveServersCount() == 0);
        publish(probe, 10, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.stats().getInteger("bufferedNow") == 5);
        beacon.start().await();

        await().atMost(Duration.ofSeconds(10)).until(() -> arrived.size() == 15);
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(0, 15).map(i -> 1_000L * i).boxed().toList());
        assertThat(relay.stats().getLong("droppedTotal")).isZero();
    }

    private static void publish(ClusterNode probe, int from, int count) {
        ResultBatch b = ResultBufferTest.batch("seoul", from, count);
        probe.vertx().runOnContext(v -> probe.vertx().eventBus().publish(Addresses.RESULTS, b));
    }

    private ClusterNode start(ClusterConfig cfg) {
        ClusterNode n = ClusterNode.start(cfg).await();
        nodes.add(n);
        return n;
    }
}
