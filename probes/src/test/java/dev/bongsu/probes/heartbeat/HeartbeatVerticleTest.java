package dev.bongsu.probes.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import dev.bongsu.model.config.Thresholds;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verticle on a real event bus: a published push comes back as a result batch; silence as missed results. */
class HeartbeatVerticleTest {
    private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        vertx.eventBus().<ResultBatch>consumer(Addresses.RESULTS, m -> {
            assertThat(m.body().vantage()).isEqualTo("push");
            results.addAll(m.body().results());
        }).completion().await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void pushesBecomeResultsAndSilenceBecomesMissedResults() {
        Duration period = Duration.ofSeconds(1);
        CheckConfig check = new CheckConfig("job.heartbeat", "heartbeat", "job", CheckType.HEARTBEAT, period, period, true,
                new HeartbeatTarget(period, period, null), Thresholds.DEFAULTS, Map.of());
        vertx.deployVerticle(new HeartbeatVerticle(List.of(check), Clock.systemUTC())).await();

        HeartbeatVerticle.publish(vertx.eventBus(), new HeartbeatPush("job.heartbeat", true, null));
        HeartbeatVerticle.publish(vertx.eventBus(), new HeartbeatPush("job.heartbeat", false, "exit 3"));
        HeartbeatVerticle.publish(vertx.eventBus(), new HeartbeatPush("other.heartbeat", true, null));

        await("both pushes as results").atMost(Duration.ofSeconds(20)).until(() -> results.size() >= 2);
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(1).detail()).isEqualTo("the job reported down: exit 3");

        await("missed once period + grace passed").atMost(Duration.ofSeconds(20))
                .until(() -> results.stream().anyMatch(r -> r.error() == ErrorClass.HEARTBEAT_MISSED));
        assertThat(results).extracting(ProbeResult::checkId).containsOnly("job.heartbeat");
    }
}
