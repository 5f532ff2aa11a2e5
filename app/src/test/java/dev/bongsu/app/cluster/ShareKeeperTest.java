package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.ClusterConfig;
import dev.bongsu.model.config.TcpTarget;
import dev.bongsu.model.config.Thresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShareKeeperTest {
    private final List<ClusterNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(n -> n.close().await());
    }

    static List<CheckConfig> checks(int n) {
        return IntStream.range(0, n).mapToObj(i -> new CheckConfig("svc" + i + ".tcp", "tcp", "svc" + i, CheckType.TCP,
                Duration.ofSeconds(5), Duration.ofSeconds(1), true, new TcpTarget("127.0.0.1", 1),
                new Thresholds(null, null), Map.of())).toList();
    }

    @Test
    void twoNodesOfAVantageSplitTheChecksAndTheSurvivorTakesAllWhenOneLeaves() {
        int base = ClusterTestSupport.freePortBlock(3);
        ClusterConfig cfg = ClusterTestSupport.loopback(base, 3);
        List<CheckConfig> checks = checks(20);
        ClusterNode a = start(cfg);
        ClusterNode b = start(cfg);
        CopyOnWriteArrayList<List<CheckConfig>> aGot = new CopyOnWriteArrayList<>();
        CopyOnWriteArrayList<List<CheckConfig>> bGot = new CopyOnWriteArrayList<>();
        ShareKeeper ka = new ShareKeeper(a, new ProbeRoster(a), "seoul", checks, aGot::add, Duration.ofSeconds(2));
        ShareKeeper kb = new ShareKeeper(b, new ProbeRoster(b), "seoul", checks, bGot::add, Duration.ofSeconds(2));
        ka.start().await();
        kb.start().await();
        AssignmentsEndpoint endpoint = new AssignmentsEndpoint(a, new ProbeRoster(a), List.of("seoul"),
                checks.stream().map(CheckConfig::id).toList());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ka.share()).isNotEmpty();
            assertThat(kb.share()).isNotEmpty();
            List<String> all = new ArrayList<>(ka.share());
            all.addAll(kb.share());
            assertThat(all).containsExactlyInAnyOrderElementsOf(checks.stream().map(CheckConfig::id).toList());
        });
        assertThat(aGot.get(aGot.size() - 1)).extracting(CheckConfig::id).isEqualTo(ka.share());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var json = endpoint.collect().await();
            assertThat(json.getBoolean("exactlyOnce")).as(json.encodePrettily()).isTrue();
            assertThat(json.getJsonArray("vantages").getJsonObject(0).getJsonArray("nodes")).hasSize(2);
        });

        kb.stop().await();
        b.close().await();
        nodes.remove(b);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ka.share()).hasSize(20));
    }

    private ClusterNode start(ClusterConfig cfg) {
        ClusterNode n = ClusterNode.start(cfg).await();
        nodes.add(n);
        return n;
    }
}
