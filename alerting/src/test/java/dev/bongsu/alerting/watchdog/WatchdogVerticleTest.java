package dev.bongsu.alerting.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.notify.webhook.WebhookSignature;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.alerting.support.RecordingReceiver.Reply;
import dev.bongsu.model.config.WatchdogConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watchdog against a real receiver on 127.0.0.1: signed calls every period, failures logged once per streak. */
class WatchdogVerticleTest {
    private static final String SECRET = "dms-secret-0123456789";
    /** Held strongly: a logger only weakly referenced may be collected and replaced, losing the handler. */
    private static final Logger WATCHDOG_LOG = Logger.getLogger("watchdog");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Vertx vertx;
    private RecordingReceiver receiver;

    @BeforeEach
    void start() {
        WATCHDOG_LOG.addHandler(capture);
        vertx = Vertx.vertx();
        receiver = RecordingReceiver.start(vertx);
    }

    @AfterEach
    void stop() {
        WATCHDOG_LOG.removeHandler(capture);
        receiver.close();
        vertx.close().await();
    }

    @Test
    void postsASignedAliveCallAtStartAndEveryPeriod() {
        WatchdogConfig cfg = new WatchdogConfig(receiver.url("/ping/abc-secret-path"), SECRET, Duration.ofSeconds(1), Duration.ofSeconds(1));
        vertx.deployVerticle(new WatchdogVerticle(cfg, "node-1", "1.2.3", Clock.systemUTC())).await();

        await("three alive calls").atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= 3);

        for (RecordingReceiver.Request r : receiver.requests()) {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/ping/abc-secret-path");
            JsonObject body = new JsonObject(r.body());
            assertThat(body.getString("status")).isEqualTo("alive");
            assertThat(body.getString("node")).isEqualTo("node-1");
            assertThat(body.getString("version")).isEqualTo("1.2.3");
            assertThat(body.getLong("every")).isEqualTo(1L);
            assertThat(WebhookSignature.verify(r.header("X-Bongsu-Signature"), r.body().getBytes(StandardCharsets.UTF_8), SECRET,
                    java.time.Instant.now(), Duration.ofMinutes(5))).as("signature of %s", r.body()).isTrue();
        }
        assertThat(logged).extracting(LogRecord::getMessage).noneMatch(m -> m.contains("abc-secret-path") || m.contains(SECRET));
    }

    @Test
    void aFailingReceiverIsLoggedOnceAndItsRecoveryOnce() {
        receiver.answer(r -> Reply.status(503, "down"));
        WatchdogConfig cfg = new WatchdogConfig(receiver.url("/ping/abc-secret-path"), null, Duration.ofSeconds(1), Duration.ofSeconds(1));
        vertx.deployVerticle(new WatchdogVerticle(cfg, "node-1", "1.2.3", Clock.systemUTC())).await();

        await("three failed calls").atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= 3);
        receiver.answer(r -> Reply.ok());
        await("recovery logged").atMost(Duration.ofSeconds(20))
                .until(() -> messages().stream().anyMatch(m -> m.contains("get through again")));

        assertThat(messages().stream().filter(m -> m.contains("alive call failed"))).hasSize(1);
        assertThat(receiver.requests()).allSatisfy(r -> assertThat(r.header("X-Bongsu-Signature")).isNull());
        assertThat(messages()).noneMatch(m -> m.contains("abc-secret-path"));
    }

    @Test
    void aCallThatHangsIsNeverQueuedBehind() {
        receiver.answer(r -> Reply.hang());
        WatchdogConfig cfg = new WatchdogConfig(receiver.url("/ping"), null, Duration.ofSeconds(1), Duration.ofSeconds(1));
        vertx.deployVerticle(new WatchdogVerticle(cfg, "node-1", "1.2.3", Clock.systemUTC())).await();

        await("the timeout logged").atMost(Duration.ofSeconds(20)).until(() -> messages().stream().anyMatch(m -> m.contains("alive call failed")));
        assertThat(messages().stream().filter(m -> m.contains("alive call failed"))).hasSize(1);
    }

    private List<String> messages() {
        return logged.stream().map(LogRecord::getMessage).toList();
    }
}
