package dev.bongsu.statuspage.vantagemap;

import java.time.Instant;
import java.util.Map;

/**
 * Probes per vantage over one window.
 *
 * @param from      start of the window
 * @param to        end of the window (exclusive)
 * @param byVantage tallies by vantage name; vantages without probes are absent
 * @param capped    whether the window was cut short of what it describes (a long incident's first hours only)
 */
public record MeasuredWindow(Instant from, Instant to, Map<String, VantageTally> byVantage, boolean capped) {
    public MeasuredWindow {
        byVantage = Map.copyOf(byVantage);
    }

    /** A window nobody measured. */
    public static MeasuredWindow empty(Instant from, Instant to) {
        return new MeasuredWindow(from, to, Map.of(), false);
    }
}
