package dev.bongsu.detector.core;

import dev.bongsu.model.IncidentKind;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Makes new incident drafts with ids never used before in this run or a restored one. */
final class IncidentMaker {
    private final IncidentIds ids;
    private final Set<String> usedIds = new HashSet<>();

    IncidentMaker(IncidentIds ids) {
        this.ids = ids;
    }

    /** Remembers an id of a previous run. */
    void reserve(String id) {
        usedIds.add(id);
    }

    /** A new draft about {@code subject}; {@code startedAt} comes from probe times where possible. */
    IncidentDraft make(String subject, IncidentKind kind, Instant startedAt) {
        // The start comes from probe times, so detectors fed the same results name the incident alike.
        String id = ids.next(startedAt, subject);
        while (!usedIds.add(id)) {
            id = ids.next(startedAt, subject);
        }
        return new IncidentDraft(id, kind, startedAt);
    }
}
