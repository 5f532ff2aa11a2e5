package dev.bongsu.alerting.outbox;

import static dev.bongsu.alerting.support.OutboxHarness.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.support.Incidents;
import dev.bongsu.testkit.ManualClock;
import dev.bongsu.alerting.support.OutboxHarness;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.alerting.support.RecordingReceiver.Reply;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.OutboxConfig;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final OutboxConfig FAST = new OutboxConfig(Duration.ofHours(1), 0, Duration.ofMillis(20), Duration.ofMillis(200),
            Duration.ofDays(7));
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

    private static ReceiverConfig hook(String url, RateLimit rate, int concurrency, Duration timeout) {
        return new ReceiverConfig("hook", new dev.bongsu.model.config.receiver.WebhookSettings(url, null), List.of(), null, rate, concurrency, timeout);
    }

    private static ReceiverConfig hook(String url) {
        // Generous: a loaded 2-core machine can take seconds over the first request of a JVM.
        return hook(url, new RateLimit(1000, Duration.ofSeconds(1), 100), 4, Duration.ofSeconds(30));
    }

    /** Records the Idempotency-Key of every request answered 2xx, in answer order. */
    private static List<String> acceptedKeys(RecordingReceiver r, java.util.function.Function<RecordingReceiver.Request, Reply> how) {
        List<String> accepted = new CopyOnWriteArrayList<>();
        r.answer(q -> {
            Reply reply = how.apply(q);
            if (!reply.silent() && reply.status() / 100 == 2) {
                accepted.add(q.header("idempotency-key"));
            }
            return reply;
        });
        return accepted;
    }

    private static void assertInOrderPerIncident(List<String> accepted) {
        Map<String, Integer> last = new java.util.HashMap<>();
        for (String key : accepted) {
            String[] p = key.split(":");
            int seq = Integer.parseInt(p[1]);
            assertThat(seq).as("order of %s", key).isGreaterThan(last.getOrDefault(p[0], 0));
            last.put(p[0], seq);
        }
    }

    @Test
    void everyNotificationIsDeliveredInOrderAfterServerErrors() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook(r.url("/hook"))), FAST,
                        Clock.systemUTC(), "node-a")) {
            AtomicInteger calls = new AtomicInteger();
            List<String> accepted = acceptedKeys(r, q -> calls.incrementAndGet() <= 12 ? Reply.status(503, "down") : Reply.ok());
            List<String> expected = new ArrayList<>();
            for (String id : List.of("I1", "I2", "I3")) {
                h.enqueue(note("hook", id, 1, TransitionType.OPENED));
                h.enqueue(note("hook", id, 2, TransitionType.RESOLVED));
                expected.add(id + ":1");
                expected.add(id + ":2");
            }

            await().atMost(DEADLINE).until(() -> h.count("sent") == 6);

            assertThat(accepted).containsExactlyInAnyOrderElementsOf(expected);
            assertInOrderPerIncident(accepted);
            assertThat(h.count("failed")).isGreaterThanOrEqualTo(12);
            JsonObject status = h.on(() -> h.outbox.status());
            assertThat(status.getLong("pending")).isZero();
            assertThat(status.getLong("sent")).isEqualTo(6);
            assertThat(status.getJsonObject("receivers").getJsonObject("hook").getLong("sent")).isEqualTo(6);
        }
    }

    @Test
    void attemptsThatTimeOutAreRetried() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"),
                        List.of(hook(r.url("/hook"), RateLimit.defaults(), 1, Duration.ofMillis(200))), FAST, Clock.systemUTC(), "node-a")) {
            AtomicInteger calls = new AtomicInteger();
            List<String> accepted = acceptedKeys(r, q -> calls.incrementAndGet() <= 2 ? Reply.hang() : Reply.ok());
            h.enqueue(note("hook", "I1", 1, TransitionType.OPENED));
            h.enqueue(note("hook", "I1", 2, TransitionType.RESOLVED));

            await().atMost(DEADLINE).until(() -> accepted.size() == 2);

            assertThat(accepted).containsExactly("I1:1", "I1:2");
            assertThat(h.events).filteredOn(e -> "failed".equals(e.getString("outcome")))
                    .allSatisfy(e -> assertThat(e.getString("reason")).startsWith("timed out"));
        }
    }

    @Test
    void refusedConnectionsAreRetriedUntilTheReceiverComesBack() {
        RecordingReceiver first = RecordingReceiver.start(vertx);
        int port = first.port();
        first.close();
        try (OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook("http://127.0.0.1:" + port + "/hook")), FAST,
                Clock.systemUTC(), "node-a")) {
            h.enqueue(note("hook", "I1", 1, TransitionType.OPENED));
            h.enqueue(note("hook", "I2", 1, TransitionType.OPENED));
            await().atMost(DEADLINE).until(() -> h.count("failed") >= 4);
            assertThat(h.events).filteredOn(e -> "failed".equals(e.getString("outcome")))
                    .allSatisfy(e -> assertThat(e.getString("reason")).startsWith("connection failed").doesNotContain("/hook"));

            try (RecordingReceiver back = RecordingReceiver.start(vertx, port)) {
                await().atMost(DEADLINE).until(() -> h.count("sent") == 2);
                assertThat(back.requests()).extracting(q -> q.header("idempotency-key")).containsExactlyInAnyOrder("I1:1", "I2:1");
            }
        }
    }

    @Test
    void retryAfterOfA429IsHonoured() {
        ManualClock clock = new ManualClock(Instant.parse("2026-10-15T06:33:00Z"));
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook(r.url("/hook"))), FAST, clock, "node-a")) {
            AtomicInteger calls = new AtomicInteger();
            List<String> accepted = acceptedKeys(r, q -> calls.incrementAndGet() == 1
                    ? new Reply(429, Map.of("Retry-After", "30"), "slow down", false) : Reply.ok());
            h.enqueue(note("hook", "I1", 1, TransitionType.OPENED));
            await().atMost(DEADLINE).until(() -> h.count("failed") == 1);

            await().atMost(DEADLINE).until(() -> h.on(() -> h.outbox.rows("pending", 10)).getJsonObject(0).getInteger("attempts") == 1);
            JsonArray pending = h.on(() -> h.outbox.rows("pending", 10));
            assertThat(pending.getJsonObject(0).getString("nextAttemptAt")).isEqualTo("2026-10-15T06:33:30Z");
            assertThat(pending.getJsonObject(0).getString("reason")).isEqualTo("HTTP 429: slow down");
            assertThat(accepted).isEmpty();

            clock.advance(Duration.ofSeconds(30));
            await().atMost(DEADLINE).until(() -> accepted.size() == 1);
            assertThat(r.requests()).hasSize(2);
        }
    }

    @Test
    void aNotificationOlderThanMaxAgeBecomesADeadLetter() {
        ManualClock clock = new ManualClock(Instant.parse("2026-10-15T06:33:00Z"));
        OutboxConfig cfg = new OutboxConfig(Duration.ofMinutes(10), 0, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofDays(7));
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook(r.url("/hook"))), cfg, clock, "node-a")) {
            r.answer(q -> Reply.status(500, "still broken"));
            h.enqueue(note("hook", "I1", 1, TransitionType.OPENED));
            await().atMost(DEADLINE).until(() -> h.count("failed") == 1);

            for (int i = 0; i < 25 && h.count("dead") == 0; i++) {
                clock.advance(Duration.ofSeconds(30));
                int seen = (int) h.count("failed");
                await().atMost(DEADLINE).until(() -> h.count("failed") > seen || h.count("dead") == 1);
            }

            assertThat(h.count("dead")).isEqualTo(1);
            JsonArray dead = h.on(() -> h.outbox.rows("dead", 10));
            assertThat(dead.getJsonObject(0).getString("transitionKey")).isEqualTo("I1:1");
            assertThat(dead.getJsonObject(0).getString("reason")).startsWith("not delivered within maxAge PT10M; last error: HTTP 500");
            JsonObject status = h.on(() -> h.outbox.status());
            assertThat(status.getLong("dead")).isEqualTo(1);
            assertThat(status.getLong("pending")).isZero();
        }
    }

    @Test
    void aRejectedNotificationIsADeadLetterAtOnce() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook(r.url("/hook"))), FAST,
                        Clock.systemUTC(), "node-a")) {
            r.answer(q -> Reply.status(410, "gone"));
            h.enqueue(note("hook", "I1", 1, TransitionType.OPENED));

            await().atMost(DEADLINE).until(() -> h.count("dead") == 1);
            assertThat(r.requests()).hasSize(1);
            assertThat(h.on(() -> h.outbox.rows("dead", 10)).getJsonObject(0).getString("reason")).isEqualTo("rejected: HTTP 410: gone");
        }
    }

    @Test
    void aStormIsCoalescedAndThrottledNotDropped() {
        ManualClock clock = new ManualClock(Instant.parse("2026-10-15T06:33:00Z"));
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"),
                        List.of(hook(r.url("/hook"), new RateLimit(2, Duration.ofSeconds(1), 2), 4, Duration.ofSeconds(30))), FAST, clock,
                        "node-a")) {
            h.outbox.pause();
            h.enqueue(note("hook", "STORM", 1, TransitionType.OPENED));
            for (int s = 2; s <= 30; s++) {
                h.enqueue(note("hook", "STORM", s, TransitionType.UPDATED));
            }
            for (int i = 1; i <= 5; i++) {
                h.enqueue(note("hook", "OTHER" + i, 1, TransitionType.OPENED));
            }
            assertThat(r.requests()).isEmpty();
            h.outbox.resume();

            // The clock stands still: only the burst of 2 goes out.
            await().atMost(DEADLINE).until(() -> h.count("sent") == 2);
            for (int i = 0; i < 2; i++) {
                clock.advance(Duration.ofSeconds(1));
                int expected = 4 + 2 * i;
                await().atMost(DEADLINE).until(() -> h.count("sent") == expected);
            }
            clock.advance(Duration.ofSeconds(1));
            await().atMost(DEADLINE).until(() -> h.count("sent") == 7);

            List<String> keys = r.requests().stream().map(q -> q.header("idempotency-key")).toList();
            assertThat(keys).filteredOn(k -> k.startsWith("STORM:")).containsExactly("STORM:1", "STORM:30");
            assertThat(keys).filteredOn(k -> k.startsWith("OTHER")).hasSize(5);
            assertThat(h.on(() -> h.outbox.rows("coalesced", 100))).hasSize(28);
        }
    }

    @Test
    void aCoalescedRevisionKeepsTheCauseTheReceiverWasLastTold() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook(r.url("/hook"))), FAST,
                        Clock.systemUTC(), "node-a")) {
            Notification opened = note("hook", "C", 1, TransitionType.OPENED);
            h.enqueue(opened);
            await().atMost(DEADLINE).until(() -> h.count("sent") == 1);
            h.outbox.pause();
            Notification pangyo = revised(note("hook", "C", 2, TransitionType.UPDATED), "datacenter", "pangyo", opened.incident().hypothesis());
            h.enqueue(pangyo);
            h.enqueue(revised(note("hook", "C", 3, TransitionType.UPDATED), "region", "kr-capital", pangyo.incident().hypothesis()));
            h.outbox.resume();

            await().atMost(DEADLINE).until(() -> h.count("sent") == 2);
            JsonObject last = new JsonObject(r.requests().get(1).body());
            assertThat(last.getString("idempotencyKey")).isEqualTo("C:3");
            assertThat(last.getJsonObject("previousHypothesis").getString("attribute")).isEqualTo("provider");
        }
    }

    private static Notification revised(Notification n, String attribute, String value, Hypothesis previous) {
        Incident i = Incidents.withCause(n.incident(), attribute, value, attribute + " " + value);
        return new Notification(n.receiver(), n.event(), i, n.idempotencyKey(), n.link(), null, 0, n.createdAt(), previous);
    }

    @Test
    void pausedOutboxKeepsWritingAndDeliversOnResume() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook(r.url("/hook"))), FAST,
                        Clock.systemUTC(), "node-a")) {
            h.outbox.pause();
            h.enqueue(note("hook", "I1", 1, TransitionType.OPENED));
            assertThat(h.on(() -> h.outbox.status()).getBoolean("paused")).isTrue();
            assertThat(h.on(() -> h.outbox.status()).getLong("pending")).isEqualTo(1);
            assertThat(r.requests()).isEmpty();

            h.outbox.resume();

            await().atMost(DEADLINE).until(() -> h.count("sent") == 1);
        }
    }

    @Test
    void aRowDeliveredByAnotherNodeIsNotSentAgain() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook(r.url("/hook"))), FAST,
                        Clock.systemUTC(), "standby")) {
            h.outbox.pause();
            h.enqueue(note("hook", "I1", 1, TransitionType.OPENED));
            h.enqueue(note("hook", "I1", 2, TransitionType.RESOLVED));

            h.on(() -> h.outbox.markDeliveredElsewhere("hook", "I1:1", "active"));
            h.outbox.resume();

            await().atMost(DEADLINE).until(() -> h.count("sent") == 1);
            assertThat(r.requests()).extracting(q -> q.header("idempotency-key")).containsExactly("I1:2");
            assertThat(h.on(() -> h.outbox.rows("sent", 10)).getJsonObject(1).getString("reason")).isEqualTo("delivered by active");
        }
    }

    @Test
    void markingFromAnotherThreadIsDoneWhenItsFutureCompletesSoResumingAtOnceSendsNoDuplicate() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx);
                OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(hook(r.url("/hook"))), FAST,
                        Clock.systemUTC(), "standby")) {
            h.outbox.pause();
            h.enqueue(note("hook", "I1", 1, TransitionType.OPENED));
            h.enqueue(note("hook", "I2", 1, TransitionType.OPENED));

            // Called from the test thread, as a take-over does from the cluster's context, then resumed at once.
            assertThat(h.outbox.markDeliveredElsewhere("hook", "I1:1", "active").await()).isTrue();
            assertThat(h.outbox.markDeliveredElsewhere("hook", "I9:1", "active").await()).isFalse();
            h.outbox.resume();

            await().atMost(DEADLINE).until(() -> r.requests().size() == 1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> r.requests().size() == 1);
            assertThat(r.requests()).extracting(q -> q.header("idempotency-key")).containsExactly("I2:1");
        }
    }

    @Test
    void suppressedNotificationsAreRecordedWithTheirReason() {
        try (OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(), FAST, Clock.systemUTC(), "node-a")) {
            h.on(() -> h.outbox.accept(new dev.bongsu.alerting.route.RoutingDecision.Suppress("log", "S", "S:1", "incident.opened",
                    "inhibited by correlated incident C", Incidents.T0)));

            JsonArray rows = h.on(() -> h.outbox.rows("suppressed", 10));
            assertThat(rows.getJsonObject(0).getString("reason")).isEqualTo("inhibited by correlated incident C");
            assertThat(h.count("suppressed")).isEqualTo(1);
        }
    }
}
