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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator state is the cluster's, not one server's: in separate JVMs (two servers, one probe node) a silence posted
 * to the standby mutes pages from the active server, one posted to the active reaches the standby, human updates
 * posted to either show on both public APIs, and after {@code kill -9} of the active server the survivor still has
 * every silence and update and keeps muting. Three unrelated services (no shared attribute, so no correlation):
 * {@code kakaotalk} silenced through the standby, {@code naverpay} silenced through the active, {@code tosspay} not
 * silenced (it proves pages flow).
 */
class ReplicatedOperatorStateProcessTest {
    private static final String TOKEN = "cluster-test-token-0123456789";
    private static final String FLEET = """
            services:
              - {id: kakaotalk, name: {ko: 카카오톡, en: KakaoTalk}, provider: kakao, category: messenger, datacenter: pangyo, region: kr-gyeonggi}
              - {id: naverpay, name: {ko: 네이버페이, en: Naver Pay}, provider: naver, category: pay, datacenter: chuncheon, region: kr-gangwon}
              - {id: tosspay, name: {ko: 토스페이, en: Toss Pay}, provider: toss, category: bank, datacenter: gasan, region: kr-seoul}
            """;

    @TempDir
    Path dir;

    private Vertx vertx;
    private final List<JsonObject> pages = new CopyOnWriteArrayList<>();
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
    void silencesAndUpdatesPostedToEitherServerHoldOnBothAndSurviveTheActiveServersDeath() throws Exception {
        RunningFleet fleet = new Simulator(vertx, Fleet.parse("three.yaml", FLEET), SimulatorOptions.defaults().withBasePort(0)
                .withoutLatency()).start().await();
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
            procs.start("seoul-1", Map.of(), "probe", "--config", file.toString(), "--vantage", "seoul");
            int active = procs.httpPort("server-1", Duration.ofSeconds(120));
            int standby = procs.httpPort("server-2", Duration.ofSeconds(120));
            await("server-2 replicates").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> procs.output("server-2").contains("silences: replicated through the cluster"));

