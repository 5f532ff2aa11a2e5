package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.app.cluster.ClusterProcesses;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented way to try a real configuration, as two processes: {@code bongsu simulate --print-config F} starts
 * the fleet and writes a configuration that checks it, and {@code bongsu run --config F} watches it until every
 * service is up.
 */
class SimulateAndRunProcessTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void runWatchesTheFleetThatSimulatePrintedAConfigurationFor(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("fleet.yaml");
        int httpPort = FreePort.find();
        try (ClusterProcesses processes = new ClusterProcesses(dir)) {
            processes.start("simulate", Map.of(), "simulate", "--base-port", "0", "--interval", "1s", "--timeout", "500ms",
                    "--print-config", config.toString());
            await("simulate wrote " + config).atMost(Duration.ofSeconds(60))
                    .until(() -> processes.output("simulate").contains("Press Ctrl-C"));
            Files.writeString(config, "\nhttp:\n  port: " + httpPort + "\nstorage:\n  dir: \"" + dir.resolve("data") + "\"\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

            processes.start("run", Map.of(), "run", "--config", config.toString());
            await("every simulated service up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(states(httpPort))
                            .as(() -> processes.allOutput())
                            .hasSize(8)
                            .allSatisfy(s -> assertThat(s.getString("state")).isEqualTo("up")));
            assertThat(processes.output("run")).doesNotContain("Exception", "\tat ");
        }
    }

    private java.util.List<JsonObject> states(int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/status"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(response.body()).getJsonArray("services").stream().map(JsonObject.class::cast).toList();
    }
}
