package dev.bongsu.statuspage.data;

import dev.bongsu.model.Health;
import dev.bongsu.model.Incident;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.declared.DeclaredStates;
import dev.bongsu.statuspage.maintenance.MaintenanceView;
import dev.bongsu.statuspage.maintenance.PublicMaintenance;
import dev.bongsu.statuspage.publicview.OperatorNotes;
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
 * @param maintenance the public scheduled maintenance ({@link MaintenanceView}): in progress, scheduled, recent past
 */
public record SiteData(
        PublicView view,
        Instant now,
        Map<String, ServiceState> states,
        List<PublicIncident> incidents,
        HistorySnapshot history,
        List<PublicMaintenance> maintenance) {

    public SiteData {
        states = Map.copyOf(states);
        incidents = List.copyOf(incidents);
        maintenance = List.copyOf(maintenance);
    }

    /** Data without scheduled maintenance. */
    public SiteData(PublicView view, Instant now, Map<String, ServiceState> states, List<PublicIncident> incidents, HistorySnapshot history) {
        this(view, now, states, incidents, history, List.of());
    }

    /** This data with the public scheduled maintenance. */
    public SiteData withMaintenance(List<PublicMaintenance> list) {
        return new SiteData(view, now, states, incidents, history, list);
    }

    /** The maintenance in progress that covers a service: its state shows as "maintenance" (what probes saw is kept). */
    public Optional<PublicMaintenance> maintenanceOf(String serviceId) {
        return MaintenanceView.covering(maintenance, serviceId);
    }

    /** Whether every service of an incident is covered by a maintenance in progress. */
    public boolean duringMaintenance(PublicIncident i) {
        return !i.services().isEmpty() && i.services().stream().allMatch(id -> maintenanceOf(id).isPresent());
    }

    /** The data of a build: incidents and their team updates go through the public view here. */
    public static SiteData of(BongsuConfig config, Instant now, Map<String, ServiceState> states, List<Incident> incidents,
                              Map<String, List<IncidentUpdate>> updates, HistorySnapshot history) {
        return of(config, OperatorNotes.NONE, now, states, incidents, updates, history);
    }

    /**
     * The data of a build with the operator's declared incidents and postmortems: a service named by an open declared
     * incident shows the worse of its detected state and the declared impact ({@link DeclaredStates}).
     */
    public static SiteData of(BongsuConfig config, OperatorNotes notes, Instant now, Map<String, ServiceState> states,
                              List<Incident> incidents, Map<String, List<IncidentUpdate>> updates, HistorySnapshot history) {
        return of(new PublicView(config, notes), now, states, incidents, updates, history);
    }

    /** The data of a build seen through {@code view} (its configuration, declared incidents and acknowledgements). */
    public static SiteData of(PublicView view, Instant now, Map<String, ServiceState> states, List<Incident> incidents,
                              Map<String, List<IncidentUpdate>> updates, HistorySnapshot history) {
        List<PublicIncident> shown = view.incidents(incidents, id -> updates.getOrDefault(id, List.of()));
        return new SiteData(view, now, DeclaredStates.overlay(states, shown), shown, history);
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

    /** The overall state of the page; services in a maintenance in progress count as maintenance, not as down. */
    public Overall overall() {
        boolean any = false;
        List<Health> healths = new java.util.ArrayList<>();
        for (ServiceConfig s : config().services()) {
            boolean covered = maintenanceOf(s.id()).isPresent();
            any |= covered;
            healths.add(covered ? Health.UP : state(s.id()).health());
        }
        Overall o = Overall.of(healths);
        return any && o == Overall.OPERATIONAL ? Overall.MAINTENANCE : o;
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
