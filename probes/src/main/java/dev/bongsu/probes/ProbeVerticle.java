package dev.bongsu.probes;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.ProbeSettings;
import dev.bongsu.probes.check.Checkers;
import dev.bongsu.probes.schedule.LagStats;
import dev.bongsu.probes.schedule.OverloadMonitor;
import dev.bongsu.probes.schedule.ProbeScheduler;
import dev.bongsu.probes.schedule.ProbeScheduler.Run;
import dev.bongsu.probes.schedule.ProbeScheduler.Scheduled;
import dev.bongsu.probes.schedule.ResultOrder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Runs the checks assigned to one probe node of one vantage: a 10 ms tick drives the {@link ProbeScheduler}, at most
 * {@code maxInFlight} probes run at once, results leave in {@link ResultBatch}es (at most {@code batchSize} each,
 * none waiting longer than {@code batchInterval}; each check's results in the order its runs started, see
 * {@link ResultOrder}) and scheduler statistics as JSON every {@link #statsPeriodMs} and at once when the node
 * becomes overloaded or recovers ({@link OverloadMonitor}). Both go to its {@link ProbeOutput}: by default published
 * on its own Vert.x instance's event bus ({@link Addresses#RESULTS}, {@link Addresses#PROBE_STATS}); deployed in a
 * {@link ProbePlane}, handed to the server's event bus.
 * The checks can be reassigned at any time from any thread. Runs are scheduled, and their lateness measured, on the
 * node's monotonic clock; each result carries the wall-clock time its run started ({@link ProbeClock}), so a wall
 * clock that jumps neither stops probing nor makes runs look late. {@link PendingResults} moves a result whose run
 * started before a jump into the wall clock's frame of the flush, and each batch goes out with that {@link WallFrame},
 * so whoever sends it on can stamp its send time in the same frame. The scheduler and the batches live on the
 * verticle's event loop; HTTP, TCP and TLS probes run spread over one event loop per core (each probe wholly on one
 * loop), and their results come back to the verticle's loop.
 */
public final class ProbeVerticle extends VerticleBase {
    /** How often the scheduler is driven. */
    public static final long TICK_MS = 10;
    /** How often statistics are published at most; more often when a check's interval is shorter. */
    public static final long STATS_MS = 5_000;
    /** How often statistics are published at least. */
    public static final long MIN_STATS_MS = 1_000;
    /** How often the overload rule is evaluated (its window). */
    public static final long LOAD_CHECK_MS = 1_000;
    /** An overloaded node recovers after this long without a bad window. */
    public static final long RECOVER_MS = 5_000;
    /** A run that cannot start this long after it was due is dropped; its check resumes at its next slot. */
    public static final long LATE_LIMIT_MS = 1_000;
    private static final Logger LOG = Logger.getLogger(ProbeVerticle.class.getName());

    private final String vantage;
    private final ProbeSettings settings;
    private final String nodeId;
    private final Function<Vertx, Checkers> checkersFactory;
    private final ProbeClock clock;
    private ProbeOutput output;
    private final AtomicReference<List<CheckConfig>> assignment;
    private final AtomicReference<List<CheckConfig>> pending = new AtomicReference<>();
    private final ProbeScheduler<CheckConfig> scheduler = new ProbeScheduler<>(LATE_LIMIT_MS, 60_000);
    private final ResultOrder<PendingResults.Finished> order = new ResultOrder<>();
    private final OverloadMonitor overload = new OverloadMonitor(RECOVER_MS);
    private long statsPeriodMs = STATS_MS;
    private long sinceStatsMs;
    private long missedSeen;
    private Checkers checkers;
    private final List<Context> probeContexts = new ArrayList<>();
    private int nextContext;
    private final PendingResults batch = new PendingResults();
    private long probesTotal;
    private long tickTimer = -1;
    private long loadTimer = -1;

    /** A probe node of {@code vantage} running {@code checks}, identified by this process, with the standard checkers. */
    public ProbeVerticle(String vantage, List<CheckConfig> checks, ProbeSettings settings) {
        this(vantage, checks, settings, ManagementFactory.getRuntimeMXBean().getName(), Checkers::standard,
                ProbeClock.system());
    }

