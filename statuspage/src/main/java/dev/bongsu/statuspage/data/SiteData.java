package dev.bongsu.statuspage.data;

import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the public site shows, read once per build: nothing is looked up while rendering.
 *
 * @param config    the configuration (only public parts are rendered)
 * @param now       when the data was read
 * @param states    current state per service id
 * @param incidents public incidents (no probe faults), open ones and the recent past, newest start first
 * @param updates   human updates per incident id, oldest first
 * @param history   the timer-refreshed uptime and latency history
 */
public record SiteData(
        BongsuConfig config,
        Instant now,
        Map<String, ServiceState> states,
        List<Incident> incidents,
        Map<String, List<IncidentUpdate>> updates,
        HistorySnapshot history) {

    public SiteData {
        states = Map.copyOf(states);
        incidents = List.copyOf(incidents);
        updates = Map.copyOf(updates);
    }

    /** The state of a service; unknown since the epoch when the detector has not said. */
    public ServiceState state(String serviceId) {
        ServiceState s = states.get(serviceId);
        return s != null ? s : new ServiceState(serviceId, Health.UNKNOWN, Instant.EPOCH, null);
    }

    /** The overall state of the page. */
    public Overall overall() {
        return Overall.of(config.services().stream().map(s -> state(s.id()).health()).toList());
    }

    /** The open incidents that are not part of a bigger correlated one, oldest first. */
    public List<Incident> openTopLevel() {
        return incidents.stream().filter(Incident::isOpen).filter(i -> !hasOpenParent(i))
                .sorted((a, b) -> a.startedAt().compareTo(b.startedAt())).toList();
    }

    /** The incidents a service took part in, newest first, without those that belong to a listed correlated one. */
    public List<Incident> incidentsOf(String serviceId) {
        return topLevel(incidents.stream().filter(i -> i.services().contains(serviceId)).toList(), incidents);
    }

    /** The incidents without those whose correlated parent is in {@code all}: one entry per outage. */
    public static List<Incident> topLevel(List<Incident> list, List<Incident> all) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        all.forEach(i -> ids.add(i.id()));
        return list.stream().filter(i -> i.parentId() == null || !ids.contains(i.parentId())).toList();
    }

    /** The ids of the incidents in {@code all} that belong to {@code parent}. */
    public static List<String> members(Incident parent, List<Incident> all) {
        return all.stream().filter(i -> parent.id().equals(i.parentId())).map(Incident::id).toList();
    }

    /** An incident by id among those read. */
    public Optional<Incident> incident(String id) {
        return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** A configured service by id. */
    public Optional<ServiceConfig> service(String id) {
        return config.service(id);
    }

    /** Human updates of one incident. */
    public List<IncidentUpdate> updatesOf(String incidentId) {
        return updates.getOrDefault(incidentId, List.of());
    }

    private boolean hasOpenParent(Incident i) {
        return i.parentId() != null && incidents.stream().anyMatch(p -> p.id().equals(i.parentId()) && p.isOpen());
    }
}
