package dev.bongsu.aggregator.metrics;

import dev.bongsu.model.Health;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The detector's state of every service: {@code bongsu_service_state{service,state}} (1 for the current state, 0 for
 * the other three) and {@code bongsu_service_health{service}} (0 up, 1 degraded, 2 down, 3 unknown). Once a
 * configuration is known, only its services get series and a removed service loses them. Thread-safe.
 */
final class ServiceSeries {
    private final Gauge state;
    private final Gauge health;
    private final Set<String> shown = new HashSet<>();
    private Set<String> configured;

    /** Registers both gauges in {@code registry}. */
    ServiceSeries(PrometheusRegistry registry) {
        state = Gauge.builder().name("bongsu_service_state")
                .help("1 for the state each service is in now (up, degraded, down, unknown), 0 for the others")
                .labelNames("service", "state").register(registry);
        health = Gauge.builder().name("bongsu_service_health")
                .help("The state each service is in now as a number: 0 up, 1 degraded, 2 down, 3 unknown")
                .labelNames("service").register(registry);
    }

    /** The numeric code of a state in {@code bongsu_service_health}. */
    static int code(Health h) {
        return switch (h) {
            case UP -> 0;
            case DEGRADED -> 1;
            case DOWN -> 2;
            case UNKNOWN -> 3;
        };
    }

    /** Records a service's current state; ignored for a service the configuration does not name. */
    synchronized void set(ServiceState s) {
        if (configured != null && !configured.contains(s.serviceId())) {
            return;
        }
        shown.add(s.serviceId());
        for (Health h : Health.values()) {
            state.labelValues(s.serviceId(), h.wireName()).set(h == s.health() ? 1 : 0);
        }
        health.labelValues(s.serviceId()).set(code(s.health()));
    }

    /** Keeps the series of the services {@code config} names only ({@code null}: accept every service). */
    synchronized void configure(BongsuConfig config) {
        configured = config == null ? null : config.services().stream().map(ServiceConfig::id).collect(Collectors.toUnmodifiableSet());
        if (configured == null) {
            return;
        }
        shown.removeIf(service -> {
            if (configured.contains(service)) {
                return false;
            }
            for (Health h : Health.values()) {
                state.remove(service, h.wireName());
            }
            health.remove(service);
            return true;
        });
    }
}
