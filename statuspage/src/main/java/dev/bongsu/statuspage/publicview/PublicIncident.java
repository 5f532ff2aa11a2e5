package dev.bongsu.statuspage.publicview;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.statuspage.declared.DeclaredImpact;
import dev.bongsu.statuspage.declared.Postmortem;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the public may see it: every text in it was made by {@link PublicView} from structured data and
 * names only what the configuration's {@code public:} settings allow. Pages, feeds and APIs render only this.
 *
 * @param id         the incident id
 * @param kind       service or correlated (probe faults have no public view); a declared incident is a service
 *                   incident when it names one service, else correlated
 * @param state      open or resolved
 * @param severity   critical (something is down) or warning
 * @param services   the member service ids
 * @param vantages   the configured vantage names that saw it
 * @param startedAt  when it began
 * @param updatedAt  when the detector last changed it
 * @param resolvedAt when it ended, {@code null} while open
 * @param title      the public title
 * @param hypothesis the public likely cause, or {@code null} when the detector gave none
 * @param parentId   the correlated incident it is part of, or {@code null}
 * @param timeline   the public timeline, oldest first
 * @param updates    the team's updates that are not deleted, oldest first
 * @param origin     opened by the detector or declared by the operator
 * @param impact     the impact the operator declared, {@code null} for a detected incident
 * @param postmortem the operator's postmortem note, {@code null} when none is written
 * @param acknowledgedAt when the on-call team acknowledged it, {@code null} when nobody has (who did is never public)
 */
public record PublicIncident(
        String id,
        IncidentKind kind,
        IncidentState state,
        Severity severity,
        List<String> services,
        List<String> vantages,
        Instant startedAt,
        Instant updatedAt,
        Instant resolvedAt,
        LocalizedText title,
        PublicHypothesis hypothesis,
        String parentId,
        List<PublicEntry> timeline,
        List<IncidentUpdate> updates,
        IncidentOrigin origin,
        DeclaredImpact impact,
        Postmortem postmortem,
        Instant acknowledgedAt) {

    public PublicIncident {
        services = List.copyOf(services);
        vantages = List.copyOf(vantages);
        timeline = List.copyOf(timeline);
        updates = List.copyOf(updates);
        origin = origin == null ? IncidentOrigin.DETECTED : origin;
        postmortem = postmortem != null && postmortem.deleted() ? null : postmortem;
    }

    /** A detected incident without a postmortem. */
    public PublicIncident(String id, IncidentKind kind, IncidentState state, Severity severity, List<String> services,
                          List<String> vantages, Instant startedAt, Instant updatedAt, Instant resolvedAt, LocalizedText title,
                          PublicHypothesis hypothesis, String parentId, List<PublicEntry> timeline, List<IncidentUpdate> updates) {
        this(id, kind, state, severity, services, vantages, startedAt, updatedAt, resolvedAt, title, hypothesis, parentId, timeline,
                updates, IncidentOrigin.DETECTED, null, null, null);
    }

    /** An incident without an acknowledgement. */
    public PublicIncident(String id, IncidentKind kind, IncidentState state, Severity severity, List<String> services,
                          List<String> vantages, Instant startedAt, Instant updatedAt, Instant resolvedAt, LocalizedText title,
                          PublicHypothesis hypothesis, String parentId, List<PublicEntry> timeline, List<IncidentUpdate> updates,
                          IncidentOrigin origin, DeclaredImpact impact, Postmortem postmortem) {
        this(id, kind, state, severity, services, vantages, startedAt, updatedAt, resolvedAt, title, hypothesis, parentId, timeline,
                updates, origin, impact, postmortem, null);
    }

    /** This incident with another postmortem ({@code null}: none). */
    public PublicIncident withPostmortem(Postmortem p) {
        return new PublicIncident(id, kind, state, severity, services, vantages, startedAt, updatedAt, resolvedAt, title, hypothesis,
                parentId, timeline, updates, origin, impact, p, acknowledgedAt);
    }

    /** Whether the operator declared it (the detector did not open it). */
    public boolean isDeclared() {
        return origin == IncidentOrigin.OPERATOR;
    }

    /** Whether the incident is still open. */
    public boolean isOpen() {
        return state == IncidentState.OPEN;
    }

    /** The latest change: the detector's (or the operator's), or a team update's or the postmortem's when later. */
    public Instant lastChange() {
        Instant t = updatedAt;
        for (IncidentUpdate u : updates) {
            Instant c = u.editedAt() != null ? u.editedAt() : u.at();
            if (c.isAfter(t)) {
                t = c;
            }
        }
        if (postmortem != null) {
            Instant c = postmortem.editedAt() != null ? postmortem.editedAt() : postmortem.at();
            if (c.isAfter(t)) {
                t = c;
            }
        }
        return t;
    }
}
