package dev.bongsu.alerting.detect;

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

/** An incident being changed by the detector during one step; becomes an {@link Incident} per transition. */
final class IncidentDraft {
    final String id;
    int sequence;
    IncidentKind kind;
    IncidentState state = IncidentState.OPEN;
    Severity severity = Severity.CRITICAL;
    final Set<String> members = new LinkedHashSet<>();
    final Set<String> active = new LinkedHashSet<>();
    final Set<String> vantages = new LinkedHashSet<>();
    Instant startedAt;
    Instant updatedAt;
    Instant resolvedAt;
    LocalizedText title;
    Hypothesis hypothesis;
    String parentId;
    final List<TimelineEntry> timeline = new ArrayList<>();
    /** Members reported as flapping (once each). */
    final Set<String> flapReported = new LinkedHashSet<>();

    /** Changes collected during the current step. */
    final List<LocalizedText> notes = new ArrayList<>();
    final Set<String> noteServices = new LinkedHashSet<>();
    boolean isNew;
    boolean justResolved;
    boolean touched;

    IncidentDraft(String id, IncidentKind kind, Instant startedAt) {
        this.id = id;
        this.kind = kind;
        this.startedAt = startedAt;
        this.updatedAt = startedAt;
    }

    static IncidentDraft of(Incident i) {
        IncidentDraft d = new IncidentDraft(i.id(), i.kind(), i.startedAt());
        d.sequence = i.sequence();
        d.state = i.state();
        d.severity = i.severity();
        d.members.addAll(i.services());
        d.active.addAll(i.services());
        d.vantages.addAll(i.vantages());
        d.updatedAt = i.updatedAt();
        d.resolvedAt = i.resolvedAt();
        d.title = i.title();
        d.hypothesis = i.hypothesis();
        d.parentId = i.parentId();
        d.timeline.addAll(i.timeline());
        return d;
    }

    boolean isOpen() {
        return state == IncidentState.OPEN;
    }

    void note(LocalizedText text, String... services) {
        touched = true;
        notes.add(text);
        noteServices.addAll(List.of(services));
    }

    /** Applies the step's notes as one transition and returns the incident after it. */
    Incident emit(Instant now, TransitionType type) {
        sequence++;
        updatedAt = now;
        String ko = String.join(" ", notes.stream().map(LocalizedText::ko).toList());
        String en = String.join(" ", notes.stream().map(LocalizedText::en).toList());
        timeline.add(new TimelineEntry(sequence, now, type, new LocalizedText(ko, en), List.copyOf(noteServices)));
        notes.clear();
        noteServices.clear();
        isNew = false;
        justResolved = false;
        touched = false;
        return snapshot();
    }

    Incident snapshot() {
        return new Incident(id, sequence, kind, state, severity, List.copyOf(members), List.copyOf(vantages),
                startedAt, updatedAt, resolvedAt, title, hypothesis, parentId, timeline);
    }
}
