package dev.bongsu.app.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.app.Main;
import dev.bongsu.app.cluster.ClusterProcesses;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.FleetConfigs;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.simulator.ServiceAddress;
import dev.bongsu.simulator.Simulator;
import dev.bongsu.simulator.SimulatorOptions;
import dev.bongsu.testkit.Tools;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Reload of a running {@code bongsu run} process (a child JVM) watching a simulated fleet in this JVM: an added service
 * is probed without a restart while an open incident keeps its id, an invalid file changes nothing and names
 * file:line, a listener change is refused, SIGHUP and {@code bongsu reload} reload too.
 */
class ReloadProcessTest {
    private static final String TOKEN = "reload-admin-token-5b8e1f0c";
    private static final String FLEET = """
            services:
              - {id: alpha-chat, name: AlphaChat, provider: alpha, category: messenger, datacenter: dc-a, latency: 2ms}
              - {id: beta-map, name: BetaMap, provider: beta, category: map, datacenter: dc-b, latency: 2ms}
              - {id: gamma-pay, name: GammaPay, provider: gamma, category: pay, datacenter: dc-c, latency: 2ms}
            """;

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private RunningFleet fleet;
    private int port;
    private Path config;

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void aRunningProcessTakesANewFileWithoutLosingItsIncidentsAndRefusesABadOne() throws Exception {
        Codecs.registerAll(vertx.eventBus());
        fleet = new Simulator(vertx, Fleet.parse("reload-fleet.yaml", FLEET), SimulatorOptions.defaults().withBasePort(0).withoutLatency())
                .start().await();
        port = Tools.freeLoopbackPort();
        config = dir.resolve("bongsu.yaml");
        write("alpha-chat", "beta-map");
        try (ClusterProcesses processes = new ClusterProcesses(dir)) {
            Process run = processes.start("run", Map.of(), "run", "--config", config.toString());
            await("every service up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(states()).as(processes::allOutput)
                            .isEqualTo(Map.of("alpha-chat", "up", "beta-map", "up")));
            String firstHash = admin("GET", "/api/v1/admin/config").body().getString("hash");
            assertThat(firstHash).isEqualTo(ConfigFile.hash(Files.readAllBytes(config)));

            fleet.inject(Target.services("alpha-chat"), new Fault.Refuse()).await();
            await("an open incident for alpha-chat").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions().until(() -> openIncidentOf("alpha-chat") != null);
            String incident = openIncidentOf("alpha-chat");

            // a service is added to the file: probed within one interval, the open incident stays open with its id
            write("alpha-chat", "beta-map", "gamma-pay");
            Answer reloaded = admin("POST", "/api/v1/admin/reload");
            assertThat(reloaded.status()).as(reloaded.body().encodePrettily() + processes.allOutput()).isEqualTo(200);
            assertThat(reloaded.body().getString("status")).isEqualTo("reloaded");
            assertThat(reloaded.body().getJsonObject("changes").getJsonObject("services").getLong("added")).isEqualTo(1);
            assertThat(reloaded.body().getJsonArray("lines").getList()).contains("+ service gamma-pay (1 check)");
            await("gamma-pay probed and up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> "up".equals(states().get("gamma-pay")));
            assertThat(openIncidentOf("alpha-chat")).isEqualTo(incident);
            String secondHash = reloaded.body().getString("hash");
            assertThat(secondHash).isNotEqualTo(firstHash);

            // an invalid file: 400 naming file:line, nothing changes
            Files.writeString(config, Files.readString(config).replace("interval: 1s", "interval: often"), StandardCharsets.UTF_8);
            Answer invalid = admin("POST", "/api/v1/admin/reload");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body().getJsonObject("error").getString("message")).matches("\\Q" + config + "\\E:\\d+: .*interval.*");
            assertThat(admin("GET", "/api/v1/admin/config").body().getString("hash")).isEqualTo(secondHash);
            assertThat(states()).containsOnlyKeys("alpha-chat", "beta-map", "gamma-pay");
            assertThat(openIncidentOf("alpha-chat")).isEqualTo(incident);

            // a listener change needs a restart: 409, nothing changes
            write("alpha-chat", "beta-map", "gamma-pay");
            Files.writeString(config, Files.readString(config).replace("port: " + port, "port: " + (port + 1)), StandardCharsets.UTF_8);
            Answer restart = admin("POST", "/api/v1/admin/reload");
            assertThat(restart.status()).isEqualTo(409);
            assertThat(restart.body().getJsonObject("error").getString("message"))
                    .isEqualTo("needs a restart: http.port changed " + port + " -> " + (port + 1));

            // SIGHUP: a service removed from the file disappears
            write("alpha-chat", "gamma-pay");
            new ProcessBuilder("kill", "-HUP", Long.toString(run.pid())).inheritIO().start().waitFor();
            await("beta-map gone after SIGHUP").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(states()).containsOnlyKeys("alpha-chat", "gamma-pay"));
            assertThat(processes.output("run")).contains("reload (SIGHUP): configuration ");
            assertThat(openIncidentOf("alpha-chat")).isEqualTo(incident);

            // bongsu reload, finding the process and its token through the file
            write("alpha-chat", "beta-map", "gamma-pay");
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            int status = cli.execute("reload", "--config", config.toString(), "--token-env", "BONGSU_RELOAD_TEST_UNSET");
            assertThat(status).as(out.toString()).isEqualTo(0);
            assertThat(out.toString()).startsWith("reloaded: configuration ").contains("+ service beta-map (1 check)");
            assertThat(processes.output("run")).doesNotContain("Exception", "\tat ");
        } finally {
            fleet.stop().await();
        }
    }

    /** Writes the configuration checking these simulated services every second. */
    private void write(String... serviceIds) throws Exception {
        List<ServiceAddress> chosen = fleet.services().stream().filter(s -> List.of(serviceIds).contains(s.id())).toList();
        String yaml = FleetConfigs.yaml(chosen, Duration.ofSeconds(1), Duration.ofMillis(800))
                + "http: {host: 127.0.0.1, port: " + port + "}\n"
                + "admin: {token: \"" + TOKEN + "\"}\n"
                + "vantages: [seoul, busan]\n"
                + "storage: {dir: \"" + dir.resolve("data").toString().replace("\\", "/") + "\"}\n"
                + "detector: {failuresToDown: 2, successesToUp: 2}\n";
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
    }

    private Map<String, String> states() throws Exception {
        JsonArray services = new JsonObject(get("/api/v1/status")).getJsonArray("services");
        return services.stream().map(JsonObject.class::cast).collect(Collectors.toMap(s -> s.getString("id"), s -> s.getString("state")));
    }

    private String openIncidentOf(String service) throws Exception {
        JsonArray incidents = new JsonObject(get("/api/v1/incidents?state=open")).getJsonArray("incidents");
        return incidents.stream().map(JsonObject.class::cast).filter(i -> i.getJsonArray("services").contains(service))
                .map(i -> i.getString("id")).findFirst().orElse(null);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private Answer admin(String method, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), new JsonObject(r.body()));
    }

    private record Answer(int status, JsonObject body) {
    }
}
