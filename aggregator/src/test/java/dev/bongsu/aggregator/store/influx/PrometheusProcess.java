package dev.bongsu.aggregator.store.influx;

import dev.bongsu.testkit.Tools;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A private Prometheus server for tests, scraping one target every second, on a free loopback port. */
public final class PrometheusProcess implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts Prometheus scraping {@code target} ({@code host:port}, path /metrics); fails naming how to install it. */
    public static PrometheusProcess start(Path parent, String target) throws IOException, InterruptedException {
        String exe = Tools.onPath("prometheus", "prometheus");
        Path dir = Files.createTempDirectory(parent, "prometheus");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: bongsu
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        int port = Tools.freeLoopbackPort();
        Process p = new ProcessBuilder(exe, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(dir, port, p);
        prometheus.awaitReady();
        return prometheus;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("prometheus not ready within 30 s: " + Files.readString(dir.resolve("prometheus.log")));
    }

    /** Runs an instant PromQL query; returns the JSON answer. */
    public String query(String promql) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
