package dev.bongsu.statuspage.vantagemap;

import java.util.Map;
import java.util.Optional;

/**
 * What each vantage measured, as read off the request path for one build: per service over the last minutes, and per
 * incident over its window.
 *
 * @param services  per service id, the recent window
 * @param incidents per incident id, the incident's window
 */
public record VantageMeasurements(Map<String, MeasuredWindow> services, Map<String, MeasuredWindow> incidents) {
    /** Nothing measured (no public vantage, or nothing read yet). */
    public static final VantageMeasurements NONE = new VantageMeasurements(Map.of(), Map.of());

    public VantageMeasurements {
        services = Map.copyOf(services);
        incidents = Map.copyOf(incidents);
    }

    /** The recent window of a service, if read. */
    public Optional<MeasuredWindow> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    /** The window of an incident, if read. */
    public Optional<MeasuredWindow> incident(String id) {
        return Optional.ofNullable(incidents.get(id));
    }
}
