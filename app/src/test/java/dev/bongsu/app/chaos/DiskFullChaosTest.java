package dev.bongsu.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.app.cluster.ClusterProcesses;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.ServiceAddress;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory fills up while the server runs (a small tmpfs and a filler file): the server says so once per
 * store naming the directory, keeps serving and probing, reports the store as failing on {@code /metrics}, keeps
 * what it had stored, and writes again by itself once the filler is deleted. Needs root (to mount the tmpfs).
 */
class DiskFullChaosTest {
    private static final String TMPFS_SIZE = "24m";

    @TempDir
    Path dir;

    @Test
    void aFullDataDirectoryIsReportedSurvivedAndRecoveredWithoutRestart() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        mountTmpfs(data);
        Vertx vertx = Vertx.vertx();
        AtomicInteger pages = new AtomicInteger();
        try {
            RunningFleet fleet = ChaosRig.startFleet(vertx);
            HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
                pages.incrementAndGet();
                req.response().end();
            })).listen(0, "127.0.0.1").await();
            List<String> naver = fleet.services().stream().map(ServiceAddress::id).filter(id -> !id.startsWith("kakao")).toList();
            Path config = dir.resolve("bongsu.yaml");
            Files.writeString(config, fleet.configYaml(Duration.ofMillis(500), Duration.ofMillis(400)) + """
                    http: {host: 127.0.0.1, port: 0}
                    """ + ChaosRig.ADMIN_YAML + """
                    storage: {dir: "%s"}
                    detector: {failuresToDown: 2, successesToUp: 2, correlationWindow: 2s}
                    alerting:
                      receivers:
                        - {name: oncall, type: webhook, url: "http://127.0.0.1:%d/hook"}
                      defaultReceivers: [oncall]
                      groupWait: 0s
                    """.formatted(data, receiver.actualPort()));
            try (ClusterProcesses procs = new ClusterProcesses(dir)) {
                try {
                    Process server = procs.start("server", Map.of(), "run", "--config", config.toString());
                    int port = ChaosRig.httpPort(procs, "server", Duration.ofSeconds(90));
                    await("every simulated service up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                            .ignoreExceptions().until(() -> states(port).values().stream().allMatch("up"::equals));

                    // Something of every kind stored before the fill: results, an incident, outbox rows.
                    fleet.inject(Target.services(naver.get(0)), Fault.REFUSE).await();
                    await("an incident opened and paged").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                            .ignoreExceptions().until(() -> pages.get() >= 1 && incidents(port).size() >= 1);
                    fleet.clear(Target.services(naver.get(0))).await();
                    await("its resolution paged").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                            .until(() -> pages.get() >= 2);
                    long resultsBefore = count(data.resolve("results.db"), "SELECT count(*) FROM result");
                    long outboxBefore = count(data.resolve("outbox.db"), "SELECT count(*) FROM notifications");
                    JsonArray incidentsBefore = incidents(port);
                    int logBefore = procs.output("server").length();

                    Path filler = data.resolve("filler");
                    long filled = fill(filler);
                    long fullAt = System.nanoTime();
                    fleet.inject(Target.services(naver.get(1)), Fault.REFUSE).await();
                    await("a clear error naming the directory and 'no space left'").atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> !noSpaceLines(procs.output("server").substring(logBefore), data).isEmpty());
                    await("/metrics says the store is failing").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                            .ignoreExceptions().until(() -> metric(port, "bongsu_store_up") == 0);
                    await("the outage during the fill is still detected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                            .ignoreExceptions().until(() -> "down".equals(states(port).get(naver.get(1))));
                    assertThat(server.isAlive()).as("the server survives a full disk").isTrue();
                    assertThat(ChaosRig.get(port, "/")).as("the status page answers").isNotEmpty();
                    assertThat(count(data.resolve("results.db"), "SELECT count(*) FROM result")).isGreaterThanOrEqualTo(resultsBefore);
                    assertThat(count(data.resolve("outbox.db"), "SELECT count(*) FROM notifications")).isGreaterThanOrEqualTo(outboxBefore);
                    assertThat(incidents(port).size()).isGreaterThanOrEqualTo(incidentsBefore.size());
                    double writtenWhileFull = metric(port, "bongsu_store_written_points_total");

                    Files.delete(filler);
                    long freedAt = System.nanoTime();
                    await("the store writes again without a restart").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                            .ignoreExceptions().until(() -> metric(port, "bongsu_store_up") == 1
                                    && metric(port, "bongsu_store_written_points_total") > writtenWhileFull);
                    long recoveredMs = (System.nanoTime() - freedAt) / 1_000_000;
                    fleet.clear(Target.services(naver.get(1))).await();
                    fleet.inject(Target.services(naver.get(2)), Fault.REFUSE).await();
                    await("a new incident is stored after the recovery").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                            .ignoreExceptions().until(() -> count(data.resolve("incidents.db"),
                                    "SELECT count(*) FROM incidents WHERE json LIKE '%" + naver.get(2) + "%'") >= 1);
                    assertThat(count(data.resolve("results.db"), "SELECT count(*) FROM result")).isGreaterThan(resultsBefore);
                    List<String> errors = noSpaceLines(procs.output("server").substring(logBefore), data);
                    assertThat(errors).as("one line per condition, not one per write").hasSizeLessThanOrEqualTo(6);
                    assertThat(procs.output("server")).doesNotContain("\tat ");
                    System.out.printf("chaos disk full: %d MiB filler filled a %s tmpfs; %d 'no space left' log line(s); %d results, %d "
                            + "outbox rows, %d incidents stored before the fill all readable; full for %d ms; writing again %d ms "
                            + "after the filler was deleted, without restart%n", filled >> 20, TMPFS_SIZE, errors.size(), resultsBefore,
                            outboxBefore, incidentsBefore.size(), (freedAt - fullAt) / 1_000_000, recoveredMs);
                } catch (AssertionError | RuntimeException e) {
                    System.out.println(procs.allOutput());
                    throw e;
                }
            } finally {
                fleet.stop().await();
            }
        } finally {
            vertx.close().await();
            run(List.of("umount", "-l", data.toString()));
        }
    }

    /** Mounts a small tmpfs on {@code data}; fails saying root is needed when it cannot. */
    private static void mountTmpfs(Path data) throws Exception {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        String out = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", data.toString()));
        if (out != null) {
            throw new AssertionError("DiskFullChaosTest needs root (or sudo) to mount a tmpfs as the data directory; running as uid "
                    + uid + ", `mount -t tmpfs` said: " + out);
        }
    }

    /** Runs a command; null when it succeeded, else its output. */
    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : out.isBlank() ? "exit " + p.exitValue() : out.strip();
    }

    /** Writes 1 MiB chunks until the file system is full; the bytes written. */
    private static long fill(Path filler) throws IOException {
        byte[] chunk = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (written < (1L << 30)) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).toLowerCase(Locale.ROOT).contains("no space")) {
                throw full;
            }
            return written;
        }
        throw new AssertionError("1 GiB written into a " + TMPFS_SIZE + " tmpfs: is it mounted?");
    }

    private static List<String> noSpaceLines(String log, Path data) {
        return log.lines().filter(l -> l.toLowerCase(Locale.ROOT).contains("no space left") && l.contains(data.toString())).toList();
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double metric(int port, String name) throws Exception {
        return ChaosRig.metric(ChaosRig.get(port, "/metrics"), name, "");
    }

    private static Map<String, String> states(int port) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        new JsonObject(ChaosRig.get(port, "/api/v1/status")).getJsonArray("services").stream().map(JsonObject.class::cast)
                .forEach(s -> out.put(s.getString("id"), s.getString("state")));
        return out;
    }

    private static JsonArray incidents(int port) throws Exception {
        return new JsonObject(ChaosRig.get(port, "/api/v1/incidents")).getJsonArray("incidents");
    }
}
