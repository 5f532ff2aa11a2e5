package dev.bongsu.detector.evaluate;

import java.time.Duration;
import java.util.List;

/**
 * One fault of a scenario: these services fail from these vantages, this way, from {@code at} for {@code length}.
 *
 * @param services  the failing services
 * @param vantages  the vantages that see the failure
 * @param kind      how probes fail
 * @param at        when it starts, from the start of the scenario
 * @param length    how long it lasts ({@code null}: until the end)
 * @param latencyMs for {@link FaultKind#SLOW}: the latency probes see
 * @param flapDown  when flapping: how long each failing spell lasts ({@code null}: no flapping)
 * @param flapUp    when flapping: how long each healthy spell lasts
 */
public record ScenarioFault(List<String> services, List<String> vantages, FaultKind kind, Duration at, Duration length,
                            double latencyMs, Duration flapDown, Duration flapUp) {
    public ScenarioFault {
        services = List.copyOf(services);
        vantages = List.copyOf(vantages);
    }

    /** Whether the fault affects a probe of {@code service} from {@code vantage} started at {@code offset}. */
    public boolean affects(String service, String vantage, Duration offset) {
        if (!services.contains(service) || !vantages.contains(vantage) || offset.compareTo(at) < 0) {
            return false;
        }
        Duration into = offset.minus(at);
        if (length != null && into.compareTo(length) >= 0) {
            return false;
        }
        if (flapDown == null) {
            return true;
        }
        long cycle = flapDown.toMillis() + flapUp.toMillis();
        return into.toMillis() % cycle < flapDown.toMillis();
    }

    /** When the fault ends for good, or {@code null} when it lasts to the end. */
    public Duration end() {
        return length == null ? null : at.plus(length);
    }
}
