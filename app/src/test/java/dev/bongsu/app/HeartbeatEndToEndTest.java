package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heartbeat check through the real server parts: a job pushes to the public port every half second and its
 * service is up; the pushes stop and an incident opens once period + grace have passed; a push resolves it.
 */
class HeartbeatEndToEndTest {
    private static final String TOKEN = "nightly-push-token-0123";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Vertx vertx;
    private ServerParts server;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close().await();
        }
        if (vertx != null) {
            vertx.close().await();
        }
    }

    @Test
    void missingHeartbeatsOpenAnIncidentAndAPushResolvesIt() throws Exception {
        BongsuConfig cfg = new ConfigLoader(Map.of("BACKUP_TOKEN", TOKEN)).parse("heartbeat.yaml", """
                http: {host: 127.0.0.1, port: 0}
                storage: {dir: '%s'}
                services:
                  - id: backup
                    name: Backup
                    provider: ops
                    category: jobs
                    checks:
                      - {type: heartbeat, name: nightly, period: 2s, grace: 1s, token: '${BACKUP_TOKEN}'}
                """.formatted(dataDir.toString().replace("'", "''")));
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        server = ServerParts.start(vertx, cfg, Clock.systemUTC()).await();

        AtomicInteger accepted = new AtomicInteger();
        long pusher = vertx.setPeriodic(0, 500, id -> push(accepted));
        await("the job pushed for a while and its service is up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> accepted.get() >= 6 && "up".equals(state("backup")) && openIncidents().isEmpty());
        vertx.cancelTimer(pusher);

        await("an incident opens after period + grace without a push").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> openIncidents().stream().anyMatch(i -> i.encode().contains("backup")));
        assertThat(state("backup")).isEqualTo("down");

        long again = vertx.setPeriodic(0, 500, id -> push(accepted));
        await("a push resolves it").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> openIncidents().isEmpty() && "up".equals(state("backup")));
        vertx.cancelTimer(again);
    }

    private void push(AtomicInteger accepted) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/push/backup.nightly?status=up"))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            if (r != null && r.statusCode() == 200) {
                accepted.incrementAndGet();
            }
        });
    }

    private String base() {
        return "http://127.0.0.1:" + server.http().actualPort();
    }

    private String state(String service) throws Exception {
        return get("/api/v1/status").getJsonArray("services").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("id").equals(service)).map(s -> s.getString("state")).findFirst().orElse(null);
    }

    private List<JsonObject> openIncidents() throws Exception {
        return get("/api/v1/incidents?state=open").getJsonArray("incidents").stream().map(JsonObject.class::cast).toList();
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }
}
