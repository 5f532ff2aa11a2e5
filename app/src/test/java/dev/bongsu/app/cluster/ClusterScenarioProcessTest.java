package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.Simulator;
import dev.bongsu.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's scenario in separate JVMs on loopback: three vantages of two probe nodes each and two servers probe
 * the simulated fleet; a killed probe node's checks are re-covered; a kakao fire in pangyo is paged once; after
 * {@code kill -9} of the active server the other pages the next transition, and no notification is sent twice.
 */
class ClusterScenarioProcessTest {
    private static final String TOKEN = "cluster-test-token-0123456789";
    private static final List<String> VANTAGES = List.of("seoul", "busan", "tokyo");

    @TempDir
    Path dir;

    private Vertx vertx;
    private final List<JsonObject> pages = new CopyOnWriteArrayList<>();
    private volatile int firstPage;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() {
        vertx.close().await();
    }

    @Test
    void oneFireOnePageAndTheStandbyTakesOverWithoutLossOrDuplicate() throws Exception {
        RunningFleet fleet = new Simulator(vertx, Fleet.defaultFleet(), SimulatorOptions.defaults().withBasePort(0).withoutLatency())
                .start().await();
        HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            pages.add(body.toJsonObject());
            req.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").await();
        Path file = writeConfig(fleet, receiver.actualPort());

        ClusterProcesses procs = new ClusterProcesses(dir);
        try {
            procs.start("server-1", Map.of("BONGSU_DATA_DIR", dir.resolve("data-1").toString()),
                    "server", "--config", file.toString(), "--http-port", "0");
            await("server-1 holds the pager lease").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> procs.output("server-1").contains("holds the lease"));
            procs.start("server-2", Map.of("BONGSU_DATA_DIR", dir.resolve("data-2").toString()),
                    "server", "--config", file.toString(), "--http-port", "0");
            for (String v : VANTAGES) {
                for (int i = 1; i <= 2; i++) {
                    procs.start(v + "-" + i, Map.of(), "probe", "--config", file.toString(), "--vantage", v);
                }
            }
            int port = procs.httpPort("server-1", Duration.ofSeconds(120));

            await("every vantage covered exactly once by two nodes").atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().untilAsserted(() -> assertCoverage(assignments(port), 2, procs));
            procs.httpPort("server-2", Duration.ofSeconds(60));

            // A busy machine can time probes out while eight JVMs start: begin once both servers have seen nothing
            // open for 10 s (an incident resolved moments ago would be reopened rather than grouped).
            await("both servers quiet").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> quietFor(procs, Duration.ofSeconds(10)));
            firstPage = pages.size();
            fleet.inject(Target.datacenter("pangyo", "kakao"), Fault.REFUSE).await();
            await("one page for the fire").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> correlatedOpened().size() == 1);
            await("no second page").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                    .until(() -> correlatedOpened().size() == 1);
            String incident = correlatedOpened().get(0).getJsonObject("incident").getString("id");
            await("the incident names all four kakao services in pangyo, on both servers").atMost(Duration.ofSeconds(30))
                    .until(() -> incidentServices(procs.output("server-1"), incident).size() == 4
                            && incidentServices(procs.output("server-2"), incident).size() == 4);
            assertThat(incidentServices(procs.output("server-1"), incident))
                    .containsExactlyInAnyOrder("kakaotalk", "kakaobank", "kakaopay", "kakaomap");

            procs.kill("server-1");
            long killedAt = System.nanoTime();
            fleet.clear(Target.datacenter("pangyo", "kakao")).await();

            await("server-2 pages the resolution within 15 s").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                    .until(() -> pages.stream().anyMatch(p -> "incident.resolved".equals(p.getString("event"))
                            && incident.equals(p.getJsonObject("incident").getString("id"))));
            System.out.printf("take-over: the resolution was paged %d ms after kill -9 of the active server%n",
                    (System.nanoTime() - killedAt) / 1_000_000);
            await("nothing sent twice").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                    .until(() -> duplicates().isEmpty());
            assertThat(correlatedOpened()).hasSize(1);
            assertThat(procs.output("server-2")).contains("holds the lease");

            int port2 = procs.httpPort("server-2", Duration.ofSeconds(120));
            await("every vantage covered again after server-1 left").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().untilAsserted(() -> assertCoverage(assignments(port2), 2, procs));
            procs.kill("seoul-2");
            long probeKilledAt = System.nanoTime();
            await("seoul re-covered by its survivor within 10 s").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().untilAsserted(() -> assertCoverage(assignments(port2), 1, procs));
            System.out.printf("re-cover: seoul covered exactly once by its survivor %d ms after kill -9 of a probe node%n",
                    (System.nanoTime() - probeKilledAt) / 1_000_000);

            // Every prober dies: the monitor is blind, and on-call hears it once, not never.
            int before = pages.size();
            for (String node : List.of("seoul-1", "busan-1", "busan-2", "tokyo-1", "tokyo-2")) {
                procs.kill(node);
            }
            long blindAt = System.nanoTime();
            await("one 'monitoring blind' page once every prober is dead").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).until(() -> blindPages(before).size() == 1);
            System.out.printf("blind: paged %d ms after kill -9 of the last probe node%n",
                    (System.nanoTime() - blindAt) / 1_000_000);
            await("no second blind page").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                    .until(() -> blindPages(before).size() == 1);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("pages received: " + pages + "\n" + procs.allOutput());
            throw e;
        } finally {
            procs.close();
            fleet.stop().await();
        }
    }

    /** Whether neither server's log shows an open incident or any incident transition in the last {@code quiet}. */
    private static boolean quietFor(ClusterProcesses procs, Duration quiet) {
        java.time.LocalTime limit = java.time.LocalTime.now().minus(quiet);
        for (String server : List.of("server-1", "server-2")) {
            String log = procs.output(server);
            if (!openIncidents(log).isEmpty()) {
                return false;
            }
            Matcher m = Pattern.compile("(?m)^(\\d\\d:\\d\\d:\\d\\d) INFO  DetectorVerticle: incident ").matcher(log);
            while (m.find()) {
                if (java.time.LocalTime.parse(m.group(1)).isAfter(limit)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Ids of incidents a server's log shows opened and not resolved. */
    static java.util.Set<String> openIncidents(String log) {
        java.util.Set<String> open = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("incident (opened|resolved) (\\S+) #").matcher(log);
        while (m.find()) {
            if ("opened".equals(m.group(1))) {
                open.add(m.group(2));
            } else {
                open.remove(m.group(2));
            }
        }
        return open;
    }

    /** The services of the latest transition of an incident in a server's log ("… N services (a, b, …)"). */
    static List<String> incidentServices(String log, String id) {
        Matcher m = Pattern.compile("incident \\w+ " + Pattern.quote(id) + " #\\d+ .*?services \\(([^)]*)\\)").matcher(log);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last == null ? List.of() : List.of(last.split(", "));
    }

    private List<JsonObject> correlatedOpened() {
        List<JsonObject> all = List.copyOf(pages);
        return all.subList(firstPage, all.size()).stream().filter(p -> "incident.opened".equals(p.getString("event"))
                && "correlated".equals(p.getJsonObject("incident").getString("kind"))).toList();
    }

    /** Probe-fault pages since {@code from} saying that no vantage measures any more. */
    private List<JsonObject> blindPages(int from) {
        List<JsonObject> all = List.copyOf(pages);
        return all.subList(from, all.size()).stream().filter(p -> "incident.opened".equals(p.getString("event"))
                && "probe_fault".equals(p.getJsonObject("incident").getString("kind"))
                && p.getJsonObject("incident").getJsonObject("hypothesis") != null
                && "monitoring".equals(p.getJsonObject("incident").getJsonObject("hypothesis").getString("attribute"))).toList();
    }

    private Map<String, Long> duplicates() {
        return pages.stream().collect(Collectors.groupingBy(p -> p.getString("idempotencyKey"), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Path writeConfig(RunningFleet fleet, int receiverPort) throws Exception {
        int base = ClusterTestSupport.freePortBlock(12);
        String yaml = fleet.configYaml(Duration.ofSeconds(2), Duration.ofMillis(1500)) + """
                http: {host: 127.0.0.1, port: 0}
                admin: {token: "%s"}
                vantages: [seoul, busan, tokyo]
                storage: {dir: "${BONGSU_DATA_DIR:-data}"}
                detector: {failuresToDown: 2, successesToUp: 2, correlationWindow: 5s}
                alerting:
                  receivers:
                    - {name: oncall, type: webhook, url: "http://127.0.0.1:%d/hook"}
                  defaultReceivers: [oncall]
                  groupWait: 0s
                """.formatted(TOKEN, receiverPort) + ClusterYaml.cluster(base, 12);
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, yaml);
        return file;
    }


    private JsonObject assignments(int port) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + AssignmentsEndpoint.PATH))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return new JsonObject(res.body());
    }

    private static void assertCoverage(JsonObject json, int seoulNodes, ClusterProcesses procs) {
        JsonArray vantages = json.getJsonArray("vantages");
        for (int i = 0; i < vantages.size(); i++) {
            JsonObject v = vantages.getJsonObject(i);
            int expected = "seoul".equals(v.getString("name")) ? seoulNodes : 2;
            assertThat(v.getJsonArray("nodes")).as(v.getString("name") + ": " + json.encodePrettily()).hasSize(expected);
        }
        assertThat(json.getBoolean("exactlyOnce")).as(json.encodePrettily()).isTrue();
    }
}
