package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.outbox.OutboxDatabase;
import dev.bongsu.alerting.silence.LabelMatcher;
import dev.bongsu.alerting.silence.Silence;
import dev.bongsu.alerting.silence.Silences;
import dev.bongsu.model.config.ClusterConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Silences replicated between servers in one JVM (two or three Hazelcast members on loopback), each with its own outbox.db. */
class RecordReplicatorTest {
    private final List<ClusterNode> nodes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void closeNodes() {
        nodes.forEach(n -> n.close().await());
    }

    @Test
    void aChangeOnEitherServerReachesTheOtherAndALateServerGetsEverythingAtStart() {
        ClusterConfig cfg = ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(3), 3);
        ClusterNode a = start(cfg);
        ClusterNode b = start(cfg);
        Silences onA = silences(a, "a");
        Silences onB = silences(b, "b");
        new RecordReplicator(a, onA).start().await();
        new RecordReplicator(b, onB).start().await();
        Instant now = Instant.now();

        Silence made = onB.create(List.of(LabelMatcher.parse("provider=kakao")), now, now.plus(Duration.ofHours(1)), "kim", "x").await();
        await().atMost(Duration.ofSeconds(10)).until(() -> onA.list().contains(made));

        Silence ended = onA.expire(made.id()).await().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> onB.list().contains(ended));
        assertThat(onB.list()).hasSize(1);
        assertThat(onB.list().get(0).version()).isEqualTo(2);

        // A server that joins later (or restarts) applies what the cluster holds when it starts.
        Silences onC = silences(start(cfg), "c");
        new RecordReplicator(nodes.get(2), onC).start().await();
        assertThat(onC.list()).containsExactly(ended);
    }

    @Test
    void aServerWhoseStoreHasANewerCopyWinsWhenItStarts() {
        ClusterConfig cfg = ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(3), 3);
        ClusterNode a = start(cfg);
        ClusterNode b = start(cfg);
        Silences onA = silences(a, "a");
        Silences onB = silences(b, "b");
        Instant now = Instant.now();
        // b made and expired a silence while alone; a knew only the first version.
        Silence made = onB.create(List.of(LabelMatcher.parse("service=kakaotalk")), now, now.plus(Duration.ofHours(1)), "kim", "x").await();
        onA.apply(made.toJson()).await();
        new RecordReplicator(a, onA).start().await();
        Silence ended = onB.expire(made.id()).await().orElseThrow();

        new RecordReplicator(b, onB).start().await();

        await().atMost(Duration.ofSeconds(10)).until(() -> onA.list().contains(ended));
    }

    private Silences silences(ClusterNode node, String name) {
        OutboxDatabase db = new OutboxDatabase(node.vertx(), dir.resolve(name + "-outbox.db"));
        db.open().await();
        Silences s = new Silences(db, Clock.systemUTC());
        s.load().await();
        return s;
    }

    private ClusterNode start(ClusterConfig cfg) {
        ClusterNode n = ClusterNode.start(cfg).await();
        nodes.add(n);
        return n;
    }
}
