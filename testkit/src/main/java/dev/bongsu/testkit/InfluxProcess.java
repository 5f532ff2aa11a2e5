package dev.bongsu.testkit;

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
 * A private {@code influxd} for tests: its own temporary directory, free loopback ports for HTTP and for the
 * RPC bind address, reporting disabled. Can be killed and started again on the same ports and data.
 */
public final class InfluxProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final int httpPort;
    private final int rpcPort;
    private final Path config;
    private Process process;

    private InfluxProcess(Path dir, int httpPort, int rpcPort) throws IOException {
        this.dir = dir;
        this.httpPort = httpPort;
        this.rpcPort = rpcPort;
        this.config = dir.resolve("influxdb.conf");
        Files.writeString(config, toml(), StandardCharsets.UTF_8);
    }

    /** Starts a fresh influxd in a new directory under {@code parent}; fails naming how to install it when missing. */
    public static InfluxProcess start(Path parent) throws IOException, InterruptedException {
        Tools.onPath("influxdb", "influxd");
        InfluxProcess p = new InfluxProcess(Files.createTempDirectory(parent, "influxd"), Tools.freeLoopbackPort(), Tools.freeLoopbackPort());
        p.startAgain();
        return p;
    }

    /** Starts influxd (again) on the same ports and data directory and waits until it answers /ping. */
    public void startAgain() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("influxd is already running");
        }
        process = new ProcessBuilder(Tools.onPath("influxdb", "influxd"), "-config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log").toFile()))
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("influxd exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 204) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet: wait on the process rather than sleeping.
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        throw new AssertionError("influxd did not answer /ping within " + START_TIMEOUT + ": " + log());
    }

    /** Kills influxd at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The HTTP API base URL. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The directory holding the configuration, data and log. */
    public Path dir() {
        return dir;
    }

    private String log() throws IOException {
        Path log = dir.resolve("influxd.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    private String toml() {
        String d = dir.toAbsolutePath().toString();
        return """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                  logging-enabled = false
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                  trace-logging-enabled = false
                  # Compact soon after writes stop, so a test can measure the bytes a point really takes.
                  cache-snapshot-write-cold-duration = "1s"
                  compact-full-write-cold-duration = "2s"
                [coordinator]
                  log-queries-after = "0s"
                [retention]
                  enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%d"
                  auth-enabled = false
                  log-enabled = false
                  write-tracing = false
                  pprof-enabled = false
                [logging]
                  level = "warn"
                [subscriber]
                  enabled = false
                [continuous_queries]
                  enabled = false
                """.formatted(rpcPort, d, d, d, httpPort);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
