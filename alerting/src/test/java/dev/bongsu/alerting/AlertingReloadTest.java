package dev.bongsu.alerting;

import static dev.bongsu.alerting.support.Incidents.T0;
import static dev.bongsu.alerting.support.Incidents.service;
import static dev.bongsu.alerting.support.Incidents.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Alerting#reconfigure}: receivers added and removed while running, the outbox kept. */
class AlertingReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private BongsuConfig config(String receivers) {
        String yaml = """
                http: {publicUrl: "https://status.example.kr"}
                storage: {dir: "%s"}
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaobank, name: KakaoBank, provider: kakao, category: bank, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaopay, name: KakaoPay, provider: kakao, category: pay, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                alerting:
                  groupWait: 0s
                  outbox: {initialBackoff: 200ms, maxBackoff: 1s}
                  receivers:
                %s""".formatted(dir, receivers);
        return new ConfigLoader(Map.of()).parse("reload.yaml", yaml);
    }

    private static String hook(String name, RecordingReceiver r) {
        return "    - {name: " + name + ", type: webhook, url: \"" + r.url("/" + name) + "\", timeout: 20s}\n";
    }

    private static List<String> keys(RecordingReceiver r) {
        return r.requests().stream().map(q -> q.header("idempotency-key")).toList();
    }

    private static List<JsonObject> rows(JsonArray a) {
        return IntStream.range(0, a.size()).mapToObj(a::getJsonObject).toList();
    }

    @Test
    void anAddedReceiverGetsTheNextNotificationAndARemovedOneNoMoreItsQueueBecomingDeadLetters() {
        try (RecordingReceiver a = RecordingReceiver.start(vertx); RecordingReceiver b = RecordingReceiver.start(vertx)) {
            Alerting alerting = Alerting.create(vertx, config(hook("hook-a", a)), Clock.systemUTC(), "node-a", IncidentReader.none());
            vertx.deployVerticle(alerting.verticle()).await();
            var bus = vertx.eventBus();

            bus.publish(Addresses.INCIDENTS, transition(service("A", "kakaotalk", 1, IncidentState.OPEN, T0, null)));
            await().atMost(WAIT).until(() -> keys(a).contains("A:1"));

            alerting.reconfigure(config(hook("hook-a", a) + hook("hook-b", b))).await();
            bus.publish(Addresses.INCIDENTS, transition(service("B", "kakaobank", 1, IncidentState.OPEN, T0, null)));
            await().atMost(WAIT).until(() -> keys(b).contains("B:1") && keys(a).contains("B:1"));
            assertThat(keys(b)).doesNotContain("A:1");

            // hook-a goes down with a notification queued, then is removed from the configuration.
            a.answer(q -> RecordingReceiver.Reply.status(503, "down"));
            bus.publish(Addresses.INCIDENTS, transition(service("C", "kakaopay", 1, IncidentState.OPEN, T0, null)));
            await().atMost(WAIT).until(() -> keys(a).contains("C:1") && keys(b).contains("C:1"));
            alerting.reconfigure(config(hook("hook-b", b))).await();

            List<JsonObject> dead = rows(alerting.outbox().rows("dead", 10).await());
            assertThat(dead).singleElement().satisfies(row -> {
                assertThat(row.getString("receiver")).isEqualTo("hook-a");
                assertThat(row.getString("transitionKey")).isEqualTo("C:1");
                assertThat(row.getString("reason")).isEqualTo("receiver removed by reload");
            });
            bus.publish(Addresses.INCIDENTS, transition(service("D", "kakaotalk", 1, IncidentState.OPEN, T0.plusSeconds(90), null)));
            await().atMost(WAIT).until(() -> keys(b).contains("D:1"));
            List<JsonObject> forA = rows(alerting.outbox().rows("pending", 50).await()).stream()
                    .filter(r -> "hook-a".equals(r.getString("receiver"))).toList();
            assertThat(forA).isEmpty();
            assertThat(alerting.outbox().status().await().getJsonObject("receivers").getJsonObject("hook-a").getLong("sent")).isEqualTo(2L);
            vertx.undeploy(vertx.deploymentIDs().iterator().next()).await();
            alerting.close();
        }
    }
}
