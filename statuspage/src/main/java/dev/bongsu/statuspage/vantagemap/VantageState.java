package dev.bongsu.statuspage.vantagemap;

import java.util.Locale;

/** What a vantage saw of a service over a window, from the share of its probes that failed. */
public enum VantageState {
    /** At least half of its probes failed. */
    FAILS,
    /** Some failed: at least {@link #PARTLY_SHARE} of them, less than half. */
    PARTLY,
    /** Nearly all passed: fewer than {@link #PARTLY_SHARE} failed (an odd timeout is not an outage). */
    WORKS,
    /** No probe from it in the window. */
    NO_DATA;

    /** The share of failed probes from which a vantage is counted as seeing failures. */
    public static final double PARTLY_SHARE = 0.10;
    /** The share of failed probes from which a vantage is counted as failing. */
    public static final double FAILS_SHARE = 0.50;

    /** The state of {@code failed} out of {@code total} probes. */
    public static VantageState of(long failed, long total) {
        if (total <= 0) {
            return NO_DATA;
        }
        double share = (double) failed / total;
        return share >= FAILS_SHARE ? FAILS : share >= PARTLY_SHARE ? PARTLY : WORKS;
    }

    /** Whether the vantage saw failures (fails or partly). */
    public boolean seesFailures() {
        return this == FAILS || this == PARTLY;
    }

    /** The name in JSON and in CSS classes: {@code fails}, {@code partly}, {@code works}, {@code no_data}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
