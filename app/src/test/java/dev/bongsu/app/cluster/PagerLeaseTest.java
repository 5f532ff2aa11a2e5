package dev.bongsu.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.config.ClusterConfig;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerLeaseTest {
    private final List<ClusterNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(n -> n.close().await());
    }

    @Test
    void exactlyOneServerHoldsTheLeaseAndTheOtherTakesItWhenTheHolderLeaves() {
        ClusterConfig cfg = ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(3), 3);
        ClusterNode a = start(cfg);
        ClusterNode b = start(cfg);
        AtomicInteger takeovers = new AtomicInteger();
        PagerLease la = new PagerLease(a, () -> {
            takeovers.incrementAndGet();
            return Future.succeededFuture();
        });
        PagerLease lb = new PagerLease(b, () -> {
            takeovers.incrementAndGet();
            return Future.succeededFuture();
        });
        la.start().await();
        await().atMost(Duration.ofSeconds(10)).until(la::isActive);
        lb.start().await();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !lb.isActive());

        a.close().await();
        nodes.remove(a);

        await().atMost(Duration.ofSeconds(15)).until(lb::isActive);
        assertThat(takeovers).hasValue(2);
    }

    @Test
    void theLedgerRemembersDeliveriesAcrossNodes() {
        ClusterConfig cfg = ClusterTestSupport.loopback(ClusterTestSupport.freePortBlock(3), 3);
        ClusterNode a = start(cfg);
        ClusterNode b = start(cfg);
        DeliveredLedger onA = new DeliveredLedger(a, "server-a");
        DeliveredLedger onB = new DeliveredLedger(b, "server-b");
        onA.start().await();
        onB.start().await();

        a.vertx().eventBus().publish(dev.bongsu.model.Addresses.NOTIFICATION_EVENTS, new io.vertx.core.json.JsonObject()
                .put("receiver", "oncall").put("outcome", "sent").put("incidentId", "inc-1")
                .put("transitionKey", "inc-1:1").put("node", "server-a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> "server-a".equals(onB.deliveredBy("oncall", "inc-1:1").await()));
        assertThat(onB.deliveredBy("oncall", "inc-1:2").await()).isNull();
        assertThat(onB.deliveredBy("other", "inc-1:1").await()).isNull();
    }

    private ClusterNode start(ClusterConfig cfg) {
        ClusterNode n = ClusterNode.start(cfg).await();
        nodes.add(n);
        return n;
    }
}
