package dev.bongsu.probes.schedule;

/**
 * Scheduler lag over one window: how late probes started compared with their due time.
 *
 * @param samples how many probes started in the window
 * @param p50Ms   median lag
 * @param p99Ms   99th percentile lag
 * @param maxMs   largest lag
 */
public record LagStats(long samples, long p50Ms, long p99Ms, long maxMs) {
    /** No probe started in the window. */
    public static final LagStats EMPTY = new LagStats(0, 0, 0, 0);
}
