package dev.bongsu.detector.core;

/** How many active vantages must agree before a check counts as failing. */
final class Quorum {
    private Quorum() {
    }

    /**
     * The votes needed among {@code active} vantages: the configured number (capped at {@code active}), or for
     * {@code configured == 0} a majority and at least 2 where 2 or more are active; 1 with a single vantage.
     */
    static int required(int configured, int active) {
        if (active <= 0) {
            return Integer.MAX_VALUE;
        }
        if (configured > 0) {
            return Math.min(configured, active);
        }
        return active == 1 ? 1 : Math.max(2, active / 2 + 1);
    }
}
