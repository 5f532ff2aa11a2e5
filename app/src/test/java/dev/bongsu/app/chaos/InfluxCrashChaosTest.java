package dev.bongsu.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.app.cluster.ClusterProcesses;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.testkit.InfluxProcess;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of influxd for about 10 s while a server stores the results of a probe node: once influxd is
 * back on the same directory and port and the probe node has stopped, InfluxDB holds exactly as many results as
 * the server received.
 */
class InfluxCrashChaosTest {
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void noProbeResultIsLostWhileInfluxdIsKilledAndRestarted() throws Exception {
        Vertx vertx = Vertx.vertx();
        RunningFleet fleet = ChaosRig.startFleet(vertx);
        InfluxProcess influx = InfluxProcess.start(dir);
        Path config = dir.resolve("bongsu.yaml");
        Files.writeString(config, fleet.configYaml(Duration.ofMillis(100), Duration.ofMillis(90)) + """
                http: {host: 127.0.0.1, port: 0}
                """ + ChaosRig.ADMIN_YAML + """
                vantages: [seoul]
                storage:
                  dir: "%s"
                  timeSeries: influx
                  influx: {url: "%s", database: bongsu, flushInterval: 200ms, batchSize: 100, memoryBufferPoints: 1000}
                """.formatted(dir.resolve("data"), influx.url()) + ChaosRig.clusterYaml(4));
        try (ClusterProcesses procs = new ClusterProcesses(dir)) {
            try {
                procs.start("server", Map.of(), "server", "--config", config.toString());
                int port = ChaosRig.httpPort(procs, "server", Duration.ofSeconds(120));
                Process probe = procs.start("probe-seoul", Map.of(), "probe", "--config", config.toString(), "--vantage", "seoul");
                await("results reach InfluxDB").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> influxCount(influx) >= 100);

                influx.kill();
                long killedAt = System.nanoTime();
                double receivedAtKill = metric(port, "bongsu_results_ingested_total");
                await("influxd down for " + OUTAGE + ", and the server sees it").atMost(OUTAGE.plusSeconds(30))
                        .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> System.nanoTime() - killedAt >= OUTAGE.toNanos() && metric(port, "bongsu_store_up") == 0);
                double receivedDuringOutage = metric(port, "bongsu_results_ingested_total") - receivedAtKill;
                double spooled = metric(port, "bongsu_store_queue_points");
                influx.startAgain();
                long restartedAt = System.nanoTime();
                await("the server writes again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> metric(port, "bongsu_store_up") == 1 && metric(port, "bongsu_store_queue_points") < 100);
                long recoveredMs = (System.nanoTime() - restartedAt) / 1_000_000;

                probe.destroy();
                assertThat(probe.waitFor(30, TimeUnit.SECONDS)).as("probe node stops on SIGTERM").isTrue();
                double[] received = {-1};
                await("the server receives nothing more").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                        .ignoreExceptions().until(() -> {
                            double now = metric(port, "bongsu_results_ingested_total");
                            boolean stable = now == received[0];
                            received[0] = now;
                            return stable;
                        });
                long expected = (long) received[0];
                await("InfluxDB holds every received result").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> influxCount(influx) >= expected);
                long stored = influxCount(influx);
                assertThat(stored).as("results in InfluxDB vs. received by the server").isEqualTo(expected);
                assertThat(metric(port, "bongsu_store_dropped_points_total")).isZero();
                System.out.printf("chaos influxd kill-9: %d results received, %d in InfluxDB (0 lost); %.0f received during the %d s "
                        + "outage, %.0f points buffered (memory and disk spool) at restart, caught up %d ms after influxd restarted%n", expected, stored,
                        receivedDuringOutage, OUTAGE.toSeconds(), spooled, recoveredMs);
            } catch (AssertionError | RuntimeException e) {
                System.out.println(procs.allOutput());
                throw e;
            }
        } finally {
            influx.close();
            fleet.stop().await();
            vertx.close().await();
        }
    }

    private double metric(int port, String name) throws Exception {
        return ChaosRig.metric(ChaosRig.get(port, "/metrics"), name, "");
    }

    /** Raw probe results stored in InfluxDB. */
    private long influxCount(InfluxProcess influx) throws Exception {
        String q = URLEncoder.encode("SELECT count(\"latency_ms\") FROM \"raw\".\"probe\"", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(influx.url() + "/query?db=bongsu&q=" + q))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonArray series = new JsonObject(r.body()).getJsonArray("results").getJsonObject(0).getJsonArray("series");
        return series == null ? 0 : series.getJsonObject(0).getJsonArray("values").getJsonArray(0).getLong(1);
    }
}
