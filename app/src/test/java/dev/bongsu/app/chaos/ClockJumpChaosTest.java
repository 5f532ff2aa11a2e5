package dev.bongsu.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.app.cluster.ClusterProcesses;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.testkit.Tools;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One probe node's clock jumps 1 h behind, back, 1 h ahead and back (libfaketime in that JVM only): every service
 * stays {@code up}, no service incident opens, the server warns once naming the node while its clock is ahead, and
 * the node's results are stored at the server's time rather than an hour off. (While that node's clock is behind,
 * its wall-clock scheduler starts no probe: health rests on the other vantage until the clock is back.)
 */
class ClockJumpChaosTest {
    private static final Duration JUMP = Duration.ofSeconds(12);

    @TempDir
    Path dir;

    @Test
    void aProbeNodeClockJumpingAnHourEitherWayChangesNoHealthAndIsReported() throws Exception {
        Path libfaketime = libfaketime();
        Path offset = dir.resolve("faketime");
        Files.writeString(offset, "+0\n");
        Vertx vertx = Vertx.vertx();
        RunningFleet fleet = ChaosRig.startFleet(vertx);
        Path data = dir.resolve("data");
        Path config = dir.resolve("bongsu.yaml");
        Files.writeString(config, fleet.configYaml(Duration.ofSeconds(1), Duration.ofMillis(700)) + """
                http: {host: 127.0.0.1, port: 0}
                """ + ChaosRig.ADMIN_YAML + """
                vantages: [seoul, busan]
                storage: {dir: "%s"}
                detector: {failuresToDown: 2, successesToUp: 2}
                """.formatted(data) + ChaosRig.clusterYaml(6));
        Map<String, String> skewedClock = Map.of("LD_PRELOAD", libfaketime.toString(), "FAKETIME_TIMESTAMP_FILE", offset.toString(),
                "FAKETIME_NO_CACHE", "1", "FAKETIME_DONT_FAKE_MONOTONIC", "1");
        try (ClusterProcesses procs = new ClusterProcesses(dir)) {
            try {
                procs.start("server", Map.of(), "server", "--config", config.toString());
                int port = ChaosRig.httpPort(procs, "server", Duration.ofSeconds(120));
                procs.start("probe-seoul", Map.of(), "probe", "--config", config.toString(), "--vantage", "seoul");
                procs.start("probe-busan", skewedClock, "probe", "--config", config.toString(), "--vantage", "busan");
                await("every service up from both vantages").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> allUp(port) && storedFrom(data, "busan", 0, Long.MAX_VALUE) > 0);
                long incidentsBefore = incidents(port);
                long before = System.currentTimeMillis();

                // -1 h: the probe scheduler runs on the wall clock, so the node probes nothing until its clock is back
                // (reported to the probes' owner); health must not change meanwhile, and probing resumes after.
                Files.writeString(offset, "-1h\n");
                await("all services stay up for " + JUMP + " with busan's clock 1 h behind").during(JUMP)
                        .atMost(JUMP.plusSeconds(5)).pollInterval(Duration.ofMillis(500)).until(() -> allUp(port));
                Files.writeString(offset, "+0\n");
                long back = System.currentTimeMillis();
                await("busan's results flow again once its clock is back").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                        .until(() -> storedFrom(data, "busan", back, back + 600_000) > 0);
                // +1 h: the node keeps probing; the server stamps its results on the server's clock and warns once.
                Files.writeString(offset, "+1h\n");
                long ahead = System.currentTimeMillis();
                await("all services stay up for " + JUMP + " with busan's clock 1 h ahead").during(JUMP)
                        .atMost(JUMP.plusSeconds(5)).pollInterval(Duration.ofMillis(500)).until(() -> allUp(port));
                await("the server warns that busan's clock is ahead").atMost(Duration.ofSeconds(10))
                        .until(() -> skewWarnings(procs).stream().anyMatch(l -> l.contains("ahead of")));
                long aheadStored = storedFrom(data, "busan", ahead, ahead + 60_000);
                assertThat(aheadStored).as("busan results stored at server time while its clock is 1 h ahead").isPositive();
                // Back again: a backward jump stalls that node's scheduler (see above); health must not change.
                Files.writeString(offset, "+0\n");
                await("all services stay up after the clock is back").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                        .pollInterval(Duration.ofMillis(500)).until(() -> allUp(port));
                long after = System.currentTimeMillis();

                assertThat(incidents(port)).as("no service or correlated incident opened because of the skew").isEqualTo(incidentsBefore);
                long hourOff = storedFrom(data, "busan", after + 60_000, Long.MAX_VALUE) + storedFrom(data, "busan", 0, before - 600_000);
                long inWindow = storedFrom(data, "busan", before - 5_000, after + 5_000);
                assertThat(hourOff).as("busan results stored an hour off").isZero();
                assertThat(inWindow).as("busan results stored at server time during the jumps").isPositive();
                // One warning per jump at most (the jump behind warns only if a batch was on its way when it came).
                assertThat(skewWarnings(procs)).hasSizeLessThanOrEqualTo(2).allSatisfy(l -> assertThat(l).contains("busan"));
                assertThat(procs.output("server")).doesNotContain("\tat ");
                System.out.printf("chaos clock jump: busan's clock -1 h then +1 h for %d s each; 0 health flips, 0 service incidents, "
                        + "%d skew warning(s), %d busan results stored at server time (%d while 1 h ahead), 0 stored an hour off%n",
                        JUMP.toSeconds(), skewWarnings(procs).size(), inWindow, aheadStored);
            } catch (AssertionError | RuntimeException e) {
                System.out.println(procs.allOutput());
                throw e;
            }
        } finally {
            fleet.stop().await();
            vertx.close().await();
        }
    }

    /** Debian's libfaketime (package faketime); fails naming the package when missing. */
    private static Path libfaketime() throws Exception {
        Tools.onPath("faketime", "faketime");
        try (Stream<Path> libs = Files.list(Path.of("/usr/lib"))) {
            return libs.map(d -> d.resolve("faketime/libfaketimeMT.so.1")).filter(Files::isReadable).findFirst()
                    .orElseThrow(() -> new AssertionError("libfaketimeMT.so.1 not found under /usr/lib/*/faketime: "
                            + "install it with `apt-get install faketime` (scripts/test installs it)"));
        }
    }

    private static List<String> skewWarnings(ClusterProcesses procs) {
        return procs.output("server").lines().filter(l -> l.contains("WARN") && l.contains("clock") && l.contains("this server's")).toList();
    }

    private static boolean allUp(int port) throws Exception {
        var services = new JsonObject(ChaosRig.get(port, "/api/v1/status")).getJsonArray("services");
        return services.size() == 8 && services.stream().map(JsonObject.class::cast).allMatch(s -> "up".equals(s.getString("state")));
    }

    /** Service and correlated incidents (a busy machine may open probe-fault ones for an overloaded node). */
    private static long incidents(int port) throws Exception {
        return new JsonObject(ChaosRig.get(port, "/api/v1/incidents")).getJsonArray("incidents").stream().map(JsonObject.class::cast)
                .filter(i -> !"probe_fault".equals(i.getString("kind"))).count();
    }

    /** Results of a vantage stored with probe times in [from, to). */
    private static long storedFrom(Path data, String vantage, long from, long to) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + data.resolve("results.db") + "?mode=ro");
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM result r JOIN series s ON s.id = r.series_id"
                        + " WHERE s.vantage = ? AND r.t >= ? AND r.t < ?")) {
            s.setString(1, vantage);
            s.setLong(2, from);
            s.setLong(3, to);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
