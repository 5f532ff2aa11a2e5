package dev.bongsu.statuspage.data;

import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the public site shows, read once per build: nothing is looked up while rendering, and incidents are
 * held only as their {@link PublicView public view}.
 *
 * @param view      the public filter of the configuration
 * @param now       when the data was read
 * @param states    current state per service id
 * @param incidents public incidents (no probe faults), open ones and the recent past, newest start first
 * @param history   the timer-refreshed uptime and latency history
 */
public record SiteData(
        PublicView view,
        Instant now,
        Map<String, ServiceState> states,
        List<PublicIncident> incidents,
        HistorySnapshot history) {

    public SiteData {
        states = Map.copyOf(states);
        incidents = List.copyOf(incidents);
    }

    /** The data of a build: incidents and their team updates go through the public view here. */
    public static SiteData of(BongsuConfig config, Instant now, Map<String, ServiceState> states, List<Incident> incidents,
                              Map<String, List<IncidentUpdate>> updates, HistorySnapshot history) {
        PublicView view = new PublicView(config);
        return new SiteData(view, now, states, view.incidents(incidents, id -> updates.getOrDefault(id, List.of())), history);
    }

    /** The configuration (render only what {@link #view()} allows of it). */
    public BongsuConfig config() {
        return view.config();
    }

    /** The state of a service; unknown since the epoch when the detector has not said. */
    public ServiceState state(String serviceId) {
        ServiceState s = states.get(serviceId);
        return s != null ? s : new ServiceState(serviceId, Health.UNKNOWN, Instant.EPOCH, null);
    }

    /** The overall state of the page. */
    public Overall overall() {
        return Overall.of(config().services().stream().map(s -> state(s.id()).health()).toList());
    }

    /** The open incidents that are not part of a bigger correlated one, oldest first. */
    public List<PublicIncident> openTopLevel() {
        return incidents.stream().filter(PublicIncident::isOpen).filter(i -> !hasOpenParent(i))
                .sorted((a, b) -> a.startedAt().compareTo(b.startedAt())).toList();
    }

    /** The incidents a service took part in, newest first, without those that belong to a listed correlated one. */
    public List<PublicIncident> incidentsOf(String serviceId) {
        return topLevel(incidents.stream().filter(i -> i.services().contains(serviceId)).toList(), incidents);
    }

    /** The incidents without those whose correlated parent is in {@code all}: one entry per outage. */
    public static List<PublicIncident> topLevel(List<PublicIncident> list, List<PublicIncident> all) {
        Set<String> ids = new HashSet<>();
        all.forEach(i -> ids.add(i.id()));
        return list.stream().filter(i -> i.parentId() == null || !ids.contains(i.parentId())).toList();
    }

    /** The ids of the incidents in {@code all} that belong to {@code parent}. */
    public static List<String> members(PublicIncident parent, List<PublicIncident> all) {
        return all.stream().filter(i -> parent.id().equals(i.parentId())).map(PublicIncident::id).toList();
    }

    /** An incident by id among those read. */
    public Optional<PublicIncident> incident(String id) {
        return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** A configured service by id. */
    public Optional<ServiceConfig> service(String id) {
        return config().service(id);
    }

    private boolean hasOpenParent(PublicIncident i) {
        return i.parentId() != null && incidents.stream().anyMatch(p -> p.id().equals(i.parentId()) && p.isOpen());
    }
}
