package dev.bongsu.probes;

/**
 * The wall-clock frame a batch of results was stamped in: what the wall clock read at one moment, and what the
 * monotonic clock of the same process read then. A wall clock that jumps starts a new frame; within one frame, the
 * wall time at any later moment is the frame's wall time plus the monotonic time elapsed since. A batch's send time
 * computed that way is in the same frame as its results however long it waited and whatever the wall clock did
 * meanwhile, so a server comparing it with its own clock corrects the results by exactly the frame's error. Pure.
 *
 * @param wallMs      the wall clock's epoch milliseconds at the frame's moment
 * @param monotonicMs the monotonic clock's milliseconds at the same moment (see {@link ProbeClock#monotonicMs()})
 */
public record WallFrame(long wallMs, long monotonicMs) {
    /** Two frames whose wall clocks stand further apart than this against the monotonic clock are different frames. */
    public static final long SAME_FRAME_MS = 1_000;

    /** The frame of {@code clock} now. */
    public static WallFrame now(ProbeClock clock) {
        long monotonic = clock.monotonicMs();
        return new WallFrame(clock.wallMs(), monotonic);
    }

    /** The frame's wall time at {@code monotonicNowMs}: what the wall clock reads then unless it jumped since. */
    public long wallAt(long monotonicNowMs) {
        return wallMs + (monotonicNowMs - monotonicMs);
    }

    /** Whether {@code other} is the same frame: its wall clock within {@link #SAME_FRAME_MS} of this one's. */
    public boolean sameAs(WallFrame other) {
        return Math.abs(other.wallAt(monotonicMs) - wallMs) <= SAME_FRAME_MS;
    }
}
