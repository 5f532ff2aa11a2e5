package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.config.ClusterConfig;
import dev.bongsu.statuspage.subscribe.Subscriber;
import dev.bongsu.statuspage.subscribe.SubscriberScope;
import dev.bongsu.statuspage.subscribe.SubscriberStore;
import dev.bongsu.statuspage.subscribe.SubscriptionRequest;
import dev.bongsu.statuspage.subscribe.SubscriptionTokens;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public subscribers replicated between two servers in one JVM (two Hazelcast members on loopback), each with its own
 * {@code subscribers.db}: a reader who signs up on either server is known to both, and an erasure on either server
 * leaves the address nowhere — neither store nor the cluster map.
 */
class SubscriberReplicationClusterTest {
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final List<SubscriberStore> stores = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() {
        stores.forEach(s -> s.close().await());
        nodes.forEach(n -> n.close().await());
    }

    @Test
    void aSubscriberConfirmedOnOneServerIsKnownToTheOtherAndAnErasureOnTheOtherRemovesItEverywhere() {
        ClusterConfig cfg = ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(2), 2);
        ClusterNode a = start(cfg);
        ClusterNode b = start(cfg);
        SubscriberStore onA = store(a, "a");
        SubscriberStore onB = store(b, "b");
        new RecordReplicator(a, onA.records()).start().await();
        new RecordReplicator(b, onB.records()).start().await();
        Instant now = Instant.now();

        Subscriber made = onA.addPending(new SubscriptionRequest(Subscriber.Channel.EMAIL, "Reader@Example.com", "ko",
                new SubscriberScope(Set.of("kakao"), Set.of(), Set.of())), now).await().subscriber();
        assertThat(onA.confirm(made.id(), SubscriptionTokens.token(made, SubscriptionTokens.CONFIRM), now).await())
                .isEqualTo(SubscriberStore.ConfirmResult.CONFIRMED);
        await().atMost(Duration.ofSeconds(10)).until(() -> onB.confirmed().stream().anyMatch(s -> s.id().equals(made.id())));
        assertThat(onB.confirmed()).singleElement().satisfies(s -> {
            assertThat(s.secret()).isEqualTo(made.secret());
            assertThat(s.address()).isEqualTo("Reader@Example.com");
        });

        assertThat(onB.deleteAddress("reader@example.com").await()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> onA.byId(made.id()).isEmpty());
        assertThat(onA.confirmed()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> clusterMap(a).get(made.id()).getBoolean("deleted", false));
        for (ClusterNode n : nodes) {
            Map<String, JsonObject> map = clusterMap(n);
            assertThat(map).hasSize(1);
            assertThat(map.get(made.id())).isEqualTo(new JsonObject().put("id", made.id()).put("version", 3).put("deleted", true));
            assertThat(map.values().toString()).doesNotContainIgnoringCase("reader@example.com").doesNotContain(made.secret());
        }
        for (SubscriberStore s : stores) {
            assertThat(s.records().all().await().toString()).doesNotContainIgnoringCase("reader@example.com");
        }
    }

    @Test
    void aServerThatStartsLaterGetsTheSubscribersAndRemovalsItMissed() {
        ClusterConfig cfg = ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(2), 2);
        ClusterNode a = start(cfg);
        SubscriberStore onA = store(a, "a");
        new RecordReplicator(a, onA.records()).start().await();
        Instant now = Instant.now();
        Subscriber kept = confirmNew(onA, "kept@example.com", now);
        Subscriber gone = confirmNew(onA, "gone@example.com", now);
        // the second server knew the later-erased subscriber from before, and was away when it was erased
        ClusterNode b = start(cfg);
        SubscriberStore onB = store(b, "b");
        onA.records().all().await().forEach(r -> onB.records().apply(r).await());
        onA.delete(gone.id()).await();

        new RecordReplicator(b, onB.records()).start().await();

        assertThat(onB.confirmed()).extracting(Subscriber::id).containsExactly(kept.id());
        assertThat(onB.byId(gone.id())).isEmpty();
    }

    private static Subscriber confirmNew(SubscriberStore store, String address, Instant at) {
        Subscriber s = store.addPending(new SubscriptionRequest(Subscriber.Channel.EMAIL, address, "en", SubscriberScope.everything()), at)
                .await().subscriber();
        store.confirm(s.id(), SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM), at).await();
        return s;
    }

    private Map<String, JsonObject> clusterMap(ClusterNode n) {
        Map<String, String> entries = n.vertx().sharedData().<String, String>getAsyncMap(RecordReplicator.mapName("subscribers"))
                .compose(m -> m.entries()).await();
        Map<String, JsonObject> out = new HashMap<>();
        entries.forEach((k, v) -> out.put(k, new JsonObject(v)));
        return out;
    }

    private SubscriberStore store(ClusterNode node, String name) {
        SubscriberStore s = new SubscriberStore(node.vertx(), dir.resolve(name + "/subscribers.db"), Duration.ofHours(48), 100);
        s.open().await();
        stores.add(s);
        return s;
    }

    private ClusterNode start(ClusterConfig cfg) {
        ClusterNode n = ClusterNode.start(cfg).await();
        nodes.add(n);
        return n;
    }
}
