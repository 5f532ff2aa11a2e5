package dev.bongsu.app.cluster;

import dev.bongsu.model.config.CheckConfig;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Keeps one probe node probing its share of its vantage's checks: announces the node in the {@link ProbeRoster},
 * recomputes the share by {@link Rendezvous} hashing whenever a member joins or leaves, a probe node announces
 * itself, and every {@code safetyInterval}, and hands a changed share to the probe engine. Answers
 * {@link ClusterAddresses#assignments(String)} with what it probes.
 */
public final class ShareKeeper {
    /** A roster read that takes longer than this (a cluster merge can hang one) no longer blocks the next. */
    private static final long STUCK_NANOS = 10_000_000_000L;
    private static final Logger LOG = Logger.getLogger("dev.bongsu.app.cluster.rebalance");

    private final ClusterNode node;
    private final ProbeRoster roster;
    private final String vantage;
    private volatile List<CheckConfig> checks;
    private volatile java.util.function.Supplier<String> configHash = () -> null;
    private final Consumer<List<CheckConfig>> assign;
    private final Duration safetyInterval;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    private List<String> current;
    private List<String> peers = List.of();
    private long timerId = -1;
    private boolean stopped;
    private boolean running;
    private boolean again;
    private long runningSince;

    /**
     * @param node           this probe node
     * @param roster         the cluster's probe nodes
     * @param vantage        where this node probes from
     * @param checks         every check of the config (all vantages probe every check)
     * @param assign         receives this node's share whenever it changes (e.g. {@code probeVerticle::assign})
     * @param safetyInterval how often the share is recomputed without any event
     */
    public ShareKeeper(ClusterNode node, ProbeRoster roster, String vantage, List<CheckConfig> checks,
                       Consumer<List<CheckConfig>> assign, Duration safetyInterval) {
        this.node = node;
        this.roster = roster;
        this.vantage = vantage;
        this.checks = List.copyOf(checks);
        this.assign = assign;
        this.safetyInterval = safetyInterval;
    }

    /** Announces this node, computes its first share and starts listening for changes. */
    public Future<Void> start() {
        var bus = node.vertx().eventBus();
        MessageConsumer<Object> changed = bus.consumer(ClusterAddresses.PROBE_NODES_CHANGED, m -> rebalance());
        MessageConsumer<Object> asked = bus.consumer(ClusterAddresses.assignments(node.nodeId()), m -> m.reply(describe()));
        consumers.add(changed);
        consumers.add(asked);
        node.onMembershipChange(this::rebalance);
        return Future.all(changed.completion(), asked.completion())
                .compose(v -> roster.announce(vantage))
                .compose(v -> rebalanceNow())
                .onSuccess(v -> {
                    bus.publish(ClusterAddresses.PROBE_NODES_CHANGED, vantage);
                    timerId = node.vertx().setPeriodic(safetyInterval.toMillis(), t -> rebalance());
                });
    }

    /** Withdraws this node so the others take its checks at once, and stops probing. */
    public Future<Void> stop() {
        stopped = true;
        node.vertx().cancelTimer(timerId);
        List<Future<Void>> unregistered = consumers.stream().map(c -> c.unregister()).toList();
        return Future.all(unregistered)
                .compose(v -> roster.withdraw())
                .onComplete(ar -> node.vertx().eventBus().publish(ClusterAddresses.PROBE_NODES_CHANGED, vantage))
                .mapEmpty();
    }

    /**
     * Takes the checks of a reloaded configuration (call on this node's Vert.x context): the share is recomputed and
     * handed to the probe engine even when its ids did not change, so changed check settings reach it too.
     */
    public Future<Void> reconfigure(List<CheckConfig> next) {
        checks = List.copyOf(next);
        current = null;
        return rebalanceNow();
    }

    /** Names the configuration this node runs in its assignments answer ({@code configHash}). */
    public ShareKeeper configHash(java.util.function.Supplier<String> hash) {
        this.configHash = hash;
        return this;
    }

    /** The check ids this node probes now. */
    public List<String> share() {
        return current == null ? List.of() : current;
    }

    /** What this node answers on its assignments address. */
    JsonObject describe() {
        return new JsonObject()
                .put("node", node.nodeId())
                .put("vantage", vantage)
                .put("peers", new JsonArray(new ArrayList<>(peers)))
                .put("checks", new JsonArray(new ArrayList<>(share())))
                .put("configHash", configHash.get());
    }

    private void rebalance() {
        if (stopped) {
            return;
        }
        if (running && System.nanoTime() - runningSince < STUCK_NANOS) {
            again = true;
            return;
        }
        if (running) {
            LOG.warning("vantage " + vantage + " node " + node.nodeId() + ": the last roster read has not finished for "
                    + STUCK_NANOS / 1_000_000_000L + " s (is the cluster merging?); reading it again");
        }
        rebalanceNow().onFailure(e -> LOG.warning("vantage " + vantage + " node " + node.nodeId()
                + ": cannot read the probe roster, keeping " + share().size() + " checks: " + e.getMessage()));
    }

    private Future<Void> rebalanceNow() {
        running = true;
        runningSince = System.nanoTime();
        return roster.liveProbeNodes().compose(all -> {
            apply(all);
            // A merge after a split of the cluster can lose this node's entry: announce it again.
            return all.containsKey(node.nodeId()) || stopped ? Future.<Void>succeededFuture() : roster.announce(vantage);
        }).onComplete(ar -> {
            running = false;
            if (again) {
                again = false;
                rebalance();
            }
        });
    }

    private void apply(Map<String, String> liveProbeNodes) {
        TreeSet<String> nodes = new TreeSet<>();
        liveProbeNodes.forEach((id, v) -> {
            if (v.equals(vantage)) {
                nodes.add(id);
            }
        });
        nodes.add(node.nodeId());
        List<String> ids = checks.stream().map(CheckConfig::id).toList();
        List<String> mine = Rendezvous.share(node.nodeId(), ids, nodes);
        peers = List.copyOf(nodes);
        if (mine.equals(current) || stopped) {
            return;
        }
        current = mine;
        java.util.Set<String> mineSet = new java.util.HashSet<>(mine);
        List<CheckConfig> share = checks.stream().filter(c -> mineSet.contains(c.id())).toList();
        assign.accept(share);
        LOG.info("vantage " + vantage + " node " + node.nodeId() + " probes " + share.size() + " of "
                + checks.size() + " checks (" + nodes.size() + " node(s) in the vantage)");
    }
}