            String viaStandby = postSilence(standby, "service=kakaotalk");
            String viaActive = postSilence(active, "service=naverpay");
            await("each server holds both silences").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        assertThat(activeSilenceIds(active)).contains(viaStandby, viaActive);
                        assertThat(activeSilenceIds(standby)).contains(viaStandby, viaActive);
                    });
            await("every service up on both servers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> allUp(active) && allUp(standby));

            fleet.inject(Target.services("kakaotalk", "tosspay"), Fault.REFUSE).await();
            await("tosspay is paged by the active server").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !pagesAbout("tosspay", "incident.opened").isEmpty());
            await("the active server records kakaotalk's page as silenced by the standby's silence")
                    .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> suppressedBy(active, viaStandby));
            assertThat(pagesAbout("kakaotalk", null)).as("pages about kakaotalk").isEmpty();

            String kakaoIncident = incidentOf(standby, "kakaotalk");
            String tossIncident = incidentOf(active, "tosspay");
            postUpdate(standby, kakaoIncident, "standby-update-7f3a");
            postUpdate(active, tossIncident, "active-update-91c2");
            await("each update shows on the other server's public API").atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> get(active, "/api/v1/incidents").contains("standby-update-7f3a")
                            && get(standby, "/api/v1/incidents").contains("active-update-91c2"));

            procs.kill("server-1");
            await("server-2 takes the lease").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> procs.output("server-2").contains("holds the lease"));
            fleet.inject(Target.services("naverpay"), Fault.REFUSE).await();
            fleet.clear(Target.services("tosspay")).await();
            await("the survivor pages tosspay's resolution").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !pagesAbout("tosspay", "incident.resolved").isEmpty());
            await("the survivor mutes naverpay with the dead server's silence").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).until(() -> suppressedBy(standby, viaActive));
            assertThat(pagesAbout("naverpay", null)).as("pages about naverpay").isEmpty();
            assertThat(pagesAbout("kakaotalk", null)).as("pages about kakaotalk").isEmpty();
            assertThat(activeSilenceIds(standby)).contains(viaStandby, viaActive);
            assertThat(get(standby, "/api/v1/incidents")).contains("standby-update-7f3a", "active-update-91c2");
        } catch (AssertionError | RuntimeException e) {
            System.out.println("pages received: " + pages + "\n" + procs.allOutput());
            throw e;
        } finally {
            procs.close();
            fleet.stop().await();
        }
    }

    private List<JsonObject> pagesAbout(String service, String event) {
        return pages.stream().filter(p -> (event == null || event.equals(p.getString("event")))
                && p.getJsonObject("incident").getJsonArray("services").contains(service)).toList();
    }

    private Path writeConfig(RunningFleet fleet, int receiverPort) throws Exception {
        int base = ClusterTestSupport.freePortBlock(6);
        String yaml = fleet.configYaml(Duration.ofSeconds(1), Duration.ofMillis(800)) + """
                http: {host: 127.0.0.1, port: 0}
                admin: {token: "%s"}
                vantages: [seoul]
                storage: {dir: "${BONGSU_DATA_DIR:-data}"}
                detector: {failuresToDown: 2, successesToUp: 2, correlationWindow: 3s}
                alerting:
                  receivers:
                    - {name: oncall, type: webhook, url: "http://127.0.0.1:%d/hook"}
                  defaultReceivers: [oncall]
                  groupWait: 0s
                """.formatted(TOKEN, receiverPort) + ClusterYaml.cluster(base, 6);
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String postSilence(int port, String matcher) throws Exception {
        JsonObject body = new JsonObject().put("matchers", new JsonArray().add(matcher)).put("duration", "2h")
                .put("author", "kim").put("comment", "replication test");
        HttpResponse<String> res = send(port, "POST", "/api/v1/admin/silences", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        return new JsonObject(res.body()).getString("id");
    }

    private void postUpdate(int port, String incident, String text) throws Exception {
        JsonObject body = new JsonObject().put("status", "identified")
                .put("text", new JsonObject().put("ko", "원인 확인 " + text).put("en", "cause found " + text));
        HttpResponse<String> res = send(port, "POST", "/api/v1/admin/incidents/" + incident + "/updates", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    }

    private List<String> activeSilenceIds(int port) throws Exception {
        JsonArray all = new JsonObject(send(port, "GET", "/api/v1/admin/silences?state=active", null).body()).getJsonArray("silences");
        return all.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    private boolean suppressedBy(int port, String silence) throws Exception {
        String rows = send(port, "GET", "/api/v1/admin/outbox/notifications?status=suppressed&limit=100", null).body();
        return rows.contains("silenced by " + silence);
    }

    private boolean allUp(int port) throws Exception {
        JsonArray services = new JsonObject(get(port, "/api/v1/status")).getJsonArray("services");
        return services.size() == 3 && services.stream().allMatch(o -> "up".equals(((JsonObject) o).getString("state")));
    }

    /** The id of the open incident naming {@code service}, from a server's public API. */
    private String incidentOf(int port, String service) {
        String[] id = new String[1];
        await("an open incident for " + service).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    JsonArray incidents = new JsonObject(get(port, "/api/v1/incidents?state=open")).getJsonArray("incidents");
                    for (Object o : incidents) {
                        JsonObject i = (JsonObject) o;
                        if (i.encode().contains("\"" + service + "\"")) {
                            id[0] = i.getString("id");
                            return true;
                        }
                    }
                    return false;
                });
        return id[0];
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> res = send(port, "GET", path, null);
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
        return res.body();
    }

    private HttpResponse<String> send(int port, String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10));
        req = body == null ? req.method(method, HttpRequest.BodyPublishers.noBody())
                : req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }
}
