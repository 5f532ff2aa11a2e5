package dev.bongsu.aggregator.metrics;

import dev.bongsu.aggregator.store.StoreStats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.Severity;
import dev.bongsu.model.Timings;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.testkit.Tools;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsVerticleTest {
    static Vertx vertx;
    static HttpServer server;
    static MetricsVerticle verticle;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        LiveStatus live = new LiveStatus() {
            @Override
            public List<ServiceState> serviceStates() {
                return List.of(new ServiceState("kakaotalk", Health.UP, t, null), new ServiceState("naver-map", Health.UP, t, null));
            }

            @Override
            public List<Incident> openIncidents() {
                return List.of(incident("inc-0", IncidentKind.PROBE_FAULT, IncidentState.OPEN, t));
            }
        };
        verticle = new MetricsVerticle(live);
        vertx.deployVerticle(verticle).await();
        Router router = Router.router(vertx);
        verticle.mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        publishEveryKindOfEvent();
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().body().contains("bongsu_notifications_total{outcome=\"sent\",receiver=\"oncall\"} 1"));
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    static Incident incident(String id, IncidentKind kind, IncidentState state, Instant t) {
        return new Incident(id, 1, kind, state, Severity.CRITICAL, List.of("kakaotalk"), List.of("seoul-kt"), t, t,
                state == IncidentState.OPEN ? null : t, new LocalizedText("장애", "outage"), null, null, List.of());
    }

    static void publishEveryKindOfEvent() {
        var bus = vertx.eventBus();
        long t0 = Instant.parse("2026-11-25T10:00:00Z").toEpochMilli();
        bus.publish(Addresses.RESULTS, new ResultBatch("seoul-kt", List.of(
                ProbeResult.success("kakaotalk.http", "kakaotalk", "seoul-kt", t0, 200, new Timings(1, 2, 3, 20, 42)),
                ProbeResult.failure("kakaotalk.http", "kakaotalk", "seoul-kt", t0 + 1, ErrorClass.CONNECT_REFUSED, 0, Timings.total(1.5), "refused"),
                ProbeResult.failure("naver-map.http", "naver-map", "seoul-kt", t0 + 2, ErrorClass.HTTP_5XX, 503, Timings.total(3200), "503"))));
        bus.publish(Addresses.PROBE_STATS, new JsonObject().put("vantage", "seoul-kt").put("node", "node-1").put("checks", 120)
                .put("inFlight", 7).put("probesTotal", 9000).put("skippedOverlap", 3).put("lagP50Ms", 1.5).put("lagP99Ms", 12.0).put("lagMaxMs", 40.0));
        bus.publish(Addresses.STORE_STATS, new StoreStats("influx", 1500, 90_000, 4, 0, 3.5,
                Map.of("memoryPoints", 500L, "spoolPoints", 1000L, "spoolBytes", 210_000L, "spoolSegments", 1L, "retries", 6L,
                        "rejectedPoints", 0L, "writeRequests", 180L, "writeMicros", 900_000L, "up", 0L)).toJson());
        Instant t = Instant.parse("2026-11-25T10:01:00Z");
        bus.publish(Addresses.SERVICE_STATES, new ServiceStateChange(new ServiceState("kakaotalk", Health.UP, t, null),
                new ServiceState("kakaotalk", Health.DOWN, t, null)));
        bus.publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.OPENED, incident("inc-1", IncidentKind.SERVICE, IncidentState.OPEN, t)));
        bus.publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.OPENED, incident("inc-2", IncidentKind.CORRELATED, IncidentState.OPEN, t)));
        bus.publish(Addresses.INCIDENTS, new IncidentTransition(TransitionType.RESOLVED, incident("inc-0", IncidentKind.PROBE_FAULT, IncidentState.RESOLVED, t)));
        for (String outcome : List.of("pending", "pending", "failed", "sent")) {
            bus.publish(Addresses.NOTIFICATION_EVENTS, new JsonObject().put("receiver", "oncall").put("outcome", outcome).put("incidentId", "inc-1"));
        }
    }

    static HttpResponse<String> scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void exposesEveryEventAsPrometheusMetrics() throws Exception {
        HttpResponse<String> r = scrape();
        String body = r.body();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(body).contains(
                "bongsu_probes_total{error_class=\"connect_refused\",outcome=\"failure\",vantage=\"seoul-kt\"} 1.0",
                "bongsu_probes_total{error_class=\"none\",outcome=\"success\",vantage=\"seoul-kt\"} 1.0",
                "bongsu_probe_duration_seconds_bucket{vantage=\"seoul-kt\",le=\"0.005\"} 1",
                "bongsu_probe_duration_seconds_count{vantage=\"seoul-kt\"} 3",
                "bongsu_results_ingested_total{vantage=\"seoul-kt\"} 3.0",
                "bongsu_scheduler_lag_p99_seconds{node=\"node-1\",vantage=\"seoul-kt\"} 0.012",
                "bongsu_scheduler_probes_total{node=\"node-1\",vantage=\"seoul-kt\"} 9000.0",
                "bongsu_store_spool_points{store=\"influx\"} 1000.0",
                "bongsu_store_queue_points{store=\"influx\"} 1500.0",
                "bongsu_store_up{store=\"influx\"} 0.0",
                "bongsu_store_write_failures_total{store=\"influx\"} 4.0",
                "bongsu_store_write_duration_seconds_total{store=\"influx\"} 0.9",
                "bongsu_service_state{service=\"kakaotalk\",state=\"down\"} 1.0",
                "bongsu_service_state{service=\"kakaotalk\",state=\"up\"} 0.0",
                "bongsu_service_state{service=\"naver-map\",state=\"up\"} 1.0",
                "bongsu_open_incidents{kind=\"service\"} 1.0",
                "bongsu_open_incidents{kind=\"correlated\"} 1.0",
                "bongsu_open_incidents{kind=\"probe_fault\"} 0.0",
                "bongsu_notifications_total{outcome=\"failed\",receiver=\"oncall\"} 1.0",
                "bongsu_notifications_pending{receiver=\"oncall\"} 1.0",
                "jvm_memory_used_bytes{area=\"heap\"}");
    }

    @Test
    void passesPromtoolCheckMetrics() throws Exception {
        String body = scrape().body();
        Path input = Files.createTempFile("metrics", ".txt");
        Files.writeString(input, body, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(Tools.onPath("prometheus", "promtool"), "check", "metrics").redirectInput(input.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.delete(input);
        assertThat(out).as("promtool check metrics output").isEmpty();
        assertThat(p.exitValue()).isZero();
    }
}
