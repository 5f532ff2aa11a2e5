package dev.bongsu.app.cluster;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * A server's end of the {@link ResultRelay}: takes result batches addressed to this server, publishes them on
 * {@link Addresses#RESULTS} to this server's own parts only (aggregator, detector, metrics) and acknowledges them.
 * A batch from a node whose clock is more than {@link ClockSkew#TOLERANCE_MS} off this server's has its probe
 * times shifted onto this server's clock ({@link ClockSkew}), with one warning when that starts and one line when
 * the node's clock is right again. The batch's send time is in the wall-clock frame of its results (see
 * {@link ResultRelay}), so all of them are shifted alike; one that would still be further ahead of this server's
 * clock than the tolerance is stamped now.
 */
public final class ResultIntake {
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.intake");

    private final ClusterNode node;
    private final LongSupplier clock;
    private final ClockSkew skew = new ClockSkew();
    private MessageConsumer<ResultBatch> consumer;
    private long received;
    private long shifted;

    /** An intake on {@code node} judging clock skew against the system clock. */
    public ResultIntake(ClusterNode node) {
        this(node, System::currentTimeMillis);
    }

    /** An intake on {@code node}; {@code clock} gives this server's epoch milliseconds. */
    public ResultIntake(ClusterNode node, LongSupplier clock) {
        this.node = node;
        this.clock = clock;
    }

    /** Starts taking batches. */
    public Future<Void> start() {
        consumer = node.vertx().eventBus().consumer(ClusterAddresses.results(node.nodeId()), m -> {
            ResultBatch batch = onServerClock(m);
            received += batch.results().size();
            node.vertx().eventBus().publish(Addresses.RESULTS, batch, LOCAL);
            m.reply(null);
        });
        return consumer.completion();
    }

    /** Stops taking batches. */
    public Future<Void> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /** Results taken since start. */
    public long received() {
        return received;
    }

    /** Results whose probe time was shifted because their node's clock was off. */
    public long shifted() {
        return shifted;
    }

    private ResultBatch onServerClock(Message<ResultBatch> m) {
        String sentAt = m.headers().get(ResultRelay.SENT_AT_HEADER);
        String from = m.headers().get(ResultRelay.NODE_HEADER);
        if (sentAt == null || from == null) {
            return m.body();
        }
        ClockSkew.Correction c;
        long now = clock.getAsLong();
        try {
            c = skew.observe(from, Long.parseLong(sentAt), now);
        } catch (NumberFormatException e) {
            return m.body();
        }
        if (c.change() == ClockSkew.Change.SKEWED) {
            LOG.warning("probe node " + from + " (vantage " + m.body().vantage() + "): clock " + describe(c.aheadMs())
                    + " this server's; its results are stamped on this server's clock until it is right again (check NTP on that host)");
        } else if (c.change() == ClockSkew.Change.CORRECTED) {
            LOG.info("probe node " + from + " (vantage " + m.body().vantage() + "): clock within " + ClockSkew.TOLERANCE_MS / 1000
                    + " s of this server's again; its own probe times are used");
        }
        if (m.body().results().stream().allMatch(r -> ClockSkew.stamp(r.startedAt(), c, now) == r.startedAt())) {
            return m.body();
        }
        shifted += m.body().results().size();
        return new ResultBatch(m.body().vantage(), m.body().results().stream().map(r -> restamped(r, ClockSkew.stamp(r.startedAt(), c, now)))
                .toList());
    }

    private static ProbeResult restamped(ProbeResult r, long startedAt) {
        return startedAt == r.startedAt() ? r : new ProbeResult(r.checkId(), r.serviceId(), r.vantage(), startedAt, r.ok(), r.error(),
                r.statusCode(), r.timings(), r.certDaysLeft(), r.detail());
    }

    private static String describe(long aheadMs) {
        return String.format("%.1f s %s", Math.abs(aheadMs) / 1000.0, aheadMs >= 0 ? "ahead of" : "behind");
    }
}
