package dev.bongsu.statuspage.updates;

import dev.bongsu.model.LocalizedText;
import java.time.Instant;
import java.util.Objects;

/**
 * An update about an incident written by a person.
 *
 * @param id         globally unique text id (two servers may create updates at the same moment)
 * @param incidentId the incident it is about
 * @param status     where the incident stands
 * @param text       the message, in Korean and English
 * @param at         when it was posted
 * @param editedAt   when it was last edited, {@code null} if never
 * @param version    grows with every change of this update (create 1, each edit or delete +1); the higher wins
 * @param deleted    whether it was deleted: kept as a tombstone so that the removal reaches every server, never shown
 */
public record IncidentUpdate(String id, String incidentId, UpdateStatus status, LocalizedText text, Instant at, Instant editedAt,
                             long version, boolean deleted) {
    public IncidentUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    /** This update with a new status and text, edited at {@code when}. */
    public IncidentUpdate edited(UpdateStatus newStatus, LocalizedText newText, Instant when) {
        return new IncidentUpdate(id, incidentId, newStatus, newText, at, when, version + 1, false);
    }

    /** This update deleted at {@code when}: a tombstone. */
    public IncidentUpdate removed(Instant when) {
        return new IncidentUpdate(id, incidentId, status, text, at, when, version + 1, true);
    }
}
