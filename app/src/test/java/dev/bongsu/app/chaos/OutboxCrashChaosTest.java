package dev.bongsu.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.app.cluster.ClusterProcesses;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import dev.bongsu.simulator.RunningFleet;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server during a fire while the webhook receiver answers 503: after the receiver comes back
 * and the server restarts on the same data directory, every notification the outbox held is delivered exactly once.
 */
class OutboxCrashChaosTest {
    @TempDir
    Path dir;

    private Vertx vertx;
    private final List<JsonObject> deliveries = new CopyOnWriteArrayList<>();
    private volatile boolean receiverUp;
    private volatile int refused;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() {
        vertx.close().await();
    }

    @Test
    void everyPendingNotificationIsDeliveredExactlyOnceAfterKill9AndRestart() throws Exception {
        RunningFleet fleet = ChaosRig.startFleet(vertx);
        HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            if (!receiverUp) {
                refused++;
                req.response().setStatusCode(503).end("down for maintenance");
                return;
            }
            JsonObject json = body.toJsonObject();
            if (json.getString("idempotencyKey") == null) {
                json.put("idempotencyKey", req.getHeader("Idempotency-Key"));
            }
            deliveries.add(json);
            req.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").await();
        Path data = dir.resolve("data");
        Path config = dir.resolve("bongsu.yaml");
        Files.writeString(config, fleet.configYaml(Duration.ofSeconds(1), Duration.ofMillis(700)) + """
                http: {host: 127.0.0.1, port: 0}
                """ + ChaosRig.ADMIN_YAML + """
                storage: {dir: "%s"}
                detector: {failuresToDown: 2, successesToUp: 2, correlationWindow: 5s}
                alerting:
                  receivers:
                    - {name: oncall, type: webhook, url: "http://127.0.0.1:%d/hook"}
                  defaultReceivers: [oncall]
                  groupWait: 0s
                  outbox: {initialBackoff: 200ms, maxBackoff: 1s}
                """.formatted(data, receiver.actualPort()));

        try (ClusterProcesses procs = new ClusterProcesses(dir)) {
            try {
                Process first = procs.start("server", Map.of(), "run", "--config", config.toString());
                int port = ChaosRig.httpPort(procs, "server", Duration.ofSeconds(90));
                await("every simulated service up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> allUp(port));

                fleet.inject(Target.datacenter("pangyo", "kakao"), Fault.REFUSE).await();
                await("the fire's page waits in the outbox, refused by the receiver").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> refused >= 2 && ChaosRig.metric(ChaosRig.get(port, "/metrics"), "bongsu_notifications_pending", "") >= 1);
                first.destroyForcibly();
                assertThat(first.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

                Map<String, String> pendingBeforeKill = pendingRows(data.resolve("outbox.db"));
                assertThat(pendingBeforeKill).as("pending rows in outbox.db after kill -9").isNotEmpty();
                receiverUp = true;
                long restartedAt = System.nanoTime();
                procs.start("server-restarted", Map.of(), "run", "--config", config.toString());
                await("every notification pending at the kill delivered").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> deliveredKeys().containsAll(pendingBeforeKill.keySet()));
                long deliveredMs = (System.nanoTime() - restartedAt) / 1_000_000;
                await("nothing delivered twice").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                        .until(() -> duplicates().isEmpty());
                List<JsonObject> opened = deliveries.stream().filter(d -> "incident.opened".equals(d.getString("event"))).toList();
                Set<String> openedIncidents = opened.stream().map(d -> d.getJsonObject("incident").getString("id"))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(opened).as("one 'opened' per incident, the fire not paged again after the restart")
                        .hasSameSizeAs(openedIncidents);
                assertThat(openedIncidents).as("incidents opened after the restart that were not open before the kill")
                        .isSubsetOf(pendingBeforeKill.values());
                System.out.printf("chaos kill-9 outbox: %d notification(s) pending at kill -9 (%d refused attempts), %d delivered after "
                        + "restart in %d ms, 0 duplicates, 0 missing%n", pendingBeforeKill.size(), refused, deliveries.size(), deliveredMs);
            } catch (AssertionError | RuntimeException e) {
                System.out.println("deliveries: " + deliveries + "\n" + procs.allOutput());
                throw e;
            }
        } finally {
            fleet.stop().await();
        }
    }

    /** Pending rows of outbox.db (the dead process's file), idempotency key → incident id. */
    private static Map<String, String> pendingRows(Path outbox) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + outbox);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT idem_key, incident_id FROM notifications WHERE status='pending'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private Set<String> deliveredKeys() {
        return deliveries.stream().map(d -> d.getString("idempotencyKey")).collect(Collectors.toSet());
    }

    private Map<String, Long> duplicates() {
        return deliveries.stream().collect(Collectors.groupingBy(d -> d.getString("idempotencyKey"), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean allUp(int port) throws Exception {
        var services = new JsonObject(ChaosRig.get(port, "/api/v1/status")).getJsonArray("services");
        return services.size() == 8 && services.stream().map(JsonObject.class::cast).allMatch(s -> "up".equals(s.getString("state")));
    }
}
