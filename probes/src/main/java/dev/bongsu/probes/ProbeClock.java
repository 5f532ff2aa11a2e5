package dev.bongsu.probes;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The two clocks of a probe node. The monotonic clock decides when probes are due, how late they start and how old
 * a server's heartbeat is: it never jumps, so a wall clock stepped by an hour (an NTP correction, an operator, a
 * virtual machine resumed) neither stops probing nor makes every run look overdue. The wall clock only stamps what
 * leaves the node: a result's start time, a batch's send time.
 */
public interface ProbeClock {
    /** Epoch milliseconds, as the host's wall clock says (it may jump). */
    long wallMs();

    /** Milliseconds on a clock that only moves forward, at the pace of real time; its origin means nothing. */
    long monotonicMs();

    /**
     * The host's clocks: {@link System#currentTimeMillis()}, and {@link System#nanoTime()} in milliseconds, set to
     * read the wall clock's epoch milliseconds once per process (so the check slots of nodes whose clocks agreed when
     * they started line up) and moving on with {@code nanoTime} from there, whatever the wall clock does. Every call
     * returns the same clock, so all parts of a process agree on monotonic times (see {@link WallFrame}).
     */
    static ProbeClock system() {
        return SystemProbeClock.INSTANCE;
    }

    /** A clock pair from two suppliers: {@code wallMs} epoch milliseconds, {@code monotonicMs} never going back. */
    static ProbeClock of(LongSupplier wallMs, LongSupplier monotonicMs) {
        Objects.requireNonNull(wallMs, "wallMs");
        Objects.requireNonNull(monotonicMs, "monotonicMs");
        return new ProbeClock() {
            @Override
            public long wallMs() {
                return wallMs.getAsLong();
            }

            @Override
            public long monotonicMs() {
                return monotonicMs.getAsLong();
            }
        };
    }
}
