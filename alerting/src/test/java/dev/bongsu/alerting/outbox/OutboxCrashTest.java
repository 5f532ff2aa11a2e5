package dev.bongsu.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.support.OutboxHarness;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.alerting.support.RecordingReceiver.Reply;
import dev.bongsu.model.config.OutboxConfig;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a process with pending notifications: after restart every one is delivered with the same key. */
class OutboxCrashTest {
    private static final int INCIDENTS = 5;
    private static Vertx vertx;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void pendingNotificationsSurviveKillMinusNine() throws Exception {
        Path db = dir.resolve("outbox.db");
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            List<String> accepted = new CopyOnWriteArrayList<>();
            r.answer(q -> Reply.status(503, "down for now"));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OutboxChild.class.getName(), db.toString(), r.url("/hook"),
                    String.valueOf(INCIDENTS))
                    .redirectErrorStream(true).start();
            try {
                CompletableFuture<Boolean> written = CompletableFuture.supplyAsync(() -> {
                    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = out.readLine()) != null) {
                            if (line.equals("WRITTEN")) {
                                return true;
                            }
                        }
                        return false;
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                assertThat(written.get(90, TimeUnit.SECONDS)).as("child wrote its notifications").isTrue();
                // The child is mid-retry: attempts reached the receiver and failed.
                await().atMost(Duration.ofSeconds(60)).until(() -> r.requests().size() >= 3);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Set<String> keysBeforeCrash = new TreeSet<>();
            r.requests().forEach(q -> keysBeforeCrash.add(q.header("idempotency-key")));

            r.answer(q -> {
                accepted.add(q.header("idempotency-key"));
                return Reply.ok();
            });
            OutboxConfig cfg = new OutboxConfig(Duration.ofHours(1), 0, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofDays(7));
            try (OutboxHarness restarted = OutboxHarness.start(vertx, db, List.of(ReceiverConfig.webhook("hook", r.url("/hook"), null)), cfg,
                    Clock.systemUTC(), "restarted")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> restarted.count("sent") == 2 * INCIDENTS);
            }

            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= INCIDENTS; i++) {
                expected.add("K" + i + ":1");
                expected.add("K" + i + ":2");
            }
            assertThat(accepted).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(expected).containsAll(keysBeforeCrash);
            for (int i = 1; i <= INCIDENTS; i++) {
                assertThat(accepted.indexOf("K" + i + ":1")).isLessThan(accepted.indexOf("K" + i + ":2"));
            }
        }
    }
}
