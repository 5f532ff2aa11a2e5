package dev.bongsu.statuspage.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.statuspage.subscribe.SubscriberStore.ConfirmResult;
import dev.bongsu.statuspage.subscribe.SubscriberStore.UnsubscribeResult;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real SQLite file in a temporary directory; time is given to each call. */
class SubscriberStoreTest {
    private static final Instant T0 = Instant.parse("2022-10-15T06:30:00Z");
    private static final Duration WITHIN = Duration.ofHours(48);
    @TempDir
    Path dir;
    Vertx vertx;
    SubscriberStore store;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        store = open(10);
    }

    @AfterEach
    void close() {
        store.close().await();
        vertx.close().await();
    }

    private SubscriberStore open(int maxPending) {
        SubscriberStore s = new SubscriberStore(vertx, dir.resolve("data/subscribers.db"), WITHIN, maxPending);
        s.open().await();
        return s;
    }

    private static SubscriptionRequest email(String address, String lang) {
        return new SubscriptionRequest(Subscriber.Channel.EMAIL, address, lang, new SubscriberScope(Set.of("kakao"), Set.of(), Set.of()));
    }

    @Test
    void aPendingSubscriberIsConfirmedByItsConfirmTokenOnly() {
        Subscriber s = store.addPending(email("reader@example.com", "ko"), T0).await().subscriber();
        assertThat(store.confirmed()).isEmpty();
        assertThat(store.byId(s.id())).contains(s);

        assertThat(store.confirm(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.UNSUBSCRIBE), T0).await())
                .isEqualTo(ConfirmResult.INVALID);
        assertThat(store.confirm(s.id(), "x" + SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM), T0).await())
                .isEqualTo(ConfirmResult.INVALID);
        assertThat(store.confirm(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM), T0.plusSeconds(60)).await())
                .isEqualTo(ConfirmResult.CONFIRMED);
        assertThat(store.confirmed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(s.id());
            assertThat(c.confirmedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(c.scope().providers()).containsExactly("kakao");
        });
        assertThat(store.confirm(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM), T0.plusSeconds(90)).await())
                .isEqualTo(ConfirmResult.ALREADY_CONFIRMED);
    }

    @Test
    void aConfirmLinkExpiresAfterConfirmWithinAndExpiredRowsArePurged() {
        Subscriber s = store.addPending(email("late@example.com", "en"), T0).await().subscriber();
        String token = SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM);

        assertThat(store.confirm(s.id(), token, T0.plus(WITHIN)).await()).isEqualTo(ConfirmResult.EXPIRED);
        assertThat(store.purgeExpired(T0.plus(WITHIN).minusSeconds(1)).await()).isZero();
        assertThat(store.purgeExpired(T0.plus(WITHIN)).await()).isEqualTo(1);
        assertThat(store.byId(s.id())).isEmpty();
        assertThat(store.confirm(s.id(), token, T0.plus(WITHIN)).await()).isEqualTo(ConfirmResult.INVALID);
    }

    @Test
    void askingAgainUpdatesThePendingRowAndResendsOnlyAfterTheQuietTime() {
        SubscriberStore.Pending first = store.addPending(email("Reader@Example.com", "ko"), T0).await();
        SubscriberStore.Pending soon = store.addPending(email("reader@example.com", "en"), T0.plusSeconds(30)).await();
        SubscriberStore.Pending later = store.addPending(email("reader@example.com", "en"), T0.plus(SubscriberStore.RESEND_QUIET)).await();

        assertThat(first.sendConfirmation()).isTrue();
        assertThat(soon.sendConfirmation()).isFalse();
        assertThat(later.sendConfirmation()).isTrue();
        assertThat(store.all()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(first.subscriber().id());
            assertThat(s.lang()).isEqualTo("en");
            assertThat(s.createdAt()).isEqualTo(T0.plus(SubscriberStore.RESEND_QUIET));
        });
        // a confirmation that could not be sent is sent again at once
        store.confirmationNotSent(first.subscriber().id());
        assertThat(store.addPending(email("reader@example.com", "en"), T0.plus(SubscriberStore.RESEND_QUIET).plusSeconds(1))
                .await().sendConfirmation()).isTrue();
    }

    @Test
    void confirmingASecondSubscriptionOfTheSameAddressReplacesTheFirst() {
        Subscriber a = confirmNew(email("twice@example.com", "ko"), T0);
        Subscriber b = store.addPending(email("twice@example.com", "en"), T0.plusSeconds(600)).await().subscriber();
        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(store.confirmed()).extracting(Subscriber::id).containsExactly(a.id());

        store.confirm(b.id(), SubscriptionTokens.token(b, SubscriptionTokens.CONFIRM), T0.plusSeconds(700)).await();

        assertThat(store.all()).extracting(Subscriber::id).containsExactly(b.id());
        assertThat(store.confirmed()).singleElement().extracting(Subscriber::lang).isEqualTo("en");
    }

    @Test
    void unsubscribeNeedsTheUnsubscribeTokenAndIsIdempotent() {
        Subscriber s = confirmNew(email("bye@example.com", "ko"), T0);

        assertThat(store.unsubscribe(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM)).await())
                .isEqualTo(UnsubscribeResult.INVALID);
        assertThat(store.unsubscribe(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.UNSUBSCRIBE)).await())
                .isEqualTo(UnsubscribeResult.REMOVED);
        assertThat(store.unsubscribe(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.UNSUBSCRIBE)).await())
                .isEqualTo(UnsubscribeResult.GONE);
        assertThat(store.confirmed()).isEmpty();
        assertThat(store.byId(s.id())).isEmpty();
    }

    @Test
    void theAdminDeletesByIdOrEveryRowOfAnAddressAndTheBytesLeaveTheFile() throws Exception {
        Subscriber mail = confirmNew(email("erase-me@example.com", "ko"), T0);
        store.addPending(new SubscriptionRequest(Subscriber.Channel.WEBHOOK, "https://hooks.example.com/erase-me", "en",
                SubscriberScope.everything()), T0).await();
        store.addPending(email("ERASE-ME@example.com", "en"), T0.plusSeconds(1)).await();
        Subscriber other = confirmNew(email("keep@example.com", "ko"), T0);

        assertThat(store.delete("no-such-id").await()).isFalse();
        assertThat(store.deleteAddress("Erase-Me@Example.com").await()).isEqualTo(2);
        assertThat(store.all()).extracting(Subscriber::address).containsExactlyInAnyOrder("https://hooks.example.com/erase-me", "keep@example.com");
        assertThat(store.delete(other.id()).await()).isTrue();
        assertThat(store.byId(mail.id())).isEmpty();

        store.close().await();
        for (Path f : Files.list(dir.resolve("data")).toList()) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain("erase-me@example.com").doesNotContain("keep@example.com");
        }
        store = open(10);
        assertThat(store.all()).extracting(Subscriber::address).containsExactly("https://hooks.example.com/erase-me");
    }

    @Test
    void everythingIsKeptAcrossAReopen() {
        Subscriber confirmed = confirmNew(email("kept@example.com", "en"), T0);
        Subscriber pending = store.addPending(new SubscriptionRequest(Subscriber.Channel.WEBHOOK, "https://hooks.example.com/x", "ko",
                new SubscriberScope(Set.of(), Set.of("bank"), Set.of("toss"))), T0).await().subscriber();
        store.close().await();

        store = open(10);

        assertThat(store.confirmed()).containsExactly(confirmed);
        assertThat(store.byId(pending.id())).contains(pending);
        assertThat(store.unsubscribe(confirmed.id(), SubscriptionTokens.token(confirmed, SubscriptionTokens.UNSUBSCRIBE)).await())
                .isEqualTo(UnsubscribeResult.REMOVED);
    }

    @Test
    void theCapOfPendingRowsRefusesNewOnesButNotConfirmedOrUpdatedOnes() {
        store.close().await();
        store = open(2);
        Subscriber a = store.addPending(email("a@example.com", "ko"), T0).await().subscriber();
        store.addPending(email("b@example.com", "ko"), T0).await();

        assertThatThrownBy(() -> store.addPending(email("c@example.com", "ko"), T0).await())
                .isInstanceOf(SubscriberStore.TooManyPending.class);
        // the same address again is an update, not a new row
        assertThat(store.addPending(email("a@example.com", "en"), T0.plusSeconds(1)).await().subscriber().id()).isEqualTo(a.id());
        store.confirm(a.id(), SubscriptionTokens.token(a, SubscriptionTokens.CONFIRM), T0.plusSeconds(2)).await();
        assertThat(store.addPending(email("c@example.com", "ko"), T0.plusSeconds(3)).await().sendConfirmation()).isTrue();
        // expired rows (b) make room
        assertThat(store.addPending(email("d@example.com", "ko"), T0.plus(WITHIN).plusSeconds(1)).await().sendConfirmation()).isTrue();
        assertThat(store.all()).extracting(Subscriber::address).containsExactlyInAnyOrder("a@example.com", "c@example.com", "d@example.com");
    }

    private Subscriber confirmNew(SubscriptionRequest r, Instant at) {
        Subscriber s = store.addPending(r, at).await().subscriber();
        assertThat(store.confirm(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM), at).await()).isEqualTo(ConfirmResult.CONFIRMED);
        return store.byId(s.id()).orElseThrow();
    }
}
