package dev.bongsu.detector.core;

import dev.bongsu.model.config.CheckConfig;

/**
 * One round of a probed check: its interval, its timeout and a margin for batching and scheduling jitter. A vantage
 * that sends nothing for a round of its tightest check is silent, and a local-resource fault holds for one round of
 * the check it hit.
 */
final class Rounds {
    /** The margin is this share of an interval … */
    static final double MARGIN_INTERVALS = 0.25;
    /** … and never less than this (ms). */
    static final long MIN_MARGIN_MS = 500;

    private Rounds() {
    }

    /** The margin added to an interval of {@code intervalMs} for batching and scheduling jitter. */
    static long margin(long intervalMs) {
        return Math.max((long) (MARGIN_INTERVALS * intervalMs), MIN_MARGIN_MS);
    }

    /** One round of {@code c}: interval + timeout + margin (ms). */
    static long of(CheckConfig c) {
        long interval = c.interval().toMillis();
        return interval + c.timeout().toMillis() + margin(interval);
    }
}
