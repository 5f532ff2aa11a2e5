package dev.bongsu.model.config;

/**
 * Routing of incident notifications to receivers. (Filled in by the alerting work: receivers, routes,
 * inhibition, maintenance windows, outbox settings.)
 */
public record AlertingConfig() {
    /** No receivers: notifications are only logged. */
    public static AlertingConfig defaults() {
        return new AlertingConfig();
    }
}
