package dev.bongsu.probes.schedule;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Decides which checks start when, with time passed in: each check runs at its own interval in a slot fixed by
 * a stable phase of its id (so thousands of checks spread evenly instead of starting together), runs of one check
 * may overlap up to {@link Scheduled#maxInFlight()} (so a target that hangs until the timeout is still probed at
 * every slot) and a run beyond that bound is skipped, and a run that could not start within the late limit (a
 * stall, an overload) is dropped and the check resumes at its next slot, so missed runs are never replayed in a
 * burst. Time is passed in, in milliseconds of a monotonic clock (see {@code ProbeClock}): a wall clock stepped back
 * would hold every run until it caught up, one stepped ahead would make every run look missed. Not thread-safe: one
 * owner drives it.
 *
 * @param <T> what a check carries (its configuration)
 */
public final class ProbeScheduler<T> {
    private final long lateLimitMs;
    private final LagWindow lag;
    private final PriorityQueue<Entry<T>> queue = new PriorityQueue<>((a, b) -> Long.compare(a.dueMs, b.dueMs));
    private Map<String, Entry<T>> entries = new HashMap<>();
    private final Map<Long, String> inFlight = new HashMap<>();
    private final Map<String, Integer> inFlightPerCheck = new HashMap<>();
    private long serial;
    private long started;
    private long skippedOverlap;
    private long missedRuns;

    /**
     * A scheduler that starts a run at most {@code lateLimitMs} after it was due (and at most half an interval),
     * measuring lag to the millisecond up to {@code lagRangeMs}.
     */
    public ProbeScheduler(long lateLimitMs, int lagRangeMs) {
        if (lateLimitMs < 0) {
            throw new IllegalArgumentException("lateLimitMs must not be negative, found " + lateLimitMs);
        }
        this.lateLimitMs = lateLimitMs;
        this.lag = new LagWindow(lagRangeMs);
    }

    /**
     * Replaces the set of checks: new checks get their first slot at or after {@code nowMs}, removed checks stop
     * (a run in flight still completes), kept checks keep their slot and take the new payload; a changed interval
     * takes a new slot.
     */
    public void replace(Collection<Scheduled<T>> checks, long nowMs) {
        Map<String, Entry<T>> next = new HashMap<>(checks.size() * 2);
        for (Scheduled<T> s : checks) {
            Entry<T> old = entries.get(s.id());
            Entry<T> e;
            if (old != null && old.intervalMs == s.intervalMs()) {
                old.payload = s.payload();
                old.maxInFlight = s.maxInFlight();
                e = old;
            } else {
                if (old != null) {
                    old.removed = true;
                }
                long phase = Phase.of(s.id(), s.intervalMs());
                e = new Entry<>(s.id(), s.intervalMs(), phase, s.maxInFlight(), s.payload());
                e.dueMs = Phase.nextSlot(phase, s.intervalMs(), nowMs);
                queue.add(e);
            }
            if (next.put(s.id(), e) != null) {
                throw new IllegalArgumentException("check id '" + s.id() + "' appears twice in the assignment");
            }
        }
        for (Entry<T> old : entries.values()) {
            if (next.get(old.id) != old) {
                old.removed = true;
            }
        }
        entries = next;
    }

    /**
     * Starts the checks due at {@code nowMs}, oldest first, at most {@code budget} of them, handing each run to
     * {@code starter}; returns how many started. Runs left over by a small budget stay due and start later.
     */
    public int poll(long nowMs, int budget, Consumer<Run<T>> starter) {
        int n = 0;
        while (n < budget && !queue.isEmpty() && queue.peek().dueMs <= nowMs) {
            Entry<T> e = queue.poll();
            if (e.removed) {
                continue;
            }
            long lateMs = nowMs - e.dueMs;
            long due = e.dueMs;
            e.dueMs = Phase.nextSlot(e.phaseMs, e.intervalMs, nowMs + 1);
            queue.add(e);
            if (inFlightPerCheck.getOrDefault(e.id, 0) >= e.maxInFlight) {
                skippedOverlap++;
                continue;
            }
            if (lateMs > Math.min(lateLimitMs, e.intervalMs / 2)) {
                missedRuns++;
                continue;
            }
            lag.record(lateMs);
            long id = ++serial;
            inFlight.put(id, e.id);
            inFlightPerCheck.merge(e.id, 1, Integer::sum);
            started++;
            n++;
            starter.accept(new Run<>(e.id, id, due, nowMs, e.payload));
        }
        return n;
    }

