package dev.bongsu.model;

/** Every event-bus address Bongsu uses, in one place. */
public final class Addresses {
    /** {@link ResultBatch}es from probe nodes to the aggregator (publish). */
    public static final String RESULTS = "bongsu.results";
    /** {@link ServiceStateChange}s from the detector (publish). */
    public static final String SERVICE_STATES = "bongsu.service-states";
    /** {@link IncidentTransition}s from the detector (publish). */
    public static final String INCIDENTS = "bongsu.incidents";
    /** Scheduler statistics from probe nodes (publish, JSON). */
    public static final String PROBE_STATS = "bongsu.probe-stats";
    /** Notification delivery events from the outbox (publish, JSON: receiver, outcome, incidentId). */
    public static final String NOTIFICATION_EVENTS = "bongsu.notification-events";
    /** Time-series store health from the aggregator (publish, JSON). */
    public static final String STORE_STATS = "bongsu.store-stats";
    /** Heartbeat pushes taken by a server's push endpoint, to every server's heartbeat tracker (publish, JSON). */
    public static final String HEARTBEAT_PUSHES = "bongsu.heartbeat-pushes";

    private Addresses() {
    }
}
