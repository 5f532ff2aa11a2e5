package dev.bongsu.app.chaos;

import static org.awaitility.Awaitility.await;

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
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running Bongsu for the fuzzer: a simulated fleet whose private attributes have distinctive values (in this JVM),
 * {@code bongsu run} in a child JVM whose output is captured, a correlated outage on a private datacenter in progress,
 * a resolved (hidden) network-wide probe-fault incident, silences and a human update.
 */
final class FuzzSystem implements AutoCloseable {
    /** The admin token of the running system. */
    static final String TOKEN = "fuzz-admin-token-7c1e9a52d4";
    /** Attribute values the configuration keeps private; no public answer may contain one. */
    /** The subscriber's address: personal data, never in any answer but the admin API's. */
    static final String SUBSCRIBER = "fuzz.reader@example.com";
    static final List<String> PRIVATE_VALUES = List.of("dcqx-hidden-7", "dcqx-other-8", "rgqx-secret-4", "depqx-login-5", "depqx-dns-6",
            SUBSCRIBER);
    /** The datacenter whose services are down throughout the fuzzing. */
    static final String BURNING_DC = "dcqx-hidden-7";
    private static final String FLEET = """
            services:
              - {id: alpha-chat, name: {ko: 알파톡, en: AlphaChat}, provider: alpha, category: messenger, datacenter: dcqx-hidden-7, region: rgqx-secret-4, dependsOn: [depqx-login-5], latency: 2ms}
              - {id: alpha-bank, name: {ko: 알파뱅크, en: AlphaBank}, provider: alpha, category: bank, datacenter: dcqx-hidden-7, region: rgqx-secret-4, dependsOn: [depqx-login-5], latency: 2ms}
              - {id: alpha-pay, name: {ko: 알파페이, en: AlphaPay}, provider: alpha, category: pay, datacenter: dcqx-other-8, region: rgqx-secret-4, dependsOn: [depqx-login-5], latency: 2ms}
              - {id: alpha-map, name: {ko: 알파맵, en: AlphaMap}, provider: alpha, category: map, datacenter: dcqx-other-8, region: rgqx-secret-4, latency: 2ms}
              - {id: beta-chat, name: {ko: 베타톡, en: BetaChat}, provider: beta, category: messenger, datacenter: dcqx-hidden-7, dependsOn: [depqx-dns-6], latency: 2ms}
              - {id: beta-bank, name: {ko: 베타뱅크, en: BetaBank}, provider: beta, category: bank, datacenter: dcqx-hidden-7, dependsOn: [depqx-dns-6], latency: 2ms}
              - {id: beta-pay, name: {ko: 베타페이, en: BetaPay}, provider: beta, category: pay, datacenter: dcqx-other-8, latency: 2ms}
              - {id: beta-map, name: {ko: 베타맵, en: BetaMap}, provider: beta, category: map, datacenter: dcqx-other-8, latency: 2ms}
            """;
    private static final Pattern PROBE_FAULT_OPENED = Pattern.compile("incident opened (\\S+) #\\d+ \\[probe_fault");

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ClusterProcesses processes;
    private RunningFleet fleet;
    private HttpServer receiver;
    private int port;
    private String correlatedId;
    private String probeFaultId;
    private String silenceId;
    private String updateId;
    private String maintenanceId;
    private String declaredId;
    private String subscriberId;

    private FuzzSystem(Path dir) {
        this.processes = new ClusterProcesses(dir);
    }

    /** Starts everything and waits until the outage, the incidents, a silence and an update exist. */
    static FuzzSystem start(Path dir) throws Exception {
        FuzzSystem s = new FuzzSystem(dir);
        try {
            s.startAll(dir);
            return s;
        } catch (Exception | AssertionError e) {
            String log = s.log();
            s.close();
            throw new AssertionError("the fuzz target did not come up: " + e.getMessage() + "\n" + log, e);
        }
    }

