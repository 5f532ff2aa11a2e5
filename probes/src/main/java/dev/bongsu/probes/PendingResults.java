package dev.bongsu.probes;

import dev.bongsu.model.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of a probe node's next batch, each with the monotonic time its run started. A result carries the wall
 * clock's time at its start, and the batch leaves in the wall clock's frame of the moment it is taken (a
 * {@link WallFrame}); when the wall clock jumped in between (moved more than {@link #WALL_JUMP_MS} against the
 * monotonic clock), the result is moved by the jump as it leaves, so every time in a batch reads the wall clock of that
 * frame. The batch's send time, computed in the same frame however long it waits, then lets a server correct all of
 * them alike, and a run that started just before the clock was set right is not stored an hour off. Pure, time passed
 * in; not thread-safe: one owner drives it.
 */
final class PendingResults {
    /** A wall clock that moved this far against the monotonic clock since a run started has jumped. */
    static final long WALL_JUMP_MS = 1_000;

    private final List<Finished> results = new ArrayList<>();
    private long openedAtMs;

    /** Adds a result at monotonic time {@code nowMs}; the first one opens the batch. */
    void add(Finished f, long nowMs) {
        if (results.isEmpty()) {
            openedAtMs = nowMs;
        }
        results.add(f);
    }

    /** How many results wait. */
    int size() {
        return results.size();
    }

    /** Whether none waits. */
    boolean isEmpty() {
        return results.isEmpty();
    }

    /** How long (monotonic ms) the oldest result has waited at {@code nowMs}; 0 when none waits. */
    long waitedMs(long nowMs) {
        return results.isEmpty() ? 0 : nowMs - openedAtMs;
    }

    /** Takes the waiting results, each stamped in the frame of the wall clock reading {@code wallMs} at {@code monotonicMs}. */
    List<ProbeResult> take(long wallMs, long monotonicMs) {
        long frame = wallMs - monotonicMs;
        List<ProbeResult> out = new ArrayList<>(results.size());
        for (Finished f : results) {
            long jumped = frame - (f.result().startedAt() - f.startedMonotonicMs());
            out.add(Math.abs(jumped) > WALL_JUMP_MS ? moved(f.result(), jumped) : f.result());
        }
        results.clear();
        return out;
    }

    private static ProbeResult moved(ProbeResult r, long ms) {
        return new ProbeResult(r.checkId(), r.serviceId(), r.vantage(), r.startedAt() + ms, r.ok(), r.error(), r.statusCode(),
                r.timings(), r.certDaysLeft(), r.detail());
    }

    /**
     * A finished run's result.
     *
     * @param result             stamped with the wall clock at the run's start
     * @param startedMonotonicMs the run's start on the monotonic clock
     */
    record Finished(ProbeResult result, long startedMonotonicMs) {
    }
}
