package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.simulator.Fleet;
import dev.bongsu.simulator.Scenarios;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline end to end on loopback: simulated fleet → probes from three vantages → aggregator, detector,
 * alerting, status page; a short data-centre fire must give one correlated incident naming kakao, exactly one page
 * for it at the webhook receiver, and its resolution.
 */
class DemoSystemTest {
    private static final String SHORT_FIRE = """
            name: short-fire
            description: kakao services in pangyo refuse connections for 20s
            steps:
              - at: 2s
                for: 20s
                target: {provider: kakao, datacenter: pangyo}
                fault: refuse
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<JsonObject> pages = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer receiver;
    private DemoSystem demo;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            pages.add(body.toJsonObject());
            idempotencyKeys.add(req.getHeader("Idempotency-Key"));
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").await();
        DemoSystem.Options options = new DemoSystem.Options(0, Duration.ofSeconds(2), Duration.ofSeconds(1), dataDir,
                List.of("http://127.0.0.1:" + receiver.actualPort() + "/hook"), null, null);
        demo = DemoSystem.start(vertx, options, Clock.systemUTC()).await();
    }

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close().await();
        }
        vertx.close().await();
    }

    @Test
    void aDataCentreFireGivesOneCorrelatedIncidentNamingTheProviderAndOnePage() throws Exception {
        await("every service up").atMost(Duration.ofSeconds(30)).until(() -> states().values().stream().allMatch("up"::equals));

        Scenario fire = Scenarios.parse("short-fire.yaml", SHORT_FIRE, Fleet.defaultFleet());
        demo.play(fire, report -> { });

        await("kakao in pangyo down, everything else up").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(states()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "kakaotalk", "down", "kakaobank", "down", "kakaopay", "down", "kakaomap", "down",
                        "line", "up", "naverbank", "up", "naverpay", "up", "navermap", "up")));
        await("one open correlated incident").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonObject> correlated = openIncidents().stream().filter(i -> i.getString("kind").equals("correlated")).toList();
            assertThat(correlated).hasSize(1);
            JsonObject hypothesis = correlated.get(0).getJsonObject("hypothesis");
            assertThat(hypothesis.getString("attribute")).isEqualTo("provider");
            assertThat(hypothesis.getString("value")).isEqualTo("kakao");
            assertThat(correlated.get(0).getJsonArray("services").getList())
                    .containsExactlyInAnyOrder("kakaotalk", "kakaobank", "kakaopay", "kakaomap");
        });

        await("the fire is over and the incident resolved").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(openIncidents()).isEmpty();
            assertThat(pages).extracting(p -> p.getString("event")).contains("incident.resolved");
        });
        List<String> events = pages.stream().map(p -> p.getString("event") + " " + p.getJsonObject("incident").getString("kind"))
                .collect(Collectors.toList());
        // One story: opened once, maybe updated as services come back in waves, resolved once; never a page per service.
        assertThat(events).as("pages received: %s", events).first().isEqualTo("incident.opened correlated");
        assertThat(events).as("pages received: %s", events).last().isEqualTo("incident.resolved correlated");
        assertThat(events).as("pages received: %s", events).allMatch(e -> e.endsWith(" correlated"))
                .filteredOn(e -> e.startsWith("incident.opened")).hasSize(1);
        assertThat(idempotencyKeys).doesNotHaveDuplicates().allMatch(k -> k != null && k.contains(":"));
        assertThat(pages.get(0).getString("link")).startsWith("http://127.0.0.1:" + demo.httpPort() + "/incidents/");

        // /metrics is not on the public port: the demo serves it on a listener of its own.
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.metricsPort() + "/metrics"))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(getStatus("/metrics")).as("/metrics on the public port").isEqualTo(404);
        assertThat(metrics.body()).contains("bongsu_probes_total", "bongsu_service_state");
        HttpResponse<String> page = getText("/");
        assertThat(page.body()).contains("카카오톡").doesNotContain(demo.fleet().services().get(0).healthUrl().toString());
    }

    private Map<String, String> states() throws Exception {
        JsonArray services = get("/api/v1/status").getJsonArray("services");
        return services.stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(s -> s.getString("id"), s -> s.getString("state")));
    }

    private List<JsonObject> openIncidents() throws Exception {
        return get("/api/v1/incidents?state=open").getJsonArray("incidents").stream().map(JsonObject.class::cast).toList();
    }

    private JsonObject get(String path) throws Exception {
        return new JsonObject(getText(path).body());
    }

    private int getStatus(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.httpPort() + path))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> getText(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.httpPort() + path))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }
}
