package dev.bongsu.statuspage.publicview;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the public may see it: every text in it was made by {@link PublicView} from structured data and
 * names only what the configuration's {@code public:} settings allow. Pages, feeds and APIs render only this.
 *
 * @param id         the incident id
 * @param kind       service or correlated (probe faults have no public view)
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
        List<IncidentUpdate> updates) {

    public PublicIncident {
        services = List.copyOf(services);
        vantages = List.copyOf(vantages);
        timeline = List.copyOf(timeline);
        updates = List.copyOf(updates);
    }

    /** Whether the incident is still open. */
    public boolean isOpen() {
        return state == IncidentState.OPEN;
    }

    /** The latest change: the detector's, or a team update's (posted or edited) when later. */
    public Instant lastChange() {
        Instant t = updatedAt;
        for (IncidentUpdate u : updates) {
            Instant c = u.editedAt() != null ? u.editedAt() : u.at();
            if (c.isAfter(t)) {
                t = c;
            }
        }
        return t;
    }
}