    private void startAll(Path dir) throws Exception {
        Codecs.registerAll(vertx.eventBus());
        fleet = new Simulator(vertx, Fleet.parse("fuzz-fleet.yaml", FLEET), SimulatorOptions.defaults().withBasePort(0).withoutLatency())
                .start().await();
        receiver = vertx.createHttpServer().requestHandler(req -> req.body().onComplete(b -> {
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").await();
        port = Tools.freeLoopbackPort();
        Path config = dir.resolve("fuzz.yaml");
        Files.writeString(config, configYaml(dir.resolve("data")), StandardCharsets.UTF_8);
        processes.start("run", Map.of(), "run", "--config", config.toString());
        await("every service up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> states().values().stream().allMatch("up"::equals));

        // Everything fails from every vantage: a network-wide probe fault, hidden from the public.
        fleet.inject(Target.all(), new Fault.Refuse()).await();
        await("a probe-fault incident").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300))
                .until(() -> PROBE_FAULT_OPENED.matcher(log()).find());
        Matcher m = PROBE_FAULT_OPENED.matcher(log());
        probeFaultId = m.find() ? m.group(1) : null;
        // Only the burning datacenter stays down: the probe fault resolves, one correlated incident stays open.
        fleet.clearAll().await();
        fleet.inject(Target.datacenter(BURNING_DC), new Fault.Refuse()).await();
        await("an open correlated incident of the burning datacenter").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> correlatedOpen() != null && !probeFaultOpen());
        correlatedId = correlatedOpen();

        silenceId = admin("POST", "/api/v1/admin/silences", new JsonObject()
                .put("matchers", new JsonArray().add("datacenter=" + BURNING_DC)).put("duration", "2h")
                .put("author", "fuzz").put("comment", "planned work").encode()).getString("id");
        admin("POST", "/api/v1/admin/silences", new JsonObject()
                .put("matchers", new JsonArray().add("provider=beta")).put("duration", "30m")
                .put("author", "fuzz").put("comment", "second").encode());
        JsonObject update = admin("POST", "/api/v1/admin/incidents/" + correlatedId + "/updates", new JsonObject().put("status", "identified")
                .put("text", new JsonObject().put("ko", "원인을 찾았습니다").put("en", "We found the cause")).encode());
        updateId = String.valueOf(update.getJsonObject("update").getValue("id"));

        // the operator's own records: a maintenance announced for tomorrow, a declared incident, a pending subscriber
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        maintenanceId = admin("POST", "/api/v1/admin/maintenance", new JsonObject()
                .put("title", new JsonObject().put("ko", "정기 점검").put("en", "Planned maintenance"))
                .put("services", new JsonArray().add("beta-map")).put("start", tomorrow.toString())
                .put("end", tomorrow.plus(Duration.ofHours(2)).toString()).encode()).getString("id");
        declaredId = admin("POST", "/api/v1/admin/incidents", new JsonObject()
                .put("title", new JsonObject().put("ko", "결제 지연").put("en", "Payments delayed"))
                .put("services", new JsonArray().add("beta-pay")).put("impact", "partial_outage")
                .put("text", new JsonObject().put("ko", "결제가 늦습니다").put("en", "Payments are late")).encode())
                .getJsonObject("incident").getString("id");
        admin("POST", "/api/v1/subscriptions", new JsonObject().put("email", SUBSCRIBER).put("lang", "en").encode());
        subscriberId = admin("GET", "/api/v1/admin/subscribers", "").getJsonArray("subscribers").getJsonObject(0).getString("id");
    }

    private boolean probeFaultOpen() {
        return probeFaultId != null && !log().contains("incident resolved " + probeFaultId + " ");
    }

    private String configYaml(Path data) {
        return FleetConfigs.yaml(fleet.services(), Duration.ofSeconds(1), Duration.ofMillis(800), List.of("provider", "category"))
                + "http: {host: 127.0.0.1, port: " + port + "}\n"
                + "admin: {token: \"" + TOKEN + "\"}\n"
                + "vantages: [seoul, busan, tokyo]\n"
                + "storage: {dir: \"" + data.toString().replace("\\", "/") + "\"}\n"
                + "detector: {failuresToDown: 2, successesToUp: 2, correlationWindow: 5s}\n"
                + "alerting:\n  receivers:\n    - {name: log, type: log}\n"
                + "    - {name: oncall, type: webhook, url: \"http://127.0.0.1:" + receiver.actualPort() + "/hook\"}\n"
                + "  defaultReceivers: [log, oncall]\n";
    }

    private Map<String, String> states() throws Exception {
        JsonArray services = new JsonObject(get("/api/v1/status")).getJsonArray("services");
        return services.stream().map(JsonObject.class::cast)
                .collect(java.util.stream.Collectors.toMap(s -> s.getString("id"), s -> s.getString("state")));
    }

    private String correlatedOpen() throws Exception {
        JsonArray incidents = new JsonObject(get("/api/v1/incidents?state=open")).getJsonArray("incidents");
        return incidents.stream().map(JsonObject.class::cast).filter(i -> "correlated".equals(i.getString("kind")))
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

    private JsonObject admin(String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body());
    }

    int port() {
        return port;
    }

    /** Service ids of the fleet. */
    List<String> serviceIds() {
        return fleet.services().stream().map(ServiceAddress::id).toList();
    }

    String correlatedId() {
        return correlatedId;
    }

    /** The id of the hidden probe-fault incident. */
    String probeFaultId() {
        return probeFaultId;
    }

    /** The id of the human update posted to the correlated incident. */
    String updateId() {
        return updateId;
    }

    String silenceId() {
        return silenceId;
    }

    /** The maintenance announced for tomorrow through the admin API. */
    String maintenanceId() {
        return maintenanceId;
    }

    /** The incident the operator declared. */
    String declaredId() {
        return declaredId;
    }

    /** The pending subscriber (its address is personal data the public must never see). */
    String subscriberId() {
        return subscriberId;
    }

    /** Everything the child process has written so far. */
    String log() {
        return processes.output("run");
    }

    @Override
    public void close() {
        processes.close();
        vertx.close().await();
    }
}
