package dev.bongsu.model;

import java.util.Map;

/**
 * One minute of one check from one vantage, summarised.
 *
 * @param checkId     the check
 * @param serviceId   its service
 * @param vantage     the vantage
 * @param minute      start of the minute, epoch milliseconds
 * @param count       probes in the minute
 * @param okCount     probes that passed
 * @param p50Ms       median latency of all probes, ms
 * @param p95Ms       95th percentile latency, ms
 * @param p99Ms       99th percentile latency, ms
 * @param maxMs       slowest probe, ms
 * @param errorCounts failures per error class wire name
 */
public record Rollup(
        String checkId,
        String serviceId,
        String vantage,
        long minute,
        int count,
        int okCount,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs,
        Map<String, Integer> errorCounts) {

    public Rollup {
        errorCounts = Map.copyOf(errorCounts);
    }

    /** Share of probes that passed, 0..1. */
    public double availability() {
        return count == 0 ? 0 : (double) okCount / count;
    }
}
