package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.app.reload.ConfigFile;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.FleetConfigs;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.ServiceAddress;
import dev.bongsu.simulator.Simulator;
import dev.bongsu.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise for cluster mode, in separate JVMs on loopback: a server and a probe node share one config
 * file; a service is added to it and the server is reloaded through the admin API; the probe node follows, both
 * report the new hash in {@code /api/v1/admin/assignments} ({@code configConverged}), the new service's check is
 * probed and its results reach the server, and an incident open across the reload keeps its id. A probe node that
 * missed the announcement follows the hash in the server's heartbeat.
 */
class ClusterReloadProcessTest {
    private static final String TOKEN = "cluster-test-token-0123456789";
    private static final String FLEET = """
            services:
              - {id: kakaotalk, name: {ko: 카카오톡, en: KakaoTalk}, provider: kakao, category: messenger, datacenter: pangyo, region: kr-gyeonggi}
              - {id: naverpay, name: {ko: 네이버페이, en: Naver Pay}, provider: naver, category: pay, datacenter: chuncheon, region: kr-gangwon}
              - {id: tosspay, name: {ko: 토스페이, en: Toss Pay}, provider: toss, category: bank, datacenter: gasan, region: kr-seoul}
            """;
    /** The service the reload adds. */
    private static final String ADDED = "tosspay";

    @TempDir
    Path dir;

    private Vertx vertx;
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
    void aServerReloadIsFollowedByTheProbeNodeAndTheAddedServiceIsProbed() throws Exception {
        RunningFleet fleet = new Simulator(vertx, Fleet.parse("three.yaml", FLEET), SimulatorOptions.defaults().withBasePort(0)
                .withoutLatency()).start().await();
        int base = ClusterTestSupport.freePortBlock(6);
        List<ServiceAddress> all = fleet.services();
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, config(all.stream().filter(a -> !a.id().equals(ADDED)).toList(), base));
        String oldHash = ConfigFile.hash(Files.readAllBytes(file));

        ClusterProcesses procs = new ClusterProcesses(dir);
        try {
            procs.start("server", Map.of("BONGSU_DATA_DIR", dir.resolve("data").toString()),
                    "server", "--config", file.toString(), "--http-port", "0");
            procs.start("seoul-1", Map.of(), "probe", "--config", file.toString(), "--vantage", "seoul");
            int port = procs.httpPort("server", Duration.ofSeconds(120));
            await("the probe node runs the server's configuration " + oldHash).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertConverged(assignments(port), oldHash, "naverpay.http"));

