package dev.bongsu.alerting.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryLoopTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Vertx vertx;
    private DeliveryLoop loop;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        loop = new DeliveryLoop(vertx, Logger.getLogger(DeliveryLoopTest.class.getName()), "test: paused", "test: resumed");
    }

    @AfterEach
    void tearDown() {
        vertx.close().await();
    }

    @Test
    void deliversOnlyBetweenStartAndStopAndNotWhilePaused() {
        assertThat(loop.delivering()).isFalse();
        AtomicInteger pumps = new AtomicInteger();
        vertx.runOnContext(v -> loop.start(pumps::incrementAndGet, () -> { }));
        await().atMost(DEADLINE).until(() -> pumps.get() >= 2);
        assertThat(loop.delivering()).isTrue();
        assertThat(loop.context()).isNotNull();

        loop.pause();
        assertThat(loop.isPaused()).isTrue();
        assertThat(loop.delivering()).isFalse();

        loop.resume();
        assertThat(loop.isPaused()).isFalse();
        assertThat(loop.delivering()).isTrue();

        loop.stop();
        assertThat(loop.delivering()).isFalse();
    }

    @Test
    void resumingPumpsOnTheStartingContextWithoutWaitingForTheTimer() {
        AtomicInteger pumps = new AtomicInteger();
        loop.pause();
        vertx.runOnContext(v -> loop.start(pumps::incrementAndGet, () -> { }));
        await().atMost(DEADLINE).until(() -> loop.context() != null);
        AtomicBoolean stopped = new AtomicBoolean();
        loop.context().runOnContext(v -> {
            loop.stop();
            stopped.set(true);
        });
        await().atMost(DEADLINE).untilTrue(stopped);
        int before = pumps.get();

        loop.resume();

        await().atMost(DEADLINE).until(() -> pumps.get() > before);
    }

    @Test
    void resumingBeforeStartPumpsNothing() {
        AtomicInteger pumps = new AtomicInteger();
        loop.pause();
        loop.resume();
        assertThat(loop.context()).isNull();
        assertThat(pumps.get()).isZero();
    }
}
