package dev.bongsu.detector.core;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentTransition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The incidents changed during one step of the detector; emitted probe faults first, then groups, then services. */
final class Step {
    private final List<IncidentDraft> touched = new ArrayList<>();

    /** Marks an incident as changed in this step (once). */
    void touch(IncidentDraft d) {
        if (!touched.contains(d)) {
            touched.add(d);
        }
    }

    /** One transition per changed incident, in emission order. */
    List<IncidentTransition> emit(Instant now) {
        List<IncidentTransition> out = new ArrayList<>();
        for (IncidentKind kind : List.of(IncidentKind.PROBE_FAULT, IncidentKind.CORRELATED, IncidentKind.SERVICE)) {
            for (IncidentDraft d : touched) {
                if (d.kind == kind && d.changed()) {
                    out.add(new IncidentTransition(d.pendingType(), d.emit(now)));
                }
            }
        }
        return out;
    }
}
