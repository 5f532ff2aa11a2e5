package dev.bongsu.detector.core;

import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TimelineEntry;
import dev.bongsu.model.TransitionType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An incident being changed by the detector; becomes an {@link Incident} at each transition. */
final class IncidentDraft {
    final String id;
    final IncidentKind kind;
    int sequence;
    IncidentState state = IncidentState.OPEN;
    Severity severity = Severity.CRITICAL;
    final Set<String> services = new LinkedHashSet<>();
    final Set<String> vantages = new LinkedHashSet<>();
    Instant startedAt;
    Instant updatedAt;
    Instant resolvedAt;
    LocalizedText title;
    Hypothesis hypothesis;
    String parentId;
    final List<TimelineEntry> timeline = new ArrayList<>();

    /** For a service incident: whether its service is failing now (it may be held open while flapping). */
    boolean active = true;
    /** Whether flapping has been reported in this incident. */
    boolean flapReported;

    /** What happened to it during the current step. */
    private final List<LocalizedText> notes = new ArrayList<>();
    private final Set<String> noteServices = new LinkedHashSet<>();
    private TransitionType pending;

    IncidentDraft(String id, IncidentKind kind, Instant startedAt) {
        this.id = id;
        this.kind = kind;
        this.startedAt = startedAt;
        this.updatedAt = startedAt;
    }

    static IncidentDraft restored(Incident i) {
        IncidentDraft d = new IncidentDraft(i.id(), i.kind(), i.startedAt());
        d.sequence = i.sequence();
        d.state = i.state();
        d.severity = i.severity();
        d.services.addAll(i.services());
        d.vantages.addAll(i.vantages());
        d.updatedAt = i.updatedAt();
        d.resolvedAt = i.resolvedAt();
        d.title = i.title();
        d.hypothesis = i.hypothesis();
        d.parentId = i.parentId();
        d.timeline.addAll(i.timeline());
        d.flapReported = i.timeline().stream().anyMatch(t -> t.text().en().contains("flapping"));
        return d;
    }

    boolean isOpen() {
        return state == IncidentState.OPEN;
    }

    /** The single service of a service incident. */
    String service() {
        return services.iterator().next();
    }

    /** Marks the incident as opened in this step. */
    void opened(LocalizedText text, String... about) {
        pending = TransitionType.OPENED;
        add(text, about);
    }

    /** Records a change for this step's transition. */
    void note(LocalizedText text, String... about) {
        if (pending == null) {
            pending = TransitionType.UPDATED;
        }
        add(text, about);
    }

    /** Resolves the incident in this step. */
    void resolve(Instant now, LocalizedText text) {
        state = IncidentState.RESOLVED;
        resolvedAt = now;
        active = false;
        if (pending != TransitionType.OPENED) {
            pending = TransitionType.RESOLVED;
        }
        add(text);
    }

    /** Reopens a recently resolved incident in this step. */
    void reopen(LocalizedText text, String... about) {
        state = IncidentState.OPEN;
        resolvedAt = null;
        active = true;
        pending = TransitionType.UPDATED;
        add(text, about);
    }

    private void add(LocalizedText text, String... about) {
        notes.add(text);
        noteServices.addAll(List.of(about));
    }

    /** Whether something changed in this step. */
    boolean changed() {
        return pending != null;
    }

    /** The type of this step's transition. */
    TransitionType pendingType() {
        return pending;
    }

    /** Closes the step: one timeline entry and the incident as it stands after it. */
    Incident emit(Instant now) {
        sequence++;
        updatedAt = now;
        String ko = String.join(" ", notes.stream().map(LocalizedText::ko).toList());
        String en = String.join(" ", notes.stream().map(LocalizedText::en).toList());
        timeline.add(new TimelineEntry(sequence, now, pending, new LocalizedText(ko, en), List.copyOf(noteServices)));
        notes.clear();
        noteServices.clear();
        pending = null;
        return snapshot();
    }

    Incident snapshot() {
        return new Incident(id, sequence, kind, state, severity, List.copyOf(services), List.copyOf(vantages),
                startedAt, updatedAt, resolvedAt, title, hypothesis, parentId, timeline);
    }
}