    /**
     * A probe node with its collaborators given.
     *
     * @param nodeId   this node's id in statistics
     * @param checkers builds the checkers on the verticle's Vert.x instance
     * @param clock    schedules runs (monotonic) and stamps results (wall)
     */
    public ProbeVerticle(String vantage, List<CheckConfig> checks, ProbeSettings settings, String nodeId,
                         Function<Vertx, Checkers> checkers, ProbeClock clock) {
        this(vantage, checks, settings, nodeId, checkers, clock, null);
    }

    /** A probe node of this process with the standard checkers, its output going to {@code output}. */
    public ProbeVerticle(String vantage, List<CheckConfig> checks, ProbeSettings settings, ProbeOutput output) {
        this(vantage, checks, settings, ManagementFactory.getRuntimeMXBean().getName(), Checkers::standard,
                ProbeClock.system(), Objects.requireNonNull(output, "output"));
    }

    /**
     * A probe node with its collaborators given; {@code output} {@code null}: publish on the event bus of the Vert.x
     * instance it is deployed on.
     */
    public ProbeVerticle(String vantage, List<CheckConfig> checks, ProbeSettings settings, String nodeId,
                         Function<Vertx, Checkers> checkers, ProbeClock clock, ProbeOutput output) {
        this.output = output;
        this.vantage = Objects.requireNonNull(vantage, "vantage");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.checkersFactory = Objects.requireNonNull(checkers, "checkers");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (settings.batchSize() < 1 || settings.maxInFlight() < 1) {
            throw new IllegalArgumentException("probes.batchSize and probes.maxInFlight must be at least 1, found "
                    + settings.batchSize() + " and " + settings.maxInFlight());
        }
        this.assignment = new AtomicReference<>(List.copyOf(checks));
    }

    @Override
    public Future<?> start() {
        if (output == null) {
            output = ProbeOutput.publishOn(vertx.eventBus());
        }
        checkers = checkersFactory.apply(vertx);
        // connection-based probes are spread over one event loop per core, so one node uses every core
        probeContexts.add(context);
        for (int i = 1; i < Runtime.getRuntime().availableProcessors(); i++) {
            probeContexts.add(((VertxInternal) vertx).createEventLoopContext());
        }
        apply(assignment.get());
        tickTimer = vertx.setPeriodic(TICK_MS, id -> tick());
        loadTimer = vertx.setPeriodic(LOAD_CHECK_MS, id -> checkLoad());
        LOG.info(() -> "probe node " + nodeId + " of vantage " + vantage + " started with " + scheduler.size() + " checks");
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(tickTimer);
        vertx.cancelTimer(loadTimer);
        flush();
        return Future.succeededFuture();
    }

    /** Replaces the checks this node runs (safe from any thread); takes effect on the next tick. */
    public void assign(List<CheckConfig> checks) {
        List<CheckConfig> copy = List.copyOf(checks);
        assignment.set(copy);
        pending.set(copy);
    }

    /** The checks this node was last assigned. */
    public List<CheckConfig> assignment() {
        return assignment.get();
    }

    /** This node's id. */
    public String nodeId() {
        return nodeId;
    }

    /** The vantage this node probes from. */
    public String vantage() {
        return vantage;
    }

    /**
     * How often a node whose smallest check interval is {@code smallestIntervalMs} publishes statistics: that
     * interval rounded down to whole seconds, between {@link #MIN_STATS_MS} and {@link #STATS_MS}.
     */
    static long statsPeriodMs(long smallestIntervalMs) {
        return Math.min(STATS_MS, Math.max(MIN_STATS_MS, smallestIntervalMs / 1_000 * 1_000));
    }

    private void apply(List<CheckConfig> checks) {
        List<Scheduled<CheckConfig>> scheduled = new ArrayList<>(checks.size());
        long smallest = Long.MAX_VALUE;
        for (CheckConfig c : checks) {
            if (c.type() == CheckType.HEARTBEAT) {
                continue; // pushed to the server, never probed
            }
            long interval = Math.max(1, c.interval().toMillis());
            scheduled.add(new Scheduled<>(c.id(), interval, Math.max(1, c.timeout().toMillis()), c));
            smallest = Math.min(smallest, interval);
        }
        scheduler.replace(scheduled, clock.monotonicMs());
        overload.smallestInterval(smallest);
        statsPeriodMs = statsPeriodMs(smallest);
    }

