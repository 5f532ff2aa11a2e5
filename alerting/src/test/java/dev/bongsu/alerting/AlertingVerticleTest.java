package dev.bongsu.alerting;

import static dev.bongsu.alerting.support.Incidents.T0;
import static dev.bongsu.alerting.support.Incidents.correlated;
import static dev.bongsu.alerting.support.Incidents.service;
import static dev.bongsu.alerting.support.Incidents.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertingVerticleTest {
    private Vertx vertx;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    static BongsuConfig config(Path dir, String hookUrl) {
        String yaml = """
                http: {publicUrl: "https://status.example.kr"}
                storage: {dir: "%s"}
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaobank, name: KakaoBank, provider: kakao, category: bank, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaopay, name: KakaoPay, provider: kakao, category: pay, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaomap, name: KakaoMap, provider: kakao, category: map, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                alerting:
                  groupWait: 1s
                  receivers:
                    - {name: hook, type: webhook, url: "%s", secret: "${SECRET}", timeout: 30s}
                """.formatted(dir, hookUrl);
        return new ConfigLoader(Map.of("SECRET", "0123456789abcdef-secret")).parse("test.yaml", yaml);
    }

    @Test
    void aDataCentreFireOnTheEventBusIsOnePageOpenedAndOneResolved() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            Alerting alerting = Alerting.create(vertx, config(dir, r.url("/hook")), Clock.systemUTC(), "node-a", IncidentReader.none());
            vertx.deployVerticle(alerting.verticle()).await();
            var bus = vertx.eventBus();
            bus.publish(Addresses.INCIDENTS, transition(service("A", "kakaotalk", 1, IncidentState.OPEN, T0, null)));
            bus.publish(Addresses.INCIDENTS, transition(service("B", "kakaobank", 1, IncidentState.OPEN, T0, null)));
            bus.publish(Addresses.INCIDENTS, transition(correlated("A", 2, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")));
            bus.publish(Addresses.INCIDENTS, transition(service("B", "kakaobank", 2, IncidentState.RESOLVED, T0, "A")));
            bus.publish(Addresses.INCIDENTS, transition(correlated("A", 3, IncidentState.OPEN, T0, "kakaotalk", "kakaobank", "kakaopay",
                    "kakaomap")));

            await().atMost(Duration.ofSeconds(40)).until(() -> r.requests().size() == 1);
            bus.publish(Addresses.INCIDENTS, transition(correlated("A", 4, IncidentState.RESOLVED, T0.plusSeconds(600), "kakaotalk",
                    "kakaobank", "kakaopay", "kakaomap")));
            await().atMost(Duration.ofSeconds(40)).until(() -> r.requests().size() == 2);

            List<JsonObject> bodies = r.requests().stream().map(q -> new JsonObject(q.body())).toList();
            assertThat(bodies).extracting(b -> b.getString("event")).containsExactly("incident.opened", "incident.resolved");
            assertThat(bodies.get(0).getJsonObject("incident").getJsonArray("services")).hasSize(4);
            assertThat(r.requests()).extracting(q -> q.header("idempotency-key")).containsExactly("A:3", "A:4");
            assertThat(bodies.get(0).getString("link")).isEqualTo("https://status.example.kr/incidents/A");
            // The merged per-service incident is on record as suppressed, not forgotten.
            JsonObject suppressed = alerting.outbox().rows("suppressed", 10).await().getJsonObject(0);
            assertThat(suppressed.getString("incidentId")).isEqualTo("B");
            vertx.undeploy(vertx.deploymentIDs().iterator().next()).await();
            alerting.close();
        }
    }
}
