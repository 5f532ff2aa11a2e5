package dev.bongsu.alerting.watchdog;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.HttpOutcomes;
import dev.bongsu.alerting.notify.Redactor;
import dev.bongsu.model.config.WatchdogConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Tells an outside dead man's switch that this Bongsu is alive: a signed {@link AliveCall} POSTed to
 * {@code watchdog.url} at start and every {@code watchdog.every}, each bounded by {@code watchdog.timeout}. Nothing
 * is queued or retried: a call that fails is simply followed by the next one, a call still running when the next is
 * due makes that one skipped. Failures are logged once per streak, with the count when calls get through again.
 */
public final class WatchdogVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger("watchdog");

    private final WatchdogConfig cfg;
    private final String node;
    private final String version;
    private final Clock clock;
    private final Redactor redactor;
    private WebClient client;
    private HttpDelivery http;
    private long timer = -1;
    private boolean inFlight;
    private boolean everDelivered;
    private int failedInStreak;
    private long sent;

    /**
     * A watchdog for {@code cfg}, naming this process {@code node} and the build {@code version} in its calls;
     * {@code clock} stamps them.
     */
    public WatchdogVerticle(WatchdogConfig cfg, String node, String version, Clock clock) {
        this.cfg = cfg;
        this.node = node;
        this.version = version;
        this.clock = clock;
        this.redactor = new Redactor(Arrays.asList(cfg.url(), cfg.secret()));
    }

    @Override
    public Future<?> start() {
        client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Bongsu/1").setFollowRedirects(false)
                .setKeepAlive(false));
        http = new HttpDelivery(vertx, client, new HttpOutcomes(clock));
        LOG.info("watchdog: an alive call every " + cfg.every().toSeconds() + " s to " + redactor.redact(cfg.url())
                + (cfg.secret() == null ? " (unsigned)" : " (signed)"));
        call();
        timer = vertx.setPeriodic(cfg.every().toMillis(), id -> call());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        client.close();
        return Future.succeededFuture();
    }

    /** Calls made so far (each one attempt). */
    public long sent() {
        return sent;
    }

    private void call() {
        if (inFlight) {
            return; // the previous call is still running: never two at once, never a backlog
        }
        inFlight = true;
        sent++;
        Instant now = clock.instant();
        byte[] body = AliveCall.body(node, version, now, cfg.every()).encode().getBytes(StandardCharsets.UTF_8);
        http.post(cfg.url(), AliveCall.headers(body, cfg.secret(), now), Buffer.buffer(body), cfg.timeout(), redactor)
                .onComplete(ar -> {
                    inFlight = false;
                    outcome(ar.succeeded() ? ar.result() : DeliveryOutcome.failed(redactor.redact(String.valueOf(ar.cause()))));
                });
    }

    private void outcome(DeliveryOutcome o) {
        if (o.isDelivered()) {
            if (failedInStreak > 0) {
                LOG.info("watchdog: alive calls get through again after " + failedInStreak + " failed");
            } else if (!everDelivered) {
                LOG.info("watchdog: first alive call delivered");
            }
            everDelivered = true;
            failedInStreak = 0;
            return;
        }
        if (failedInStreak++ == 0) {
            LOG.warning("watchdog: alive call failed: " + o.reason() + "; the dead man's switch may fire if this goes on"
                    + " (logged once until a call gets through)");
        }
    }
}
