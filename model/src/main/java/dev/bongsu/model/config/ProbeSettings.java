package dev.bongsu.model.config;

import java.time.Duration;

/**
 * Probe engine settings.
 *
 * @param batchSize     results per event-bus message at most
 * @param batchInterval longest a result waits before its batch leaves
 * @param maxInFlight   probes running at once at most, per probe node
 */
public record ProbeSettings(int batchSize, Duration batchInterval, int maxInFlight) {
}
