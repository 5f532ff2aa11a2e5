package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two probe nodes of one vantage in their own JVMs share its checks exactly once, and one re-covers a killed one. */
class ProbeNodesProcessTest {
    @TempDir
    Path dir;

    @Test
    void twoProbeNodesShareTheChecksAndTheSurvivorTakesAllWithinTenSecondsOfAKill() throws Exception {
        int base = ClusterTestSupport.freePortBlock(6);
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, ClusterYaml.cluster(base, 6) + ClusterYaml.vantages(List.of("seoul"))
                + ClusterYaml.unreachableServices(12));
        BongsuConfig cfg = new ConfigLoader(Map.of()).load(file);

        try (ClusterProcesses procs = new ClusterProcesses(dir)) {
            procs.start("probe-a", Map.of(), "probe", "--config", file.toString(), "--vantage", "seoul");
            procs.start("probe-b", Map.of(), "probe", "--config", file.toString(), "--vantage", "seoul");
            ClusterNode observer = ClusterNode.start(cfg.cluster()).await();
            try {
                AssignmentsEndpoint assignments = AssignmentsEndpoint.forConfig(observer, new ProbeRoster(observer), cfg);

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertCoverage(assignments.collect().await(), 2, procs));

                procs.kill("probe-b");

                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertCoverage(assignments.collect().await(), 1, procs));
                assertThat(procs.output("probe-a")).contains("rebalance: vantage seoul node").contains("probes 12 of 12 checks");
            } finally {
                observer.close().await();
            }
        }
    }

    private static void assertCoverage(JsonObject json, int nodes, ClusterProcesses procs) {
        JsonObject seoul = json.getJsonArray("vantages").getJsonObject(0);
        assertThat(seoul.getJsonArray("nodes")).as(json.encodePrettily() + "\n" + procs.allOutput()).hasSize(nodes);
        assertThat(json.getBoolean("exactlyOnce")).as(json.encodePrettily()).isTrue();
    }
}