    /** Marks a run finished, freeing its place in its check's and the global in-flight count; a repeat is ignored. */
    public void completed(Run<T> run) {
        if (inFlight.remove(run.serial(), run.id())) {
            inFlightPerCheck.computeIfPresent(run.id(), (id, n) -> n == 1 ? null : n - 1);
        }
    }

    /** How many checks are scheduled. */
    public int size() {
        return entries.size();
    }

    /** How many runs are in flight. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Runs started since creation. */
    public long started() {
        return started;
    }

    /** Runs skipped because their check already had {@link Scheduled#maxInFlight()} runs in flight. */
    public long skippedOverlap() {
        return skippedOverlap;
    }

    /** Runs dropped because they could not start within the late limit (a stall or an overload). */
    public long missedRuns() {
        return missedRuns;
    }

    /** Lag figures of the current window. */
    public LagStats lag() {
        return lag.stats();
    }

    /** Lag figures of the current window, then starts a new one. */
    public LagStats lagSnapshotAndReset() {
        return lag.snapshotAndReset();
    }

    /** The due time of a scheduled check, for inspection; {@code -1} when it is not scheduled. */
    public long dueMs(String id) {
        Entry<T> e = entries.get(id);
        return e == null ? -1 : e.dueMs;
    }

    /**
     * A check to schedule.
     *
     * @param id         unique check id, the source of its phase
     * @param intervalMs time between runs, at least 1 ms
     * @param timeoutMs  longest a run lasts, at least 1 ms; sets how many runs may overlap
     * @param payload    what a run carries
     */
    public record Scheduled<T>(String id, long intervalMs, long timeoutMs, T payload) {
        public Scheduled {
            if (intervalMs < 1) {
                throw new IllegalArgumentException("interval of check '" + id + "' must be at least 1 ms, found " + intervalMs);
            }
            if (timeoutMs < 1) {
                throw new IllegalArgumentException("timeout of check '" + id + "' must be at least 1 ms, found " + timeoutMs);
            }
        }

        /** A check whose timeout equals its interval. */
        public Scheduled(String id, long intervalMs, T payload) {
            this(id, intervalMs, intervalMs, payload);
        }

        /**
         * Runs of this check that may be in flight at once: {@code ceil(timeout / interval) + 1}. Runs that all hang
         * until the timeout overlap at most {@code ceil(timeout / interval)} at a time; the one more absorbs a
         * deadline or a result that comes back a little late, so a hanging target is still probed at every slot.
         */
        public int maxInFlight() {
            return (int) Math.min(Integer.MAX_VALUE - 1, (timeoutMs + intervalMs - 1) / intervalMs) + 1;
        }
    }

    /**
     * One run handed out by {@link #poll}; give it back to {@link #completed} when it finishes.
     *
     * @param id      the check id
     * @param serial  unique run number
     * @param dueMs   when it was due, on the scheduler's (monotonic) clock
     * @param startMs when it was started, on the scheduler's (monotonic) clock
     * @param payload what the check carries
     */
    public record Run<T>(String id, long serial, long dueMs, long startMs, T payload) {
    }

    private static final class Entry<T> {
        final String id;
        final long intervalMs;
        final long phaseMs;
        int maxInFlight;
        T payload;
        long dueMs;
        boolean removed;

        Entry(String id, long intervalMs, long phaseMs, int maxInFlight, T payload) {
            this.id = id;
            this.intervalMs = intervalMs;
            this.phaseMs = phaseMs;
            this.maxInFlight = maxInFlight;
            this.payload = payload;
        }
    }
}
