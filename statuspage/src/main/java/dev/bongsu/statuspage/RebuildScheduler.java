package dev.bongsu.statuspage;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs the status page's builds one at a time: requests within one debounce are served by one build, a request made
 * while a build runs is served by one more build after it, and a waiter of {@link #rebuildNow} is released by the first
 * build that starts after it was added.
 *
 * <p>Its flags ({@code scheduled}, {@code running}, {@code dirty}) are only touched on the home executor (the builder's
 * context): {@link #poke()} and {@link #rebuildNow} may be called from any thread and go there first; {@link #request()}
 * and {@link #runNow()} must be called there. Before {@link #attach} nothing runs: a change made before the builder
 * starts is read by its first build.
 */
final class RebuildScheduler {
    private static final Logger LOG = Logger.getLogger(RebuildScheduler.class.getName());

    /** Runs an action once after a delay, on the home executor. */
    @FunctionalInterface
    interface Timer {
        /** Runs {@code action} on the home executor after {@code delayMs} milliseconds. */
        void after(long delayMs, Runnable action);
    }

    private final Supplier<Future<Void>> build;
    private final Duration debounce;
    private final Timer timer;
    /** The builder's context once it starts; a poke before that is covered by the first build. */
    private volatile Executor home;
    private boolean scheduled;
    private boolean running;
    private boolean dirty;
    /** Completed when a build that starts after they were added is served (or fails). */
    private List<Promise<Void>> waiting = new ArrayList<>();

    /**
     * @param build    reads, renders and swaps in one build; completes when it is served (or failed)
     * @param debounce wait after a request before building, so a burst of requests costs one build
     * @param timer    delays an action on the home executor
     */
    RebuildScheduler(Supplier<Future<Void>> build, Duration debounce, Timer timer) {
        this.build = build;
        this.debounce = debounce;
        this.timer = timer;
    }

    /** Sets where the flags live (the builder's context); from then on pokes and waiters are served. */
    void attach(Executor home) {
        this.home = home;
    }

    /** Asks for a rebuild from any thread; before {@link #attach} it is dropped, the first build covers it. */
    void poke() {
        Executor h = home;
        if (h != null) {
            h.execute(this::request);
        }
    }

    /**
     * Runs {@code first} on the home executor, then asks for a rebuild and completes when a build that starts after
     * {@code first} completed is served. Before {@link #attach} there is nothing to wait for.
     */
    Future<Void> rebuildNow(Supplier<Future<?>> first) {
        Executor h = home;
        if (h == null) {
            return Future.succeededFuture();
        }
        Promise<Void> built = Promise.promise();
        // the first step may complete on another thread (a store's worker): the flags are touched back home only
        h.execute(() -> first.get().onComplete(x -> h.execute(() -> {
            waiting.add(built);
            request();
        })));
        return built.future();
    }

    /** Asks for a rebuild after the debounce, unless one is already scheduled; on the home executor only. */
    void request() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        timer.after(Math.max(1, debounce.toMillis()), () -> {
            scheduled = false;
            runNow();
        });
    }

    /**
     * Builds now, or, while a build runs, marks that one more is needed after it; on the home executor only. Completes
     * with the build (at once when one is already running).
     */
    Future<Void> runNow() {
        if (running) {
            dirty = true;
            return Future.succeededFuture();
        }
        running = true;
        List<Promise<Void>> served = waiting;
        waiting = new ArrayList<>();
        Future<Void> started;
        try {
            started = build.get();
        } catch (RuntimeException e) {
            // a reader that throws instead of failing its future must not leave the builder "running" for ever
            started = Future.failedFuture(e);
        }
        Executor h = home;
        return started
                .onFailure(e -> LOG.severe("status page: rebuild failed, still serving the previous build: " + e))
                .onComplete(x -> h.execute(() -> {
                    served.forEach(p -> {
                        if (x.succeeded()) {
                            p.tryComplete();
                        } else {
                            p.tryFail(x.cause());
                        }
                    });
                    running = false;
                    if (dirty) {
                        dirty = false;
                        request();
                    }
                }));
    }
}
