package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifiers;
import dev.bongsu.alerting.outbox.Outbox;
import dev.bongsu.alerting.outbox.OutboxDatabase;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A take-over marks what the old active server delivered by calling the outbox, with nobody else listening: only the
 * rest is delivered, at once.
 */
class OutboxTakeoverTest {
    @TempDir
    Path dir;

    private ClusterNode node;

    @AfterEach
    void close() {
        if (node != null) {
            node.close().await();
        }
    }

    @Test
    void whatTheLedgerSaysWasDeliveredIsMarkedAndOnlyTheRestIsSent() {
        node = ClusterNode.start(ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(2), 2)).await();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = node.vertx().createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            received.add(req.getHeader("Idempotency-Key"));
            req.response().end();
        })).listen(0, "127.0.0.1").await();
        BongsuConfig cfg = new ConfigLoader(Map.of()).parse("takeover.yaml", """
                storage: {dir: "%s"}
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                alerting:
                  receivers:
                    - {name: oncall, type: webhook, url: "http://127.0.0.1:%d/hook"}
                """.formatted(dir, receiver.actualPort()));
        OutboxDatabase db = new OutboxDatabase(node.vertx(), dir.resolve("outbox.db"));
        Notifiers notifiers = Notifiers.create(node.vertx(), cfg.alerting(), Clock.systemUTC());
        Outbox outbox = new Outbox(node.vertx(), db, notifiers, cfg.alerting().outbox(), Clock.systemUTC(), "standby");
        db.open().compose(v -> outbox.start()).await();
        DeliveredLedger ledger = new DeliveredLedger(node, "standby");
        OutboxTakeover takeover = new OutboxTakeover(outbox, ledger);
        takeover.standby();
        outbox.enqueue(opened("I1")).await();
        outbox.enqueue(opened("I2")).await();
        new DeliveredLedger(node, "old-active").record("oncall", "I1:1").await();

        takeover.takeOver().await();

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> received.size() == 1);
        assertThat(received).containsExactly("I2:1");
        assertThat(outbox.rows("sent", 10).await().encode()).contains("delivered by old-active");
        assertThat(outbox.isPaused()).isFalse();
        notifiers.close();
    }

    private static Notification opened(String id) {
        Instant now = Instant.now();
        Incident incident = new Incident(id, 1, IncidentKind.SERVICE, IncidentState.OPEN, Severity.CRITICAL, List.of("kakaotalk"),
                List.of("seoul"), now, now, null, new LocalizedText("장애", "Outage"), null, null, List.of());
        return new Notification("oncall", TransitionType.OPENED, incident, incident.transitionKey(), "https://status.example.kr/incidents/" + id,
                null, 0, now, null);
    }
}
