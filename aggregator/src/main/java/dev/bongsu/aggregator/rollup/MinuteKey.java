package dev.bongsu.aggregator.rollup;

import dev.bongsu.model.ProbeResult;

/**
 * One rollup cell: a check seen from a vantage during one minute.
 *
 * @param checkId the check
 * @param vantage the vantage
 * @param minute  start of the minute, epoch milliseconds (a multiple of 60,000)
 */
public record MinuteKey(String checkId, String vantage, long minute) {
    /** Length of a rollup minute in milliseconds. */
    public static final long MINUTE_MS = 60_000;

    /** The cell a result falls into, by its probe start time. */
    public static MinuteKey of(ProbeResult r) {
        return new MinuteKey(r.checkId(), r.vantage(), minuteOf(r.startedAt()));
    }

    /** Start of the minute that contains {@code epochMs}. */
    public static long minuteOf(long epochMs) {
        return Math.floorDiv(epochMs, MINUTE_MS) * MINUTE_MS;
    }

    /** End of the minute, exclusive, epoch milliseconds. */
    public long end() {
        return minute + MINUTE_MS;
    }
}
