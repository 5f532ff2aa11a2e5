package dev.bongsu.testkit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

/**
 * A private Prometheus server for tests: its own temporary configuration and storage directory, a free loopback
 * port, scraping one target every second.
 */
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

    /**
     * Starts Prometheus in a new directory under {@code parent}, scraping {@code target} ({@code host:port}, path
     * /metrics) every second, and waits until it is ready; fails naming the Debian package when it is not installed.
     */
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
        try {
            prometheus.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited: " + log());
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
        throw new AssertionError("prometheus not ready within 30 s: " + log());
    }

    /** Runs an instant PromQL query; returns the JSON answer as it came. */
    public String query(String promql) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Runs an instant PromQL query and returns its {@code data.result}; fails with Prometheus's answer if it is not a success. */
    public JsonArray result(String promql) throws IOException, InterruptedException {
        String answer = query(promql);
        JsonObject json = new JsonObject(answer);
        if (!"success".equals(json.getString("status"))) {
            throw new AssertionError("prometheus refused " + promql + ": " + answer);
        }
        return json.getJsonObject("data").getJsonArray("result");
    }

    /** The HTTP API base URL. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What Prometheus logged (warnings and errors), for failure messages. */
    public String log() throws IOException {
        Path log = dir.resolve("prometheus.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
