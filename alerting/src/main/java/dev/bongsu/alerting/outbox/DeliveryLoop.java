package dev.bongsu.alerting.outbox;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The beat of an outbox: once started, a pump every 100 ms and a purge every hour on the starting context, until
 * stopped. Delivery can be paused and resumed from any thread (the active/standby lease of cluster mode); resuming
 * pumps at once. The owner's pump asks {@link #delivering()} before it starts any delivery.
 */
public final class DeliveryLoop {
    private static final long PUMP_MS = 100;
    private static final long PURGE_MS = Duration.ofHours(1).toMillis();

    private final Vertx vertx;
    private final Logger log;
    private final String pausedMessage;
    private final String resumedMessage;
    private Runnable pump = () -> { };
    private long timer = -1;
    private long purgeTimer = -1;
    private volatile boolean paused;
    private Context context;

    /**
     * A loop not started yet, not paused.
     *
     * @param vertx          the Vert.x instance (timers, the starting context)
     * @param log            the owner's logger, which tells operators of a pause and a resume
     * @param pausedMessage  the line logged when delivery pauses
     * @param resumedMessage the line logged when delivery resumes
     */
    public DeliveryLoop(Vertx vertx, Logger log, String pausedMessage, String resumedMessage) {
        this.vertx = vertx;
        this.log = log;
        this.pausedMessage = pausedMessage;
        this.resumedMessage = resumedMessage;
    }

    /** Remembers the calling context and runs {@code pump} every 100 ms and {@code purge} every hour on it. */
    public void start(Runnable pump, Runnable purge) {
        this.pump = pump;
        context = vertx.getOrCreateContext();
        timer = vertx.setPeriodic(PUMP_MS, id -> pump.run());
        purgeTimer = vertx.setPeriodic(PURGE_MS, id -> purge.run());
    }

    /** Stops the timers; attempts in flight finish. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(purgeTimer);
            timer = -1;
        }
    }

    /** Stops starting deliveries (this node lost the lease). Any thread. */
    public void pause() {
        if (!paused) {
            paused = true;
            log.info(pausedMessage);
        }
    }

    /** Starts delivering again and pumps at once on the starting context (if started). Any thread. */
    public void resume() {
        if (paused) {
            paused = false;
            log.info(resumedMessage);
            if (context != null) {
                context.runOnContext(v -> pump.run());
            }
        }
    }

    /** Whether delivery is paused. */
    public boolean isPaused() {
        return paused;
    }

    /** Whether a pump may start deliveries now: started, not stopped and not paused. */
    public boolean delivering() {
        return !paused && timer >= 0;
    }

    /** The context {@link #start} was called on, or {@code null} before. */
    public Context context() {
        return context;
    }
}
