package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.config.ClusterConfig;
import dev.bongsu.probes.FrameHeaders;
import dev.bongsu.probes.ProbeClock;
import dev.bongsu.probes.WallFrame;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
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
        ResultRelay relay = new ResultRelay(probe, new ResultBuffer(1000));
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

    @Test
    void aServerIsJudgedByTheAgeOfItsHeartbeatOnTheMonotonicClockAndBatchesCarryTheWallClock() {
        long epoch = 1_767_225_600_000L;
        ClusterNode probe = start(ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(1), 1));
        List<String> sentAt = new CopyOnWriteArrayList<>();
        probe.vertx().eventBus().<ResultBatch>consumer(ClusterAddresses.results("server-a"), m -> {
            sentAt.add(m.headers().get(ResultRelay.SENT_AT_HEADER));
            m.reply(null);
        }).completion().await();
        AtomicLong wall = new AtomicLong(epoch);
        AtomicLong monotonic = new AtomicLong();
        ResultRelay relay = new ResultRelay(probe, new ResultBuffer(1000), ProbeClock.of(wall::get, monotonic::get));
        relay.start().await();
        relay.interceptResults();
        heartbeat(probe, "server-a");
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.liveServersCount() == 1);

        // the wall clock jumps 1 h ahead: the heartbeat just received is still fresh; the batch says when it was sent
        wall.addAndGet(3_600_000);
        assertThat(relay.liveServersCount()).isEqualTo(1);
        publish(probe, 0, 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> sentAt.size() == 1);
        assertThat(sentAt.get(0)).isEqualTo(Long.toString(epoch + 3_600_000));

        // 1 h behind, and no heartbeat for longer than the silence limit: the server is gone, results wait
        wall.addAndGet(-7_200_000);
        monotonic.addAndGet(ResultRelay.SERVER_SILENCE_MS + 1);
        assertThat(relay.liveServersCount()).isZero();
        publish(probe, 3, 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.stats().getInteger("bufferedNow") == 3);
        assertThat(sentAt).hasSize(1);

        // its next heartbeat brings it back, and the waiting results go out
        heartbeat(probe, "server-a");
        await().atMost(Duration.ofSeconds(5)).until(() -> sentAt.size() == 2);
        assertThat(sentAt.get(1)).isEqualTo(Long.toString(epoch - 3_600_000));
        assertThat(relay.stats().getInteger("bufferedNow")).isZero();
    }

    @Test
    void eachBatchIsSentAtATimeInTheWallClockFrameItsResultsWereStampedInEvenWhenTheClockWasSetRightSince() {
        long epoch = 1_767_225_600_000L;
        long hour = 3_600_000L;
        ClusterNode probe = start(ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(1), 1));
        List<String> sentAt = new CopyOnWriteArrayList<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        probe.vertx().eventBus().<ResultBatch>consumer(ClusterAddresses.results("server-a"), m -> {
            sentAt.add(m.headers().get(ResultRelay.SENT_AT_HEADER));
            sizes.add(m.body().results().size());
            m.reply(null);
        }).completion().await();
        AtomicLong wall = new AtomicLong(epoch);
        AtomicLong monotonic = new AtomicLong(10_000);
        ResultRelay relay = new ResultRelay(probe, new ResultBuffer(1000), ProbeClock.of(wall::get, monotonic::get));
        relay.start().await();
        relay.interceptResults();
        heartbeat(probe, "server-a");
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.liveServersCount() == 1);

        // flushed while the wall clock was 1 h behind; the clock is set right 50 ms later, before the relay sends it
        WallFrame behind = new WallFrame(epoch - hour, 10_000);
        wall.set(epoch + 50);
        monotonic.addAndGet(50);
        publish(probe, 0, 3, behind);
        await().atMost(Duration.ofSeconds(5)).until(() -> sentAt.size() == 1);
        assertThat(sentAt.get(0)).isEqualTo(Long.toString(epoch - hour + 50));

        // no server for a while: a batch of the old frame and one of the new frame wait in the buffer
        monotonic.addAndGet(ResultRelay.SERVER_SILENCE_MS + 1);
        WallFrame right = WallFrame.now(ProbeClock.of(wall::get, monotonic::get));
        probe.vertx().runOnContext(v -> { // one after the other, in this order
            probe.vertx().eventBus().publish(Addresses.RESULTS, ResultBufferTest.batch("busan", 3, 2), FrameHeaders.options(behind));
            probe.vertx().eventBus().publish(Addresses.RESULTS, ResultBufferTest.batch("busan", 5, 4), FrameHeaders.options(right));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.stats().getInteger("bufferedNow") == 6);
        monotonic.addAndGet(20_000);
        wall.addAndGet(20_000);
        heartbeat(probe, "server-a");

        // each goes out alone, with its own frame's time
        await().atMost(Duration.ofSeconds(5)).until(() -> sentAt.size() == 3);
        long now = monotonic.get();
        assertThat(sizes).containsExactly(3, 2, 4);
        assertThat(sentAt.subList(1, 3)).containsExactly(Long.toString(behind.wallAt(now)), Long.toString(wall.get()));
    }

    private static void heartbeat(ClusterNode node, String server) {
        node.vertx().eventBus().publish(ClusterAddresses.SERVER_HEARTBEAT, new JsonObject().put("node", server).put("active", true));
    }

    private static void publish(ClusterNode probe, int from, int count) {
        ResultBatch b = ResultBufferTest.batch("seoul", from, count);
        probe.vertx().runOnContext(v -> probe.vertx().eventBus().publish(Addresses.RESULTS, b));
    }

    private static void publish(ClusterNode probe, int from, int count, WallFrame frame) {
        ResultBatch b = ResultBufferTest.batch("busan", from, count);
        probe.vertx().runOnContext(v -> probe.vertx().eventBus().publish(Addresses.RESULTS, b, FrameHeaders.options(frame)));
    }

    private ClusterNode start(ClusterConfig cfg) {
        ClusterNode n = ClusterNode.start(cfg).await();
        nodes.add(n);
        return n;
    }
}
