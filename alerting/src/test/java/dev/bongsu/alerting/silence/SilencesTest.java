package dev.bongsu.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.outbox.OutboxDatabase;
import dev.bongsu.model.replica.SharedRecords;
import dev.bongsu.testkit.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Silences as shared records: what one server makes, another applies; the newest version wins everywhere. */
class SilencesTest {
    private static final Instant T0 = Instant.parse("2026-10-15T06:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private Vertx vertx;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private Silences open(String name) {
        OutboxDatabase db = new OutboxDatabase(vertx, dir.resolve(name + ".db"));
        db.open().await();
        Silences s = new Silences(db, clock);
        s.load().await();
        return s;
    }

    @Test
    void aSilenceMadeOnOneServerIsAppliedOnAnotherAndSurvivesItsRestart() {
        Silences a = open("a");
        Silences b = open("b");
        List<JsonObject> fromA = new CopyOnWriteArrayList<>();
        List<JsonObject> fromB = new CopyOnWriteArrayList<>();
        a.onLocalChange(fromA::add);
        b.onLocalChange(fromB::add);

        Silence made = a.create(List.of(LabelMatcher.parse("provider=kakao")), T0, T0.plus(Duration.ofHours(2)), "kim", "migration").await();
        assertThat(fromA).hasSize(1);
        assertThat(fromA.get(0).getLong("version")).isEqualTo(1L);
        assertThat(fromA.get(0).getString("id")).isEqualTo(made.id());

        b.apply(fromA.get(0)).await();
        b.apply(fromA.get(0)).await();
        assertThat(b.list()).containsExactly(made);
        assertThat(fromB).as("an applied record is not a local change").isEmpty();
        assertThat(b.all().await()).containsExactly(fromA.get(0));

        // Expired on b: a change that travels back with a higher version.
        clock.advance(Duration.ofMinutes(10));
        Silence ended = b.expire(made.id()).await().orElseThrow();
        assertThat(ended.version()).isEqualTo(2);
        assertThat(fromB).hasSize(1);
        a.apply(fromB.get(0)).await();
        assertThat(a.list().get(0).endsAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(a.list().get(0).stateAt(clock.instant())).isEqualTo("expired");

        // The older version arriving late changes nothing.
        a.apply(fromA.get(0)).await();
        assertThat(a.list().get(0).version()).isEqualTo(2);

        // Durable: a fresh instance over b's file has the expired version.
        Silences again = open("b");
        assertThat(again.list()).containsExactly(ended);
    }

    @Test
    void concurrentChangesOfTheSameVersionSettleOnTheSameCopyEverywhere() {
        Silences a = open("a");
        Silences b = open("b");
        List<JsonObject> fromA = new CopyOnWriteArrayList<>();
        a.onLocalChange(fromA::add);
        Silence made = a.create(List.of(LabelMatcher.parse("provider=kakao")), T0, T0.plus(Duration.ofHours(2)), "kim", "x").await();
        b.apply(fromA.get(0)).await();

        List<JsonObject> fromB = new CopyOnWriteArrayList<>();
        b.onLocalChange(fromB::add);
        clock.advance(Duration.ofMinutes(1));
        a.expire(made.id()).await();
        clock.advance(Duration.ofMinutes(1));
        b.expire(made.id()).await();
        a.apply(fromB.get(0)).await();
        b.apply(fromA.get(1)).await();

        assertThat(a.all().await()).isEqualTo(b.all().await());
        JsonObject winner = SharedRecords.newer(fromA.get(1), fromB.get(0)) ? fromA.get(1) : fromB.get(0);
        assertThat(a.all().await()).containsExactly(winner);
    }

    @Test
    void aBrokenRecordIsRefusedWithAReason() {
        Silences a = open("a");
        var applied = a.apply(new JsonObject().put("id", "sil-x").put("version", 1));
        assertThat(applied.failed()).isTrue();
        assertThat(applied.cause()).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a silence record");
        assertThat(a.list()).isEmpty();
    }

    @Test
    void anOutboxDbFromBeforeVersionsIsMigrated() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE silences (id TEXT PRIMARY KEY, matchers TEXT NOT NULL, starts_at INTEGER NOT NULL,"
                    + " ends_at INTEGER NOT NULL, author TEXT NOT NULL, comment TEXT NOT NULL, created_at INTEGER NOT NULL)");
            s.executeUpdate("INSERT INTO silences VALUES ('sil-old', '[\"provider=kakao\"]', " + T0.toEpochMilli() + ", "
                    + T0.plus(Duration.ofHours(1)).toEpochMilli() + ", 'kim', 'old', " + T0.toEpochMilli() + ")");
        }
        Silences old = open("old");

        assertThat(old.list()).extracting(Silence::id, Silence::version).containsExactly(org.assertj.core.groups.Tuple.tuple("sil-old", 1L));
    }
}
