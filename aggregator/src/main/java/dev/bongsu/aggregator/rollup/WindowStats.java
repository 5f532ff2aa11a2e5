package dev.bongsu.aggregator.rollup;

/**
 * The recent results of one check from one vantage, summarised.
 *
 * @param count           results in the window
 * @param okCount         of those, the ones that passed
 * @param medianLatencyMs nearest-rank median latency of the window's results, ms; {@code NaN} when empty
 * @param newestAt        probe start time of the newest result in the window, epoch ms; 0 when empty
 */
public record WindowStats(int count, int okCount, double medianLatencyMs, long newestAt) {
    /** Share of results that passed, 0..1; {@code NaN} when the window is empty. */
    public double okRatio() {
        return count == 0 ? Double.NaN : (double) okCount / count;
    }
}
