package dev.bongsu.model.config;

import dev.bongsu.model.CheckType;
import java.time.Duration;
import java.util.Map;

/**
 * One way to probe a service.
 *
 * @param id                full id, {@code service.check}
 * @param name              the check's name within its service
 * @param serviceId         the service it belongs to
 * @param type              protocol
 * @param interval          time between probes from one vantage
 * @param timeout           hard limit on one probe
 * @param critical          whether its failure makes the service down (else degraded)
 * @param target            what to probe and what to expect
 * @param thresholds        detector thresholds for this check (unset values take the detector's)
 * @param vantageThresholds per-vantage overrides of {@code thresholds}
 */
public record CheckConfig(
        String id,
        String name,
        String serviceId,
        CheckType type,
        Duration interval,
        Duration timeout,
        boolean critical,
        CheckTarget target,
        Thresholds thresholds,
        Map<String, Thresholds> vantageThresholds) {

    public CheckConfig {
        vantageThresholds = Map.copyOf(vantageThresholds);
    }

    /** The thresholds in force for one vantage. */
    public Thresholds thresholdsFor(String vantage) {
        Thresholds v = vantageThresholds.get(vantage);
        return v == null ? thresholds : v.orElse(thresholds);
    }
}
