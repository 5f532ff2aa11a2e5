package dev.bongsu.probes;

/**
 * The host's clocks, one instance per process ({@link ProbeClock#system()}): its monotonic clock is
 * {@link System#nanoTime()} in milliseconds, set once, when this class loads, to read the wall clock's epoch
 * milliseconds. Every part of a process that asks for the system clock reads the same monotonic time, so a
 * {@link WallFrame} taken by a probe verticle means the same to the relay that sends its batch on.
 */
final class SystemProbeClock implements ProbeClock {
    static final SystemProbeClock INSTANCE = new SystemProbeClock();

    private final long wallAtStart = System.currentTimeMillis();
    private final long nanosAtStart = System.nanoTime();

    private SystemProbeClock() {
    }

    @Override
    public long wallMs() {
        return System.currentTimeMillis();
    }

    @Override
    public long monotonicMs() {
        return wallAtStart + (System.nanoTime() - nanosAtStart) / 1_000_000;
    }
}
