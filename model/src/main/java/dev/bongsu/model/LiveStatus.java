package dev.bongsu.model;

import java.util.List;

/** The detector's current view, for readers in the same process (status page, metrics). Thread-safe. */
public interface LiveStatus {
    /** The current state of every configured service, in config order. */
    List<ServiceState> serviceStates();

    /** The open incidents, oldest first. */
    List<Incident> openIncidents();

    /** What each vantage sees of each service now (empty when the reader keeps no per-vantage state). */
    default List<VantageHealth> vantageHealth() {
        return List.of();
    }
}
