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
 * One probe node's wall clock jumps 1 h behind, back, 1 h ahead and back (libfaketime in that JVM only, its monotonic
 * clock left alone): every service stays {@code up}, no service incident opens, the server warns naming the node
 * while its clock is off, the node's results are stored at the server's time rather than an hour off, the node keeps
 * probing on schedule through every jump (its scheduler runs on the monotonic clock), and no jump makes it look
 * overloaded or silent (no probe fault of its vantage opens because of one).
 */
class ClockJumpChaosTest {
    private static final Duration JUMP = Duration.ofSeconds(12);
    /**
     * A wall-clock scheduler jumping ahead misses every run at its next 10 ms tick; the node says it is overloaded
     * within its 1 s overload window and the server opens (or re-words) the probe fault at once: within this long.
     */
    private static final long JUMP_EFFECT_MS = 2_500;
    /** On schedule: of the runs due in a span, at least this share is stored (a loaded 2-core machine misses some). */
    private static final double ON_SCHEDULE = 0.6;
    /** The span, in seconds, over which a node's runs are counted against their schedule. */
    private static final long ON_SCHEDULE_SPAN_S = 5;

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
                // A node starting under load may be overloaded for a moment: the jumps start once no probe fault is open.
                await("every service up from both vantages, no probe fault open").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> allUp(port)
                                && storedFrom(data, "busan", 0, Long.MAX_VALUE) > 0 && !probeFaultOpen(data, "busan"));
                long incidentsBefore = incidents(port);
                long checks = fleet.serviceConfigs(Duration.ofSeconds(1), Duration.ofMillis(700)).stream().mapToLong(sc -> sc.checks().size()).sum();
                long before = System.currentTimeMillis();
                List<Long> jumps = new java.util.ArrayList<>();

                // -1 h: the node keeps probing on its monotonic clock (its results are stamped on the server's clock);
                // health must not change meanwhile.
                long behind = jump(offset, "-1h", jumps);
                await("all services stay up for " + JUMP + " with busan's clock 1 h behind").during(JUMP)
                        .atMost(JUMP.plusSeconds(5)).pollInterval(Duration.ofMillis(500)).until(() -> allUp(port));
                long behindStored = awaitOnSchedule("while busan's clock is 1 h behind", data, behind, checks);
                long back = jump(offset, "+0", jumps);
                await("busan's results flow once its clock is back").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                        .until(() -> storedFrom(data, "busan", back, back + 600_000) > 0);
                // +1 h: the node keeps probing; the server stamps its results on the server's clock and warns once.
                long ahead = jump(offset, "+1h", jumps);
                await("all services stay up for " + JUMP + " with busan's clock 1 h ahead").during(JUMP)
                        .atMost(JUMP.plusSeconds(5)).pollInterval(Duration.ofMillis(500)).until(() -> allUp(port));
                await("the server warns that busan's clock is ahead").atMost(Duration.ofSeconds(10))
                        .until(() -> skewWarnings(procs).stream().anyMatch(l -> l.contains("ahead of")));
                long aheadStored = awaitOnSchedule("while busan's clock is 1 h ahead", data, ahead, checks);
                // Back again: health must not change, and busan goes on probing at its interval at once.
                long returned = jump(offset, "+0", jumps);
                await("all services stay up after the clock is back").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                        .pollInterval(Duration.ofMillis(500)).until(() -> allUp(port));
                long afterReturn = awaitOnSchedule("once busan's clock is back", data, returned, checks);
                long after = System.currentTimeMillis();

                assertThat(incidents(port)).as("no service or correlated incident opened because of the skew").isEqualTo(incidentsBefore);
                List<FaultStep> faults = probeFaultSteps(data, "busan", jumps.get(0));
                System.out.println("probe faults of busan since the first jump (jumps at " + jumps + "): " + faults);
                // A jump ahead (back from -1 h, to +1 h) makes a wall-clock scheduler miss every run: busan says it is
                // overloaded at once. A jump back stalls it: busan goes silent. An overload at another time is the
                // loaded test machine's, and tolerated.
                assertThat(faults).as("busan probe faults caused by a clock jump").noneMatch(f -> !f.overload()
                        || !"resolved".equals(f.type()) && List.of(back, ahead).stream().anyMatch(j -> f.at() >= j && f.at() <= j + JUMP_EFFECT_MS));
                long hourOff = storedFrom(data, "busan", after + 60_000, Long.MAX_VALUE) + storedFrom(data, "busan", 0, before - 600_000);
                long inWindow = storedFrom(data, "busan", before - 5_000, after + 5_000);
                assertThat(hourOff).as("busan results stored an hour off").isZero();
                assertThat(inWindow).as("busan results stored at server time during the jumps").isPositive();
                // One warning per jump away: behind, then ahead.
                assertThat(skewWarnings(procs)).hasSizeLessThanOrEqualTo(2).allSatisfy(l -> assertThat(l).contains("busan"))
                        .anySatisfy(l -> assertThat(l).contains("behind")).anySatisfy(l -> assertThat(l).contains("ahead of"));
                assertThat(procs.output("server")).doesNotContain("\tat ");
                System.out.printf("chaos clock jump: busan's clock -1 h then +1 h for %d s each; 0 health flips, 0 service incidents, "
                        + "%d skew warning(s), %d busan results stored at server time, 0 stored an hour off; of %d runs due in 5 s, "
                        + "%d stored while 1 h behind, %d while 1 h ahead, %d after the last return; %d busan probe fault(s) from load, "
                        + "none from a jump%n", JUMP.toSeconds(), skewWarnings(procs).size(), inWindow, checks * ON_SCHEDULE_SPAN_S,
                        behindStored, aheadStored, afterReturn, faults.stream().map(FaultStep::incident).distinct().count());
            } catch (AssertionError | RuntimeException e) {
                System.out.println(procs.allOutput());
                throw e;
            }
        } finally {
            fleet.stop().await();
            vertx.close().await();
        }
    }

    /** Sets busan's clock offset (libfaketime reads the file at every clock call); returns the moment, for the record. */
    private static long jump(Path offset, String to, List<Long> jumps) throws Exception {
        long at = System.currentTimeMillis();
        jumps.add(at);
        Files.writeString(offset, to + "\n");
        return at;
    }

    /**
     * Waits until busan's results of the runs due from 1 s after {@code from} for {@value #ON_SCHEDULE_SPAN_S} s (one
     * per check and second) are stored, {@link #ON_SCHEDULE} of them at least; returns how many are.
     */
    private static long awaitOnSchedule(String when, Path data, long from, long checks) throws Exception {
        long due = checks * ON_SCHEDULE_SPAN_S;
        long start = from + 1_000;
        long end = start + ON_SCHEDULE_SPAN_S * 1_000;
        await("busan probes on schedule " + when + ": " + due + " runs due from 1 s after").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500)).until(() -> storedFrom(data, "busan", start, end) >= ON_SCHEDULE * due);
        return storedFrom(data, "busan", start, end);
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

    /** Service and correlated incidents (probe faults are never public). */
    private static long incidents(int port) throws Exception {
        return new JsonObject(ChaosRig.get(port, "/api/v1/incidents")).getJsonArray("incidents").size();
    }

    /**
     * One stored transition of a probe fault of a vantage.
     *
     * @param incident its incident's id
     * @param at       when, on the server's clock
     * @param type     {@code opened}, {@code updated} (a new reason) or {@code resolved}
     * @param reason   the reason it gave then, in English
     */
    private record FaultStep(String incident, long at, String type, String reason) {
        boolean overload() {
            return reason.contains("is overloaded");
        }
    }

    /** The transitions of {@code vantage}'s probe faults at or after {@code since}, oldest first, from incidents.db. */
    private static List<FaultStep> probeFaultSteps(Path data, String vantage, long since) throws Exception {
        List<FaultStep> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + data.resolve("incidents.db") + "?mode=ro");
                PreparedStatement s = c.prepareStatement("SELECT t.id, t.at, t.type, t.json FROM transitions t JOIN incidents i"
                        + " ON i.id = t.id WHERE i.kind = 'probe_fault' AND t.at >= ? ORDER BY t.at")) {
            s.setLong(1, since);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonObject incident = new JsonObject(rs.getString(4));
                    JsonObject h = incident.getJsonObject("hypothesis");
                    if (incident.getJsonArray("vantages").contains(vantage)) {
                        out.add(new FaultStep(rs.getString(1), rs.getLong(2), rs.getString(3), h == null ? "" : h.getJsonObject("text").getString("en")));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a probe fault of {@code vantage} is open now. */
    private static boolean probeFaultOpen(Path data, String vantage) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + data.resolve("incidents.db") + "?mode=ro");
                PreparedStatement s = c.prepareStatement("SELECT json FROM incidents WHERE kind = 'probe_fault' AND state = 'open'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (new JsonObject(rs.getString(1)).getJsonArray("vantages").contains(vantage)) {
                    return true;
                }
            }
            return false;
        }
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
