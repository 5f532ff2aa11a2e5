package dev.bongsu.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident as it stands after its latest transition.
 *
 * @param id         stable id, the same from opening to resolution
 * @param sequence   number of the latest transition, 1 when opened; consumers dedupe on (id, sequence)
 * @param kind       service, correlated or probe fault
 * @param state      open or resolved
 * @param severity   critical (something is down), warning (degraded) or info
 * @param services   the member services (for a probe fault: empty)
 * @param vantages   the vantages that saw the failure
 * @param startedAt  when it began
 * @param updatedAt  when it last changed
 * @param resolvedAt when it ended, {@code null} while open
 * @param title      a one-line summary
 * @param hypothesis the likely cause, or {@code null}
 * @param parentId   the correlated incident this service incident is part of, or {@code null}
 * @param timeline   every transition, oldest first
 */
public record Incident(
        String id,
        int sequence,
        IncidentKind kind,
        IncidentState state,
        Severity severity,
        List<String> services,
        List<String> vantages,
        Instant startedAt,
        Instant updatedAt,
        Instant resolvedAt,
        LocalizedText title,
        Hypothesis hypothesis,
        String parentId,
        List<TimelineEntry> timeline) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(title, "title");
        services = List.copyOf(services);
        vantages = List.copyOf(vantages);
        timeline = List.copyOf(timeline);
    }

    /** Whether the incident is still open. */
    public boolean isOpen() {
        return state == IncidentState.OPEN;
    }

    /** The idempotency key of this transition: {@code id:sequence}. */
    public String transitionKey() {
        return id + ":" + sequence;
    }
}
