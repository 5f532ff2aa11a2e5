package dev.bongsu.model;

import java.util.Objects;

/** An incident changed; published on {@link Addresses#INCIDENTS}. */
public record IncidentTransition(TransitionType type, Incident incident) {
    public IncidentTransition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(incident, "incident");
    }
}
