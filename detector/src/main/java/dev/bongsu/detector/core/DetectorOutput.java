package dev.bongsu.detector.core;

import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.ServiceStateChange;

import java.util.List;

/**
 * What one step of the detector decided: service state changes and incident transitions, in order.
 *
 * @param stateChanges services that moved to another health
 * @param transitions  incidents opened, updated or resolved
 */
public record DetectorOutput(List<ServiceStateChange> stateChanges, List<IncidentTransition> transitions) {
    /** Nothing changed. */
    public static final DetectorOutput EMPTY = new DetectorOutput(List.of(), List.of());

    public DetectorOutput {
        stateChanges = List.copyOf(stateChanges);
        transitions = List.copyOf(transitions);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return stateChanges.isEmpty() && transitions.isEmpty();
    }
}
