package dev.bongsu.statuspage.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.statuspage.subscribe.SubscriberStore.ConfirmResult;
import dev.bongsu.statuspage.subscribe.SubscriberStore.UnsubscribeResult;
import dev.bongsu.testkit.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribers as shared records between two stores (two servers' {@code subscribers.db} on real SQLite files),
 * records handed over by hand as the cluster replicator would.
 */
class SubscriberReplicationTest {
    private static final Instant T0 = Instant.parse("2022-10-15T06:30:00Z");
    private static final Duration WITHIN = Duration.ofHours(48);
    @TempDir
    Path dir;
    Vertx vertx;
    final ManualClock clock = new ManualClock(T0);
    SubscriberStore a;
    SubscriberStore b;
    final List<JsonObject> sharedByA = new CopyOnWriteArrayList<>();
    final List<JsonObject> sharedByB = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        a = open("a", sharedByA);
        b = open("b", sharedByB);
    }

    @AfterEach
    void close() {
        a.close().await();
        b.close().await();
        vertx.close().await();
    }

    private SubscriberStore open(String name, List<JsonObject> shared) {
        SubscriberStore s = new SubscriberStore(vertx, dir.resolve(name + "/subscribers.db"), WITHIN, 10, clock);
        s.open().await();
        s.records().onLocalChange(shared::add);
        return s;
    }

    @Test
    void everyChangeRaisesTheVersionAndTheOtherServerAppliesItOnceWithoutReportingIt() {
        Subscriber p = a.addPending(email("reader@example.com"), T0).await().subscriber();
        a.addPending(email("reader@example.com"), T0.plus(SubscriberStore.RESEND_QUIET)).await();
        confirm(a, p, T0.plusSeconds(600));

        assertThat(sharedByA).extracting(r -> r.getLong("version")).containsExactly(1L, 2L, 3L);
        JsonObject last = sharedByA.get(2);
        assertThat(last.getString("secret")).isEqualTo(p.secret());
        assertThat(last.getBoolean("deleted")).isFalse();

        b.records().apply(sharedByA.get(2)).await();
        b.records().apply(sharedByA.get(2)).await();
        b.records().apply(sharedByA.get(0)).await();

        assertThat(b.confirmed()).containsExactlyElementsOf(a.confirmed());
        assertThat(b.records().all().await()).containsExactly(last);
        assertThat(sharedByB).isEmpty();
        // the secret travelled: the links made on one server work on the other
        assertThat(b.confirm(p.id(), SubscriptionTokens.token(p, SubscriptionTokens.CONFIRM), T0.plusSeconds(700)).await())
                .isEqualTo(ConfirmResult.ALREADY_CONFIRMED);
    }

    @Test
    void everyRemovalIsATombstoneWithoutPersonalDataThatErasesTheOtherCopy() throws Exception {
        Subscriber erased = confirmNew(a, "erase-me@example.com", T0);
        Subscriber left = confirmNew(a, "bye@example.com", T0);
        Subscriber expired = a.addPending(email("late@example.com"), T0).await().subscriber();
        Subscriber dropped = confirmNew(a, "dropped@example.com", T0);
        a.records().all().await().forEach(r -> b.records().apply(r).await());
        assertThat(b.all()).hasSize(4);
        sharedByA.clear();

        assertThat(a.deleteAddress("Erase-Me@Example.com").await()).isEqualTo(1);
        assertThat(a.unsubscribe(left.id(), SubscriptionTokens.token(left, SubscriptionTokens.UNSUBSCRIBE)).await())
                .isEqualTo(UnsubscribeResult.REMOVED);
        assertThat(a.purgeExpired(T0.plus(WITHIN)).await()).isEqualTo(1);
        assertThat(a.delete(dropped.id()).await()).isTrue();

        assertThat(sharedByA).hasSize(4).allSatisfy(t -> {
            assertThat(t.fieldNames()).containsExactlyInAnyOrder("id", "version", "deleted");
            assertThat(t.getBoolean("deleted")).isTrue();
        });
        assertThat(sharedByA).extracting(t -> t.getString("id")).containsExactly(erased.id(), left.id(), expired.id(), dropped.id());
        String everything = a.records().all().await().toString();
        for (Subscriber s : List.of(erased, left, expired, dropped)) {
            assertThat(everything).doesNotContain(s.address()).doesNotContain(s.secret());
        }

        sharedByA.forEach(t -> b.records().apply(t).await());

        assertThat(b.all()).isEmpty();
        assertThat(b.confirmed()).isEmpty();
        assertThat(sharedByB).isEmpty();
        b.close().await();
        for (Path f : Files.list(dir.resolve("b")).toList()) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain("erase-me@example.com").doesNotContain(erased.secret());
        }
        b = open("b", sharedByB);
    }

    @Test
    void tombstonesOutliveARestartSoTheOtherServersOldCopyDoesNotComeBack() {
        Subscriber s = confirmNew(a, "gone@example.com", T0);
        JsonObject live = a.records().all().await().get(0);
        a.deleteAddress("gone@example.com").await();

        a.close().await();
        a = open("a", sharedByA);

        assertThat(a.records().all().await()).singleElement()
                .isEqualTo(new JsonObject().put("id", s.id()).put("version", 3L).put("deleted", true));
        a.records().apply(live).await();
        assertThat(a.byId(s.id())).isEmpty();
    }

    @Test
    void tombstonesArePurgedAfterThirtyDaysAndOnesOfUnknownSubscribersAreNotKept() {
        Subscriber s = confirmNew(a, "old@example.com", T0);
        a.delete(s.id()).await();

        assertThat(a.purgeExpired(T0.plus(SubscriberStore.TOMBSTONES_KEPT)).await()).isZero();
        assertThat(a.records().all().await()).hasSize(1);
        a.purgeExpired(T0.plus(SubscriberStore.TOMBSTONES_KEPT).plusSeconds(1)).await();
        assertThat(a.records().all().await()).isEmpty();

        b.records().apply(new JsonObject().put("id", "never-here").put("version", 4).put("deleted", true)).await();
        assertThat(b.records().all().await()).isEmpty();
    }

    @Test
    void aConfirmFromTheOtherServerReplacesTheLocalConfirmedOneOfThatAddressInEitherOrder() {
        Subscriber first = confirmNew(a, "twice@example.com", T0);
        a.records().all().await().forEach(r -> b.records().apply(r).await());
        sharedByA.clear();
        Subscriber second = b.addPending(email("Twice@example.com"), T0.plusSeconds(60)).await().subscriber();
        confirm(b, second, T0.plusSeconds(120));
        JsonObject firstGone = sharedByB.stream().filter(r -> r.getString("id").equals(first.id())).findFirst().orElseThrow();
        JsonObject secondConfirmed = sharedByB.get(sharedByB.size() - 1);

        // the confirm arrives before the tombstone of the row it replaced
        a.records().apply(secondConfirmed).await();
        assertThat(a.confirmed()).extracting(Subscriber::id).containsExactly(second.id());
        assertThat(sharedByA).containsExactly(firstGone);
        a.records().apply(firstGone).await();

        assertThat(a.records().all().await()).containsExactlyInAnyOrderElementsOf(b.records().all().await());
    }

    @Test
    void twoServersConfirmingDifferentRowsOfOneAddressKeepTheLaterConfirmationOnBoth() {
        // a split cluster: the reader subscribed on each server and confirmed both
        Subscriber onA = a.addPending(email("split@example.com"), T0).await().subscriber();
        Subscriber onB = b.addPending(email("split@example.com"), T0).await().subscriber();
        confirm(a, onA, T0.plusSeconds(20));
        confirm(b, onB, T0.plusSeconds(10));

        for (int round = 0; round < 2; round++) {
            b.records().all().await().forEach(r -> a.records().apply(r).await());
            a.records().all().await().forEach(r -> b.records().apply(r).await());
        }

        assertThat(a.confirmed()).extracting(Subscriber::id).containsExactly(onA.id());
        assertThat(b.confirmed()).extracting(Subscriber::id).containsExactly(onA.id());
        assertThat(a.records().all().await()).containsExactlyInAnyOrderElementsOf(b.records().all().await())
                .contains(new JsonObject().put("id", onB.id()).put("version", 3L).put("deleted", true));
    }

    @Test
    void aLocalConfirmIsDatedAfterTheConfirmationItReplacesEvenWithASkewedClock() {
        Subscriber first = a.addPending(email("skew@example.com"), T0).await().subscriber();
        confirm(a, first, T0.plusSeconds(60));
        a.records().all().await().forEach(r -> b.records().apply(r).await());
        // b's clock runs behind a's
        Subscriber second = b.addPending(email("skew@example.com"), T0).await().subscriber();
        confirm(b, second, T0.plusSeconds(30));

        assertThat(b.confirmed()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(second.id());
            assertThat(s.confirmedAt()).isEqualTo(T0.plusSeconds(60).plusMillis(1));
        });
        // a hears the confirm first: the rule keeps b's decision
        a.records().apply(sharedByB.get(sharedByB.size() - 1)).await();
        assertThat(a.confirmed()).extracting(Subscriber::id).containsExactly(second.id());
    }

    @Test
    void aFileFromBeforeReplicationOpensWithEveryRowAtVersionOne() throws Exception {
        Path old = dir.resolve("old/subscribers.db");
        Files.createDirectories(old.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE subscribers (id TEXT PRIMARY KEY, channel TEXT NOT NULL, address TEXT NOT NULL, "
                    + "address_key TEXT NOT NULL, lang TEXT NOT NULL, scope TEXT NOT NULL, secret TEXT NOT NULL, "
                    + "created_ms INTEGER NOT NULL, confirmed_ms INTEGER)");
            st.execute("INSERT INTO subscribers VALUES ('old-1', 'EMAIL', 'old@example.com', 'old@example.com', 'ko', "
                    + "'{\"providers\":[],\"categories\":[],\"services\":[]}', 's3cret', " + T0.toEpochMilli() + ", " + T0.toEpochMilli() + ")");
        }
        SubscriberStore s = new SubscriberStore(vertx, old, WITHIN, 10, clock);
        s.open().await();
        try {
            assertThat(s.records().all().await()).singleElement().satisfies(r -> {
                assertThat(r.getLong("version")).isEqualTo(1L);
                assertThat(r.getString("address")).isEqualTo("old@example.com");
            });
            assertThat(s.delete("old-1").await()).isTrue();
            assertThat(s.records().all().await()).singleElement()
                    .isEqualTo(new JsonObject().put("id", "old-1").put("version", 2L).put("deleted", true));
        } finally {
            s.close().await();
        }
    }

    @Test
    void malformedRecordsAreRefusedAndChangeNothing() {
        assertThat(b.records().apply(new JsonObject().put("id", "x").put("version", 1).put("deleted", false)).failed()).isTrue();
        assertThat(b.records().apply(new JsonObject().put("version", 1).put("deleted", true)).failed()).isTrue();
        assertThat(b.records().apply(new JsonObject().put("id", "x").put("version", 0).put("deleted", true)).failed()).isTrue();
        assertThat(b.records().all().await()).isEmpty();
    }

    private static SubscriptionRequest email(String address) {
        return new SubscriptionRequest(Subscriber.Channel.EMAIL, address, "ko", new SubscriberScope(Set.of("kakao"), Set.of(), Set.of()));
    }

    private static void confirm(SubscriberStore store, Subscriber s, Instant at) {
        assertThat(store.confirm(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM), at).await()).isEqualTo(ConfirmResult.CONFIRMED);
    }

    private Subscriber confirmNew(SubscriberStore store, String address, Instant at) {
        Subscriber s = store.addPending(email(address), at).await().subscriber();
        confirm(store, s, at);
        return store.byId(s.id()).orElseThrow();
    }
}
