package dev.bongsu.alerting.ack;

import static dev.bongsu.alerting.support.Incidents.T0;
import static dev.bongsu.alerting.support.Incidents.correlated;
import static dev.bongsu.alerting.support.Incidents.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.Alerting;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.RouteConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerting with real webhook receivers on 127.0.0.1: an unacknowledged incident escalates after its delay, the signed
 * link acknowledges it (GET shows a button, POST acknowledges), and then no reminder and no further step is sent.
 */
class AckAndEscalationEndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final Map<String, Incident> incidents = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private String base;
    private Router router;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false));
        int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private BongsuConfig config(String hooks) {
        BongsuConfig cfg = new ConfigLoader(Map.of()).parse("test.yaml", """
                http: {publicUrl: "%s"}
                storage: {dir: "%s"}
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                alerting:
                  groupWait: 0s
                  receivers:
                    - {name: first, type: webhook, url: "%s/first", timeout: 30s}
                    - {name: second, type: webhook, url: "%s/second", timeout: 30s}
                    - {name: manager, type: webhook, url: "%s/manager", timeout: 30s}
                  routes:
                    - match: {provider: kakao}
                      receivers: [first]
                      escalate:
                        - {after: 2s, receivers: [second]}
                        - {after: 15s, receivers: [manager]}
                """.formatted(base, dir, hooks, hooks, hooks));
        // Reminders every second, shorter than YAML allows, so that "no more reminders" is seen quickly.
        AlertingConfig a = cfg.alerting();
        RouteConfig r = a.routes().get(0);
        RouteConfig fast = new RouteConfig(r.match(), r.receivers(), false, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1),
                r.escalate());
        return cfg.withAlerting(new AlertingConfig(a.receivers(), List.of(fast), a.defaultReceivers(), a.monitoringReceivers(),
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), a.inhibit(), a.maintenance(), a.outbox(), a.ack()));
    }

    private IncidentReader reader() {
        return new IncidentReader() {
            @Override
            public Future<List<Incident>> incidents(IncidentQuery query) {
                return Future.succeededFuture(List.of());
            }

            @Override
            public Future<Optional<Incident>> incident(String id) {
                return Future.succeededFuture(Optional.ofNullable(incidents.get(id)));
            }
        };
    }

    private void publish(Incident i) {
        incidents.put(i.id(), i);
        vertx.eventBus().publish(Addresses.INCIDENTS, transition(i));
    }

    private static List<JsonObject> bodies(RecordingReceiver r, String path, String incidentId) {
        return r.requests().stream().filter(q -> q.path().equals(path)).map(q -> new JsonObject(q.body()))
                .filter(b -> b.getJsonObject("incident").getString("id").equals(incidentId)).toList();
    }

    private HttpResponse<String> send(HttpRequest.Builder req) throws Exception {
        return http.send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void escalatesWhileUnacknowledgedAndStopsRepeatingOnceTheSignedLinkIsUsed() throws Exception {
        try (RecordingReceiver hooks = RecordingReceiver.start(vertx)) {
            Alerting alerting = Alerting.create(vertx, config(hooks.url("")), Clock.systemUTC(), "node-a", reader());
            alerting.ackRoutes().mount(router);
            vertx.deployVerticle(alerting.verticle()).await();

            publish(correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk"));
            await().atMost(DEADLINE).until(() -> !bodies(hooks, "/first", "A").isEmpty());
            JsonObject opened = bodies(hooks, "/first", "A").get(0);
            assertThat(opened.getString("event")).isEqualTo("incident.opened");
            String ackUrl = opened.getString("ackUrl");
            assertThat(ackUrl).startsWith(base + "/api/v1/ack/A?exp=");

            // Nobody acknowledges: after 2 s the second on-call is told.
            await().atMost(DEADLINE).until(() -> !bodies(hooks, "/second", "A").isEmpty());
            JsonObject escalated = bodies(hooks, "/second", "A").get(0);
            assertThat(escalated.getString("idempotencyKey")).isEqualTo("A:escalation-1");
            assertThat(escalated.getString("notice")).startsWith("Escalated (step 1)");

            // A forged signature gets a 403 page; opening the real link acknowledges nothing.
            HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(ackUrl.replaceAll("sig=[^&]+", "sig=AAAA"))));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("id=\"ack-forged\"");
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(ackUrl)));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<form id=\"ack-form\" method=\"post\"", "<button type=\"submit\">Acknowledge</button>");
            assertThat(alerting.acks().acknowledgement("A")).isEmpty();

            HttpResponse<String> acked = send(HttpRequest.newBuilder(URI.create(ackUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("by=kim")));
            assertThat(acked.statusCode()).isEqualTo(200);
            assertThat(acked.body()).contains("id=\"ack-done\"", "Acknowledged by kim at ");
            assertThat(alerting.acks().acknowledgement("A")).hasValueSatisfying(a -> {
                assertThat(a.by()).isEqualTo("kim");
                assertThat(a.via()).isEqualTo("link");
            });
            HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(ackUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("by=lee")));
            assertThat(again.body()).contains("Already acknowledged by kim at ");

            // Everyone told of A hears it was acknowledged.
            await().atMost(DEADLINE).until(() -> bodies(hooks, "/first", "A").stream().anyMatch(b -> b.getString("event").equals("incident.acknowledged"))
                    && bodies(hooks, "/second", "A").stream().anyMatch(b -> b.getString("event").equals("incident.acknowledged")));

            // B, opened now and never acknowledged, is the clock: once its second step reached the manager (15 s after its
            // first notification, later than A's would have been), A has had many reminder and escalation chances.
            publish(correlated("B", 1, IncidentState.OPEN, T0, "kakaotalk"));
            await().atMost(DEADLINE).until(() -> !bodies(hooks, "/manager", "B").isEmpty());
            assertThat(bodies(hooks, "/first", "B")).extracting(b -> b.getString("idempotencyKey")).contains("B:1:repeat-1", "B:1:repeat-2");

            assertThat(bodies(hooks, "/manager", "A")).as("no step after the acknowledgement").isEmpty();
            for (String path : List.of("/first", "/second")) {
                List<String> keys = bodies(hooks, path, "A").stream().map(b -> b.getString("idempotencyKey")).toList();
                assertThat(keys.subList(keys.indexOf("A:ack") + 1, keys.size())).as("sent to " + path + " after the acknowledgement").isEmpty();
                JsonObject ackNews = bodies(hooks, path, "A").get(keys.indexOf("A:ack"));
                assertThat(ackNews.getJsonObject("acknowledgement").getString("by")).isEqualTo("kim");
                assertThat(ackNews.getValue("ackUrl")).isNull();
            }

            // A new change of the acknowledged incident is still sent.
            publish(correlated("A", 2, IncidentState.RESOLVED, T0.plusSeconds(600), "kakaotalk"));
            await().atMost(DEADLINE).until(() -> bodies(hooks, "/first", "A").stream().anyMatch(b -> b.getString("event").equals("incident.resolved")));
            alerting.close();
        }
    }
}
