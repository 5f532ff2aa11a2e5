package dev.bongsu.app.cluster;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.probes.FrameHeaders;
import dev.bongsu.probes.ProbeClock;
import dev.bongsu.probes.WallFrame;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Carries a probe node's result batches to every reachable server, and holds them in a {@link ResultBuffer} while
 * none is. A server is reachable while its heartbeat ({@link ClusterAddresses#SERVER_HEARTBEAT}, every second) is
 * fresh, judged on the node's monotonic clock from when the heartbeat arrived, so a jump of the node's wall clock
 * neither hides a live server nor keeps a dead one alive; a batch counts as delivered when at least one server acknowledged it (request/reply), otherwise it is
 * buffered and sent, oldest first, once a server is back. Results keep their probe time, so late ones land in the
 * right minute. Each batch carries its send time in the wall-clock frame its results were stamped in (the
 * {@link WallFrame} the probe verticle flushed it in, from {@link FrameHeaders}): the frame's wall time plus the
 * monotonic time elapsed since, so a server can tell a node whose clock is off ({@link ClockSkew}) and correct the
 * batch by exactly its results' error, even when the wall clock was set right between the flush and the send or while
 * the batch was buffered. The probe verticle publishes on {@link Addresses#RESULTS}; {@link #interceptResults()}
 * takes those batches off the bus on this node, so they reach servers only through the relay.
 */
public final class ResultRelay {
    /** A server silent this long is taken as unreachable. */
    public static final long SERVER_SILENCE_MS = 3_000;
    static final long SEND_TIMEOUT_MS = 5_000;
    static final int DRAIN_CHUNK = 2_000;
    private static final long DRAIN_EVERY_MS = 500;
    private static final long DROP_LOG_EVERY_MS = 10_000;
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.relay");
    /** Header of a relayed batch: the node's wall clock (epoch ms) when it sent it, in its results' frame, for {@link ClockSkew}. */
    static final String SENT_AT_HEADER = "bongsu-sent-at";
    /** Header of a relayed batch: the sending node's id. */
    static final String NODE_HEADER = "bongsu-node";

    private final ClusterNode node;
    private final ResultBuffer buffer;
    private final ProbeClock clock;
    /** Each server's last heartbeat, received at this monotonic time (ms). */
    private final Map<String, Long> serversSeen = new HashMap<>();
    private Context context;
    private MessageConsumer<JsonObject> heartbeats;
    private long timerId = -1;
    private boolean draining;
    private boolean buffering;
    private boolean catchingUp;
    private long sentTotal;
    private long droppedSinceLog;
    private long lastDropLog = Long.MIN_VALUE;

    /** A relay for {@code node}, buffering into {@code buffer}, on the host's clocks. */
    public ResultRelay(ClusterNode node, ResultBuffer buffer) {
        this(node, buffer, ProbeClock.system());
    }

    /**
     * A relay for {@code node}, buffering into {@code buffer}; {@code clock}'s monotonic time judges heartbeats and
     * moves each batch's frame on to its send time (it must be the clock of the probe verticles whose frames it
     * reads); its wall time frames only batches that come without a frame.
     */
    public ResultRelay(ClusterNode node, ResultBuffer buffer, ProbeClock clock) {
        this.node = node;
        this.buffer = buffer;
        this.clock = clock;
    }

    /** Starts listening for server heartbeats and draining the buffer. */
    public Future<Void> start() {
        context = node.vertx().getOrCreateContext();
        heartbeats = node.vertx().eventBus().consumer(ClusterAddresses.SERVER_HEARTBEAT, m -> {
            String server = m.body().getString("node");
            boolean isNew = !liveServers().contains(server);
            serversSeen.put(server, clock.monotonicMs());
            if (isNew) {
                drain();
            }
        });
        timerId = node.vertx().setPeriodic(DRAIN_EVERY_MS, t -> drain());
        return heartbeats.completion();
    }

    /**
     * Takes result batches published on {@link Addresses#RESULTS} by this node off the bus and relays them, each in
     * the frame of its {@link FrameHeaders} (one without is taken to be in the wall clock's frame of now).
     */
    public void interceptResults() {
        node.vertx().eventBus().addOutboundInterceptor(ctx -> {
            if (!ctx.send() && Addresses.RESULTS.equals(ctx.message().address()) && ctx.body() instanceof ResultBatch b) {
                WallFrame carried = FrameHeaders.read(ctx.message().headers());
                WallFrame frame = carried != null ? carried : WallFrame.now(clock);
                context.runOnContext(v -> accept(b, frame));
            } else {
                ctx.next();
            }
        });
    }

    /** Relays one batch, stamped in {@code frame}, now, or buffers it; call on the relay's context. */
    public void accept(ResultBatch batch, WallFrame frame) {
        ResultBuffer.Held held = new ResultBuffer.Held(batch, frame);
        if (!buffer.isEmpty() || draining || liveServers().isEmpty()) {
            hold(held, false);
            return;
        }
        send(held).onFailure(e -> hold(held, false));
    }

    /** Stops; what is still buffered is logged as lost. */
    public Future<Void> stop() {
        node.vertx().cancelTimer(timerId);
        if (buffer.results() > 0) {
            LOG.warning("stopping with " + buffer.results() + " buffered results that no server took");
        }
        return heartbeats == null ? Future.succeededFuture() : heartbeats.unregister();
    }

    /** Counters: sent, buffered now, buffered ever, dropped ever, reachable servers. */
    public JsonObject stats() {
        return new JsonObject().put("sent", sentTotal).put("bufferedNow", buffer.results())
                .put("bufferedTotal", buffer.bufferedTotal()).put("droppedTotal", buffer.droppedTotal())
                .put("servers", liveServers().size());
    }

    /** How many servers are reachable now. */
    public int liveServersCount() {
        return liveServers().size();
    }

    /** The servers whose heartbeat is fresh. */
    Set<String> liveServers() {
        long now = clock.monotonicMs();
        Set<String> out = new java.util.TreeSet<>();
        serversSeen.forEach((id, at) -> {
            if (now - at <= SERVER_SILENCE_MS) {
                out.add(id);
            }
        });
        return out;
    }

    private Future<Void> send(ResultBuffer.Held held) {
        ResultBatch batch = held.batch();
        Set<String> servers = liveServers();
        if (servers.isEmpty()) {
            return Future.failedFuture("no server reachable");
        }
        List<Future<?>> acks = new ArrayList<>();
        DeliveryOptions sendOptions = new DeliveryOptions().setSendTimeout(SEND_TIMEOUT_MS)
                .addHeader(SENT_AT_HEADER, Long.toString(held.frame().wallAt(clock.monotonicMs()))).addHeader(NODE_HEADER, node.nodeId());
        for (String server : servers) {
            acks.add(node.vertx().eventBus().request(ClusterAddresses.results(server), batch, sendOptions));
        }
        return Future.join(acks).transform(ar -> {
            long ok = acks.stream().filter(Future::succeeded).count();
            if (ok == 0) {
                return Future.failedFuture("no server took the batch");
            }
            sentTotal += batch.results().size();
            return Future.succeededFuture();
        });
    }

    private void hold(ResultBuffer.Held held, boolean atFront) {
        if (!buffering) {
            buffering = true;
            LOG.warning("no server reachable: buffering results (at most " + buffer.capacity() + ")");
        }
        int dropped = atFront ? buffer.putBack(held) : buffer.add(held.batch(), held.frame());
        if (dropped > 0) {
            droppedSinceLog += dropped;
            long now = clock.monotonicMs();
            if (lastDropLog == Long.MIN_VALUE || now - lastDropLog >= DROP_LOG_EVERY_MS) {
                LOG.warning("result buffer full: dropped the " + droppedSinceLog + " oldest results ("
                        + buffer.droppedTotal() + " in all)");
                lastDropLog = now;
                droppedSinceLog = 0;
            }
        }
    }

    private void drain() {
        if (draining || buffer.isEmpty() || liveServers().isEmpty()) {
            return;
        }
        draining = true;
        if (!catchingUp) {
            catchingUp = true;
            LOG.info("server reachable: sending " + buffer.results() + " buffered results");
        }
        drainNext();
    }

    private void drainNext() {
        ResultBuffer.Held next = buffer.take(DRAIN_CHUNK);
        if (next == null) {
            draining = false;
            buffering = false;
            catchingUp = false;
            LOG.info("buffer empty: all buffered results sent (" + buffer.droppedTotal() + " dropped while no server was reachable)");
            return;
        }
        send(next).onComplete(ar -> {
            if (ar.succeeded()) {
                drainNext();
            } else {
                hold(next, true);
                draining = false;
            }
        });
    }
}
