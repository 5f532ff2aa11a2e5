package dev.bongsu.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The current health of one service.
 *
 * @param serviceId the service
 * @param health    its state
 * @param since     when it entered that state
 * @param reason    a short explanation, in both languages, or {@code null}
 */
public record ServiceState(String serviceId, Health health, Instant since, LocalizedText reason) {
    public ServiceState {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(since, "since");
    }
}
