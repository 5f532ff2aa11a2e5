package dev.bongsu.probes.check.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.TcpTarget;
import dev.bongsu.probes.check.Connector;
import dev.bongsu.probes.check.Fixtures;
import dev.bongsu.probes.check.HostileServers;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TcpCheckerTest {
    private static Vertx vertx;
    private static HostileServers hostile;
    private static TcpChecker checker;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        hostile = new HostileServers(vertx);
        checker = new TcpChecker(vertx, new Connector(vertx, Fixtures.resolver(Fixtures.NAMES), null));
    }

    @AfterAll
    static void stop() throws Exception {
        hostile.close();
        vertx.close().await();
    }

    private static ProbeResult probe(String host, int port, Duration timeout) throws Exception {
        var check = Fixtures.check("svc.tcp", CheckType.TCP, new TcpTarget(host, port), timeout);
        return checker.probe(check, "seoul", Fixtures.NOW).toCompletionStage().toCompletableFuture()
                .get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
    }

    @Test
    void anAcceptedConnectionPassesAndIsClosed() throws Exception {
        int[] accepted = {0};
        int[] closed = {0};
        int port = vertx.createNetServer().connectHandler(s -> {
            accepted[0]++;
            s.closeHandler(v -> closed[0]++);
        }).listen(0, "127.0.0.1").await().actualPort();
        ProbeResult r = probe("svc.test", port, Duration.ofSeconds(5));
        assertThat(r.ok()).as(r.detail()).isTrue();
        assertThat(r.timings().dnsMs()).isGreaterThanOrEqualTo(0);
        assertThat(r.timings().connectMs()).isGreaterThanOrEqualTo(0);
        assertThat(r.timings().tlsMs()).isEqualTo(Timings.NOT_MEASURED);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> closed[0] == 1);
    }

    @Test
    void aClosedPortIsConnectRefused() throws Exception {
        ProbeResult r = probe("127.0.0.1", HostileServers.closedPort(), Duration.ofSeconds(5));
        assertThat(r.error()).isEqualTo(ErrorClass.CONNECT_REFUSED);
        assertThat(r.timings().dnsMs()).isEqualTo(Timings.NOT_MEASURED);
    }

    @Test
    void anUnansweredConnectIsConnectTimeout() throws Exception {
        ProbeResult r = probe("127.0.0.1", hostile.fullBacklog(), Duration.ofMillis(500));
        assertThat(r.error()).isEqualTo(ErrorClass.CONNECT_TIMEOUT);
        assertThat(r.timings().totalMs()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void anUnknownHostIsDns() throws Exception {
        ProbeResult r = probe("nowhere.test", 80, Duration.ofSeconds(5));
        assertThat(r.error()).isEqualTo(ErrorClass.DNS);
    }
}
