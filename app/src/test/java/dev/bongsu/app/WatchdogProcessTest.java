package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.bongsu.alerting.notify.webhook.WebhookSignature;
import dev.bongsu.app.cluster.ClusterProcesses;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog as a dead man's switch sees it: {@code bongsu run} in its own JVM calls a receiver on 127.0.0.1
 * every second with a valid signature, and after {@code kill -9} the calls stop within one period.
 */
class WatchdogProcessTest {
    private static final String SECRET = "dead-mans-switch-secret";

    /** One call as received: arrival on the monotonic clock, body and signature header. */
    private record Call(long arrivedNanos, String body, String signature) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/alive", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(System.nanoTime(), new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Bongsu-Signature")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void signedAliveCallsArriveEverySecondAndStopWithinAPeriodOfKillMinus9(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("watchdog.yaml");
        Files.writeString(config, """
                http: {host: 127.0.0.1, port: %d}
                storage: {dir: '%s'}
                services:
                  - id: backup
                    name: Backup
                    provider: ops
                    category: jobs
                    checks:
                      - {type: heartbeat, period: 1h}
                watchdog:
                  url: http://127.0.0.1:%d/alive
                  secret: ${DMS_SECRET}
                  every: 1s
                  timeout: 1s
                """.formatted(FreePort.find(), dir.resolve("data").toString().replace("'", "''"), receiver.getAddress().getPort()),
                StandardCharsets.UTF_8);

        try (ClusterProcesses processes = new ClusterProcesses(dir)) {
            Process run = processes.start("run", Map.of("DMS_SECRET", SECRET), "run", "--config", config.toString());
            await("three alive calls").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        assertThat(run.isAlive()).as(() -> processes.allOutput()).isTrue();
                        return calls.size() >= 3;
                    });
            for (Call c : calls) {
                JsonObject body = new JsonObject(c.body());
                assertThat(body.getString("status")).isEqualTo("alive");
                assertThat(body.getString("node")).endsWith(":" + run.pid());
                assertThat(body.getLong("every")).isEqualTo(1L);
                assertThat(WebhookSignature.verify(c.signature(), c.body().getBytes(StandardCharsets.UTF_8), SECRET, Instant.now(),
                        Duration.ofMinutes(5))).as("signature of %s", c.body()).isTrue();
            }
            assertThat(processes.output("run")).contains("watchdog: first alive call delivered").doesNotContain(SECRET);

            run.destroyForcibly();
            assertThat(run.waitFor(20, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.nanoTime();
            // a call already on the wire at the kill may still land; none may start after it
            long allowance = TimeUnit.MILLISECONDS.toNanos(500);
            await("no alive call for two periods after kill -9").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                    .until(() -> calls.stream().noneMatch(c -> c.arrivedNanos() > killedAt + allowance));
        }
    }
}
