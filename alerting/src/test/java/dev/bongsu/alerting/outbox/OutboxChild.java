package dev.bongsu.alerting.outbox;

import dev.bongsu.alerting.support.OutboxHarness;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.OutboxConfig;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link OutboxCrashTest}: writes notifications to an outbox whose receiver keeps failing,
 * says {@code WRITTEN}, and keeps retrying until it is killed.
 */
public final class OutboxChild {
    private OutboxChild() {
    }

    /** Args: outbox.db path, receiver URL, number of incidents. */
    public static void main(String[] args) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        OutboxConfig cfg = new OutboxConfig(Duration.ofHours(1), 0, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofDays(7));
        OutboxHarness h = OutboxHarness.start(vertx, Path.of(args[0]), List.of(ReceiverConfig.webhook("hook", args[1], null)), cfg,
                Clock.systemUTC(), "child");
        int n = Integer.parseInt(args[2]);
        for (int i = 1; i <= n; i++) {
            h.enqueue(OutboxHarness.note("hook", "K" + i, 1, TransitionType.OPENED));
            h.enqueue(OutboxHarness.note("hook", "K" + i, 2, TransitionType.RESOLVED));
        }
        System.out.println("WRITTEN");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
