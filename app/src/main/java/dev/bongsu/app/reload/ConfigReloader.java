package dev.bongsu.app.reload;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.config.diff.ConfigDiff;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Reloads the configuration file of a running process: reads and validates it completely first (an invalid file
 * changes nothing), refuses a change only a restart can make, then hands the new configuration to each part in order
 * (metrics, detector, alerting, status page, probes) and swaps the running configuration only when every part took
 * it; a part that fails puts the parts before it back on the old configuration. Reloads are serialized: one asked
 * for while another runs waits for it. Safe to call from any thread (the admin API, SIGHUP, the file watcher).
 */
public final class ConfigReloader {
    private static final Logger LOG = Logger.getLogger("reload");

    /**
     * One part that takes a new configuration.
     *
     * @param name        its name in messages ({@code detector}, {@code probes})
     * @param reconfigure hands it a configuration; completes once it runs it
     */
    public record Step(String name, Function<BongsuConfig, Future<Void>> reconfigure) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reconfigure, "reconfigure");
        }
    }

    private final Vertx vertx;
    private final Context context;
    private final ConfigFile file;
    private final List<Step> steps = new CopyOnWriteArrayList<>();
    private final List<Consumer<LoadedConfig>> listeners = new CopyOnWriteArrayList<>();
    private volatile LoadedConfig running;
    private volatile ReloadOutcome lastOutcome;
    private Future<ReloadOutcome> last = Future.succeededFuture();

    /**
     * @param vertx   runs the reloads (file reading on a worker)
     * @param file    the configuration file
     * @param running what the process runs now
     * @param steps   the parts to reconfigure, in order
     */
    public ConfigReloader(Vertx vertx, ConfigFile file, LoadedConfig running, List<Step> steps) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.file = file;
        this.running = running;
        this.steps.addAll(steps);
    }

    /** Adds a part reconfigured after the others (e.g. the cluster's assignments, started late). */
    public ConfigReloader addStep(Step step) {
        steps.add(step);
        return this;
    }

    /** Calls {@code listener} with the new configuration after every reload that changed it or its file's hash. */
    public ConfigReloader onReloaded(Consumer<LoadedConfig> listener) {
        listeners.add(listener);
        return this;
    }

    /** The configuration running now. */
    public LoadedConfig running() {
        return running;
    }

    /** The outcome of the last reload that finished, or {@code null} before the first. */
    public ReloadOutcome lastOutcome() {
        return lastOutcome;
    }

    /** The configuration file. */
    public ConfigFile file() {
        return file;
    }

    /** Reloads the file; {@code trigger} ({@code SIGHUP}, {@code admin API}, {@code file watch}) is logged with the outcome. */
    public Future<ReloadOutcome> reload(String trigger) {
        Promise<ReloadOutcome> done = Promise.promise();
        context.runOnContext(v -> {
            last = last.transform(ignored -> reloadNow(trigger));
            last.onComplete(done);
        });
        return done.future();
    }

    private Future<ReloadOutcome> reloadNow(String trigger) {
        LoadedConfig before = running;
        return vertx.executeBlocking(file::load, false)
                .transform(ar -> {
                    if (ar.failed()) {
                        return Future.succeededFuture(ar.cause() instanceof ConfigException e
                                ? new ReloadOutcome.Invalid(e.getMessage())
                                : new ReloadOutcome.Failed("cannot read " + file.path() + ": " + ar.cause().getMessage()));
                    }
                    LoadedConfig next = ar.result();
                    ConfigDiff diff = ConfigDiff.between(before.config(), next.config());
                    if (diff.needsRestart()) {
                        return Future.succeededFuture(new ReloadOutcome.NeedsRestart(diff.restartMessage(), diff));
                    }
                    return apply(before, next, diff);
                })
                .onSuccess(outcome -> {
                    lastOutcome = outcome;
                    log(trigger, outcome);
                });
    }

    private Future<ReloadOutcome> apply(LoadedConfig before, LoadedConfig next, ConfigDiff diff) {
        if (diff.isEmpty()) {
            running = next;
            if (!next.hash().equals(before.hash())) {
                listeners.forEach(l -> l.accept(next));
            }
            return Future.succeededFuture(new ReloadOutcome.Applied(before, next, diff));
        }
        List<Step> done = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Step step : steps) {
            chain = chain.compose(v -> step.reconfigure().apply(next.config())
                    .recover(e -> Future.failedFuture(new StepFailed(step, e)))
                    .onSuccess(x -> done.add(step)));
        }
        return chain.transform(ar -> {
            if (ar.succeeded()) {
                running = next;
                listeners.forEach(l -> l.accept(next));
                return Future.succeededFuture(new ReloadOutcome.Applied(before, next, diff));
            }
            String failure = ar.cause() instanceof StepFailed f ? f.getMessage() : String.valueOf(ar.cause().getMessage());
            return rollBack(done, before.config()).map(v -> new ReloadOutcome.Failed(failure + "; " + v));
        });
    }

    /** Puts the parts that took the new configuration back on the old one, last first; says how that went. */
    private Future<String> rollBack(List<Step> done, BongsuConfig old) {
        if (done.isEmpty()) {
            return Future.succeededFuture("no part had taken it");
        }
        List<String> problems = new CopyOnWriteArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = done.size() - 1; i >= 0; i--) {
            Step step = done.get(i);
            chain = chain.transform(v -> step.reconfigure().apply(old)
                    .onFailure(e -> problems.add(step.name() + ": " + e.getMessage())).otherwiseEmpty());
        }
        return chain.map(v -> problems.isEmpty() ? "put " + names(done) + " back on the previous configuration"
                : "could not put back " + String.join("; ", problems) + " (restart to be sure what runs)");
    }

    private static String names(List<Step> steps) {
        return String.join(", ", steps.stream().map(Step::name).toList());
    }

    private static void log(String trigger, ReloadOutcome outcome) {
        String line = "reload (" + trigger + "): " + outcome.summary();
        if (outcome instanceof ReloadOutcome.Applied) {
            LOG.info(line);
        } else {
            LOG.warning(line);
        }
    }

    /** A part refused the new configuration. */
    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(Step step, Throwable cause) {
            super(step.name() + " could not take the new configuration: " + cause.getMessage(), cause, false, false);
        }
    }
}