    private void tick() {
        List<CheckConfig> next = pending.getAndSet(null);
        if (next != null) {
            int before = scheduler.size();
            apply(next);
            LOG.info(() -> "probe node " + nodeId + " of vantage " + vantage + " reassigned: " + before + " -> "
                    + scheduler.size() + " checks");
        }
        long now = clock.monotonicMs();
        scheduler.poll(now, settings.maxInFlight() - scheduler.inFlight(), this::launch);
        if (!batch.isEmpty() && batch.waitedMs(now) >= settings.batchInterval().toMillis()) {
            flush();
        }
    }

    private void launch(Run<CheckConfig> run) {
        probesTotal++;
        overload.started(run.startMs() - run.dueMs());
        order.started(run.id(), run.serial());
        long startedAt = clock.wallMs();
        // DNS clients are bound to the context that made them, so DNS probes stay on the verticle's own loop
        Context target = run.payload().type() == CheckType.DNS ? context : probeContexts.get(nextContext++ % probeContexts.size());
        if (target == context) {
            probe(run, startedAt);
        } else {
            target.runOnContext(v -> probe(run, startedAt));
        }
    }

    /** Runs one probe on the current context, stamped {@code startedAt} (wall clock); its result comes back home. */
    private void probe(Run<CheckConfig> run, long startedAt) {
        Context home = this.context;
        checkers.probe(run.payload(), vantage, startedAt).onComplete(ar -> {
            if (Vertx.currentContext() == home) {
                finished(run, ar.result());
            } else {
                home.runOnContext(v -> finished(run, ar.result()));
            }
        });
    }

    private void finished(Run<CheckConfig> run, ProbeResult result) {
        scheduler.completed(run);
        for (PendingResults.Finished f : order.finished(run.id(), run.serial(), new PendingResults.Finished(result, run.startMs()))) {
            batch.add(f, clock.monotonicMs());
            if (batch.size() >= settings.batchSize()) {
                flush();
            }
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        WallFrame frame = WallFrame.now(clock);
        output.results(new ResultBatch(vantage, batch.take(frame.wallMs(), frame.monotonicMs())), frame);
    }

    /** Closes an overload window; publishes statistics when the state changed or the period is up. */
    private void checkLoad() {
        long missed = scheduler.missedRuns();
        boolean changed = overload.evaluate(clock.monotonicMs(), missed - missedSeen);
        missedSeen = missed;
        if (changed) {
            logLoadChange();
        }
        sinceStatsMs += LOAD_CHECK_MS;
        if (changed || sinceStatsMs >= statsPeriodMs) {
            publishStats();
        }
    }

    private void logLoadChange() {
        if (overload.overloaded()) {
            OverloadMonitor.Window w = overload.lastWindow();
            LOG.warning(() -> "probe node " + nodeId + " of vantage " + vantage + " is overloaded: " + w.late() + " of "
                    + w.due() + " runs due in the last " + LOAD_CHECK_MS + " ms started over " + w.thresholdMs()
                    + " ms late or not at all (" + w.missed() + " missed); its failures are not to be trusted");
        } else {
            LOG.info(() -> "probe node " + nodeId + " of vantage " + vantage + " recovered from overload: runs started on time for "
                    + RECOVER_MS + " ms");
        }
    }

    /** Publishes the statistics; the lag figures cover the time since the previous message. */
    private void publishStats() {
        sinceStatsMs = 0;
        LagStats lag = scheduler.lagSnapshotAndReset();
        output.stats(new JsonObject()
                .put("vantage", vantage)
                .put("node", nodeId)
                .put("checks", scheduler.size())
                .put("inFlight", scheduler.inFlight())
                .put("probesTotal", probesTotal)
                .put("skippedOverlap", scheduler.skippedOverlap())
                .put("missedRuns", scheduler.missedRuns())
                .put("lagP50Ms", lag.p50Ms())
                .put("lagP99Ms", lag.p99Ms())
                .put("lagMaxMs", lag.maxMs())
                .put("overloaded", overload.overloaded()));
    }
}
