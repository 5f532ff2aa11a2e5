package dev.bongsu.aggregator.rollup;

import java.util.Optional;
import java.util.Set;

/** Read-only access to the sliding windows of recent results, for metrics and health views. */
public interface WindowReader {
    /** The window of one check from one vantage at {@code nowMs}; empty when it has never been seen. */
    Optional<WindowStats> window(String checkId, String vantage, long nowMs);

    /** Every (check, vantage) that currently has a window. */
    Set<SeriesId> series();

    /**
     * A check seen from one vantage.
     *
     * @param checkId the check
     * @param vantage the vantage
     */
    record SeriesId(String checkId, String vantage) {
    }
}
