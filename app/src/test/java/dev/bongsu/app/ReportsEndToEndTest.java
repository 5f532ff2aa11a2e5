package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.scenario.Scenario;
import dev.bongsu.simulator.Scenarios;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newsroom report end to end: the real demo system (simulated fleet, probes from three vantages, detector,
 * stores, status page) plays the built-in {@code dc-fire} scenario, whose fire lasts 60 s; the report by provider
 * for that day must then say about one minute of outage for kakao and none for naver.
 */
class ReportsEndToEndTest {
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Vertx vertx;
    private DemoSystem demo;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        DemoSystem.Options options = new DemoSystem.Options(0, Duration.ofSeconds(2), Duration.ofSeconds(1), dataDir, List.of(),
                null, null);
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
    void aSixtySecondDataCentreFireIsAboutOneMinuteOfOutageForKakaoAndNoneForNaver() throws Exception {
        await("every service up").atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/status").getJsonArray("services").stream()
                .map(JsonObject.class::cast).allMatch(s -> s.getString("state").equals("up")));

        Scenario fireScenario = Scenarios.builtIn("dc-fire");
        assertThat(fireScenario.steps()).singleElement().satisfies(s -> assertThat(s.duration()).isEqualTo(Duration.ofSeconds(60)));
        demo.play(fireScenario, report -> { });

        await("the fire's correlated incident opened").atMost(Duration.ofSeconds(60)).until(() -> correlated() != null);
        await("the fire is over and its incident resolved").atMost(Duration.ofSeconds(120)).until(() -> {
            JsonObject c = correlated();
            return c != null && c.getString("resolvedAt") != null && incidents("?state=open").isEmpty();
        });

        JsonObject fire = correlated();
        LocalDate from = LocalDate.ofInstant(Instant.parse(fire.getString("startedAt")), KST);
        LocalDate to = LocalDate.ofInstant(Instant.parse(fire.getString("resolvedAt")), KST);
        JsonObject report = get("/api/v1/reports?by=provider&from=" + from + "&to=" + to);
        Map<String, JsonObject> groups = report.getJsonArray("groups").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(g -> g.getString("key"), g -> g));

        JsonObject kakao = groups.get("kakao");
        JsonObject naver = groups.get("naver");
        assertThat(kakao.getDouble("outageMinutes")).as("kakao: %s", kakao).isBetween(0.5, 2.5);
        assertThat(kakao.getInteger("incidents")).as("one correlated incident, its members not counted again").isEqualTo(1);
        assertThat(kakao.getJsonObject("longestOutage").getDouble("minutes")).isBetween(0.5, 2.5);
        assertThat(naver.getDouble("outageMinutes")).as("naver: %s", naver).isZero();
        assertThat(naver.getInteger("incidents")).isZero();
        assertThat(naver.getValue("longestOutage")).isNull();

        HttpResponse<String> csv = send("/api/v1/reports.csv?by=provider&from=" + from + "&to=" + to);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().filter(l -> l.startsWith("kakao,")).findFirst()).isPresent();
    }

    private JsonObject correlated() throws Exception {
        return incidents("").stream().filter(i -> i.getString("kind").equals("correlated")).findFirst().orElse(null);
    }

    private List<JsonObject> incidents(String query) throws Exception {
        return get("/api/v1/incidents" + query).getJsonArray("incidents").stream().map(JsonObject.class::cast).toList();
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.httpPort() + path))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
