package dev.bongsu.probes.schedule;

/**
 * Decides, with time passed in, whether a probe node is overloaded: too starved of CPU (or of probe slots) to start
 * its probes on time, so that its failures are not to be trusted.
 *
 * <p>The rule: a window (the time between two {@link #evaluate} calls, about a second) is <em>bad</em> when more than
 * 1 % of the runs due in it started later than the lag threshold or not at all (missed) — that is, when the 99th
 * percentile of start lag, a missed run counting as infinitely late, is above the threshold. The threshold is a
 * quarter of the smallest check interval, at least {@value #MIN_THRESHOLD_MS} ms and at most
 * {@value #MAX_THRESHOLD_MS} ms (a healthy node starts runs within one 10 ms tick). A bad window with missed runs
 * makes the node overloaded at once; late starts alone must last {@value #LATE_WINDOWS_TO_OVERLOAD} bad windows in a
 * row, so that a moment of JIT warm-up or a garbage collection is not taken for a starved node. It recovers after
 * {@code recoverAfterMs} without a bad window. A window in which no run was due is not bad.
 */
public final class OverloadMonitor {
    /** The lag threshold never goes below this. */
    public static final long MIN_THRESHOLD_MS = 50;
    /** The lag threshold never goes above this. */
    public static final long MAX_THRESHOLD_MS = 250;
    /** Bad windows in a row, without missed runs, before late starts alone make the node overloaded. */
    public static final int LATE_WINDOWS_TO_OVERLOAD = 3;

    private final long recoverAfterMs;
    private long thresholdMs = MAX_THRESHOLD_MS;
    private long started;
    private long late;
    private boolean overloaded;
    private long lastBadMs;
    private int badInARow;
    private Window last = new Window(0, 0, 0, MAX_THRESHOLD_MS);

    /** A monitor that clears the overload after {@code recoverAfterMs} without a bad window. */
    public OverloadMonitor(long recoverAfterMs) {
        if (recoverAfterMs < 0) {
            throw new IllegalArgumentException("recoverAfterMs must not be negative, found " + recoverAfterMs);
        }
        this.recoverAfterMs = recoverAfterMs;
    }

    /** The lag threshold for a node whose smallest check interval is {@code smallestIntervalMs}. */
    public static long thresholdMs(long smallestIntervalMs) {
        return Math.min(MAX_THRESHOLD_MS, Math.max(MIN_THRESHOLD_MS, smallestIntervalMs / 4));
    }

    /** Sets the smallest check interval of the node, which sets the lag threshold from now on. */
    public void smallestInterval(long smallestIntervalMs) {
        thresholdMs = thresholdMs(smallestIntervalMs);
    }

    /** Counts one run that started {@code lagMs} after it was due. */
    public void started(long lagMs) {
        started++;
        if (lagMs > thresholdMs) {
            late++;
        }
    }

    /**
     * Closes the window at {@code nowMs} (a monotonic clock, like the lags: a wall clock's jump is no stall), with {@code missedRuns} runs dropped in it for starting too late, and
     * returns whether the node's state changed (became overloaded or recovered).
     */
    public boolean evaluate(long nowMs, long missedRuns) {
        last = new Window(started + missedRuns, late + missedRuns, missedRuns, thresholdMs);
        started = 0;
        late = 0;
        boolean was = overloaded;
        if (last.bad()) {
            badInARow++;
            lastBadMs = nowMs;
            if (last.missed() > 0 || badInARow >= LATE_WINDOWS_TO_OVERLOAD) {
                overloaded = true;
            }
        } else {
            badInARow = 0;
            if (overloaded && nowMs - lastBadMs >= recoverAfterMs) {
                overloaded = false;
            }
        }
        return overloaded != was;
    }

    /** Whether the node is overloaded. */
    public boolean overloaded() {
        return overloaded;
    }

    /** The figures of the last window closed. */
    public Window lastWindow() {
        return last;
    }

    /**
     * The figures of one window.
     *
     * @param due         runs due (started or missed)
     * @param late        of those, started later than the threshold or missed
     * @param missed      of those, missed
     * @param thresholdMs the lag threshold in force
     */
    public record Window(long due, long late, long missed, long thresholdMs) {
        /** Whether more than 1 % of the due runs were late (the lag p99 is above the threshold). */
        public boolean bad() {
            return late * 100 > due;
        }
    }
}
