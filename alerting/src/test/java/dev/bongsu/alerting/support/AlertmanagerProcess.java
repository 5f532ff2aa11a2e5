package dev.bongsu.alerting.support;

import dev.bongsu.testkit.Tools;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A private Prometheus Alertmanager for tests: its own temporary directory and configuration, a free loopback
 * port, clustering off, and one webhook receiver (all alerts grouped by {@code incident_id}).
 */
public final class AlertmanagerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final String[] NAMES = {"prometheus-alertmanager", "alertmanager"};

    private final Path dir;
    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AlertmanagerProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts Alertmanager in a new directory under {@code parent}, notifying {@code webhookUrl}; waits until it is ready. */
    public static AlertmanagerProcess start(Path parent, String webhookUrl) throws IOException, InterruptedException {
        String exe = Tools.onPath("prometheus-alertmanager", NAMES);
        Path dir = Files.createTempDirectory(parent, "alertmanager");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: hook
                  group_by: [incident_id]
                  group_wait: 100ms
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: hook
                    webhook_configs:
                      - url: "%s"
                        send_resolved: true
                """.formatted(webhookUrl), StandardCharsets.UTF_8);
        int port = Tools.freeLoopbackPort();
        Process p = new ProcessBuilder(exe, "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("alertmanager.log").toFile()))
                .start();
        AlertmanagerProcess am = new AlertmanagerProcess(dir, port, p);
        am.awaitReady();
        return am;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("alertmanager exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet: wait on the process rather than sleeping.
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("alertmanager was not ready within " + START_TIMEOUT + ": " + log());
    }

    /** GETs a path of the API; the answer's body as text. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Its log so far. */
    public String log() throws IOException {
        Path log = dir.resolve("alertmanager.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
