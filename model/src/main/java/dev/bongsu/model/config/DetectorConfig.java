package dev.bongsu.model.config;

import java.time.Duration;
import java.util.List;

/**
 * Detection rules; see docs/DETECTION.md.
 *
 * @param quorum              vantages that must agree a check is failing; 0 means a majority (at least 2 where
 *                            2 or more vantages are active)
 * @param failuresToDown      consecutive failures before a vantage counts a check as failing
 * @param successesToUp       consecutive successes before it counts it as passing again
 * @param staleAfterIntervals a check with no result for this many intervals is unknown
 * @param correlationWindow   service incidents starting this close together may be correlated
 * @param correlationAttributes attributes that can name a common cause
 * @param latencyWindow       trailing window of the latency baseline
 * @param latencyMinSamples   samples needed before latency is judged
 * @param latencyFactor       a median above baseline × factor …
 * @param latencyMadK         … and above baseline + k × MAD is a latency anomaly
 * @param latencyMinIncreaseMs and at least this many ms above the baseline
 * @param flapWindow          window in which state changes are counted for flapping
 * @param flapChanges         state changes within the window that mark a check as flapping
 * @param probeFaultRatio     share of a vantage's checks failing, unconfirmed elsewhere, that marks a probe fault
 * @param probeFaultMinChecks fewest checks a vantage must fail for a probe fault
 * @param confirmFor          how long a service failing alone must keep failing before its incident opens; null:
 *                            derived per service from its slowest check, max(3 × interval, 2 × interval + timeout)
 * @param confirmTogether     this many services failing on their latest probes, sharing a cause, are down and
 *                            opened at once
 * @param stragglerWait       how long after its earliest onset a correlated incident whose cause is not complete
 *                            may wait for the rest; null: derived per service, interval + timeout
 */
public record DetectorConfig(
        int quorum,
        int failuresToDown,
        int successesToUp,
        double staleAfterIntervals,
        Duration correlationWindow,
        List<String> correlationAttributes,
        Duration latencyWindow,
        int latencyMinSamples,
        double latencyFactor,
        double latencyMadK,
        double latencyMinIncreaseMs,
        Duration flapWindow,
        int flapChanges,
        double probeFaultRatio,
        int probeFaultMinChecks,
        Duration confirmFor,
        int confirmTogether,
        Duration stragglerWait) {

    public DetectorConfig {
        correlationAttributes = List.copyOf(correlationAttributes);
    }

    /** The documented defaults. */
    public static DetectorConfig defaults() {
        return new DetectorConfig(0, 2, 2, 3.0, Duration.ofSeconds(60),
                List.of("provider", "datacenter", "region", "dependsOn"),
                Duration.ofMinutes(30), 20, 2.0, 5.0, 50.0, Duration.ofMinutes(10), 4, 0.5, 3,
                null, 3, null);
    }

    /** The thresholds every check starts from. */
    public Thresholds thresholds() {
        return new Thresholds(failuresToDown, successesToUp);
    }
}
