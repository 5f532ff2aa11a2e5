package dev.bongsu.model.config;

/**
 * Detector thresholds for a check; a {@code null} means "the detector's default".
 *
 * @param failuresToDown  consecutive failures before a vantage counts the check as failing
 * @param successesToUp   consecutive successes before it counts it as passing again
 */
public record Thresholds(Integer failuresToDown, Integer successesToUp) {
    /** No overrides. */
    public static final Thresholds DEFAULTS = new Thresholds(null, null);

    /** These thresholds, with unset values taken from {@code fallback}. */
    public Thresholds orElse(Thresholds fallback) {
        return new Thresholds(failuresToDown != null ? failuresToDown : fallback.failuresToDown,
                successesToUp != null ? successesToUp : fallback.successesToUp);
    }
}