            // An incident open before the reload must keep its id through it (and no second one opens for it).
            await("both services up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> states(port).values().stream().allMatch("up"::equals));
            fleet.inject(Target.services("kakaotalk"), Fault.REFUSE).await();
            String incident = incidentOf(port, "kakaotalk");
            List<String> kakaoIncidents = incidentIdsOf(port, "/api/v1/incidents", "kakaotalk");

            Files.writeString(file, config(all, base));
            String newHash = ConfigFile.hash(Files.readAllBytes(file));
            HttpResponse<String> reload = send(port, "POST", "/api/v1/admin/reload");
            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            assertThat(new JsonObject(reload.body()).getString("hash")).isEqualTo(newHash);
            assertThat(new JsonObject(reload.body()).getString("previousHash")).isEqualTo(oldHash);

            await("every node runs " + newHash + " and the probe node has " + ADDED + ".http").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertConverged(assignments(port), newHash, ADDED + ".http"));
            await(ADDED + "'s results reach the server").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> "up".equals(states(port).get(ADDED)));
            assertThat(procs.output("seoul-1")).contains("reload (server ").contains(oldHash + " -> " + newHash);

            assertThat(openIncidentIdsOf(port, "kakaotalk")).as("the incident open across the reload").containsExactly(incident);
            fleet.clear(Target.services("kakaotalk")).await();
            await("kakaotalk's incident resolves under its old id").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> openIncidentIdsOf(port, "kakaotalk").isEmpty());
            assertThat(incidentIdsOf(port, "/api/v1/incidents", "kakaotalk")).as("no second incident")
                    .contains(incident).containsExactlyInAnyOrderElementsOf(kakaoIncidents);
        } catch (AssertionError | RuntimeException e) {
            System.out.println(procs.allOutput());
            throw e;
        } finally {
            procs.close();
            fleet.stop().await();
        }
    }

    /**
     * A probe node that missed the server's reload announcement (it was starting, or cut off from the cluster) follows
     * the configuration hash in the server's heartbeat: here a server that never announces anything, played by this
     * JVM, beats with the hash of the file after an edit the probe node was not told about.
     */
    @Test
    void aProbeNodeThatMissedTheAnnouncementFollowsTheHashInTheServersHeartbeat() throws Exception {
        int base = ClusterTestSupport.freePortBlock(6);
        Path file = dir.resolve("probe.yaml");
        String head = ClusterYaml.cluster(base, 6) + ClusterYaml.vantages(List.of("seoul"));
        Files.writeString(file, head + ClusterYaml.unreachableServices(3));
        String oldHash = ConfigFile.hash(Files.readAllBytes(file));
        BongsuConfig cfg = new ConfigLoader(Map.of()).load(file);

        try (ClusterProcesses procs = new ClusterProcesses(dir)) {
            procs.start("seoul-1", Map.of(), "probe", "--config", file.toString(), "--vantage", "seoul");
            ClusterNode server = ClusterNode.start(cfg.cluster()).await();
            try {
                AssignmentsEndpoint assignments = AssignmentsEndpoint.forConfig(server, new ProbeRoster(server), cfg);
                await("the probe node runs " + oldHash).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().untilAsserted(() -> assertThat(probeNode(assignments.collect().await()).getString("configHash"))
                                .as(procs.allOutput()).isEqualTo(oldHash));

                Files.writeString(file, head + ClusterYaml.unreachableServices(4));
                String newHash = ConfigFile.hash(Files.readAllBytes(file));
                server.vertx().setPeriodic(ServerBeacon.INTERVAL_MS, t -> server.vertx().eventBus().publish(
                        ClusterAddresses.SERVER_HEARTBEAT,
                        new JsonObject().put("node", server.nodeId()).put("active", false).put("configHash", newHash)));

                await("the probe node follows the heartbeat to " + newHash).atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                            JsonObject node = probeNode(assignments.collect().await());
                            assertThat(node.getString("configHash")).as(node.encodePrettily()).isEqualTo(newHash);
                            assertThat(node.getJsonArray("checks")).as(node.encodePrettily()).hasSize(4);
                        });
                assertThat(procs.output("seoul-1")).contains("reload (server " + server.nodeId() + " runs " + newHash + ")");
            } catch (AssertionError | RuntimeException e) {
                System.out.println(procs.allOutput());
                throw e;
            } finally {
                server.close().await();
            }
        }
    }

    private static JsonObject probeNode(JsonObject assignments) {
        JsonArray nodes = assignments.getJsonArray("vantages").getJsonObject(0).getJsonArray("nodes");
        assertThat(nodes).as(assignments.encodePrettily()).hasSize(1);
        return nodes.getJsonObject(0);
    }

    private static String config(List<ServiceAddress> services, int clusterBase) {
        return FleetConfigs.yaml(services, Duration.ofSeconds(1), Duration.ofMillis(800)) + """
                http: {host: 127.0.0.1, port: 0}
                admin: {token: "%s"}
                vantages: [seoul]
                storage: {dir: "${BONGSU_DATA_DIR:-data}"}
                detector: {failuresToDown: 2, successesToUp: 2, correlationWindow: 3s}
                alerting:
                  receivers:
                    - {name: log, type: log}
                  defaultReceivers: [log]
                  groupWait: 0s
                """.formatted(TOKEN) + ClusterYaml.cluster(clusterBase, 6);
    }

    /** One probe node, which runs {@code hash} like the server and has every check, {@code check} among them. */
    private static void assertConverged(JsonObject json, String hash, String check) {
        String shown = json.encodePrettily();
        assertThat(json.getString("configHash")).as(shown).isEqualTo(hash);
        JsonArray nodes = json.getJsonArray("vantages").getJsonObject(0).getJsonArray("nodes");
        assertThat(nodes).as(shown).hasSize(1);
        assertThat(nodes.getJsonObject(0).getString("configHash")).as(shown).isEqualTo(hash);
        assertThat(nodes.getJsonObject(0).getJsonArray("checks").getList()).as(shown).contains(check);
        assertThat(json.getBoolean("configConverged")).as(shown).isTrue();
        assertThat(json.getBoolean("exactlyOnce")).as(shown).isTrue();
    }

    private JsonObject assignments(int port) throws Exception {
        return new JsonObject(get(port, AssignmentsEndpoint.PATH));
    }

    private Map<String, String> states(int port) throws Exception {
        return new JsonObject(get(port, "/api/v1/status")).getJsonArray("services").stream().map(JsonObject.class::cast)
                .collect(java.util.stream.Collectors.toMap(s -> s.getString("id"), s -> s.getString("state")));
    }

    /** The id of the open incident naming {@code service}, once there is one. */
    private String incidentOf(int port, String service) {
        String[] id = new String[1];
        await("an open incident for " + service).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    List<String> open = openIncidentIdsOf(port, service);
                    id[0] = open.isEmpty() ? null : open.get(0);
                    return id[0] != null;
                });
        return id[0];
    }

    private List<String> openIncidentIdsOf(int port, String service) throws Exception {
        return incidentIdsOf(port, "/api/v1/incidents?state=open", service);
    }

    private List<String> incidentIdsOf(int port, String path, String service) throws Exception {
        return new JsonObject(get(port, path)).getJsonArray("incidents").stream().map(JsonObject.class::cast)
                .filter(i -> i.getJsonArray("services").contains(service)).map(i -> i.getString("id")).toList();
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> res = send(port, "GET", path);
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
        return res.body();
    }

    private HttpResponse<String> send(int port, String method, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
