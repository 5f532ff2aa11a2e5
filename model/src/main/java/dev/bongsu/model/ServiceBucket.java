package dev.bongsu.model;

/**
 * One time bucket of one service's history, merged over its checks and vantages.
 *
 * @param start   start of the bucket, epoch milliseconds
 * @param count   probes in the bucket
 * @param okCount probes that passed
 * @param p50Ms   median latency (count-weighted mean of the minute medians), ms; {@code NaN} without probes
 * @param p95Ms   95th percentile latency (count-weighted mean of the minute p95s), ms; {@code NaN} without probes
 * @param maxMs   slowest probe, ms; {@code NaN} without probes
 */
public record ServiceBucket(long start, long count, long okCount, double p50Ms, double p95Ms, double maxMs) {
    /** Share of probes that passed, 0..1; {@code NaN} when there were none. */
    public double availability() {
        return count == 0 ? Double.NaN : (double) okCount / count;
    }
}
