package dev.bongsu.statuspage.declared;

import dev.bongsu.model.LocalizedText;
import java.time.Instant;
import java.util.Objects;

/**
 * The operator's note written after an incident (what happened, why, what changes), shown with the incident.
 *
 * @param incidentId the incident it is about (its id as a shared record)
 * @param version    grows with every change; the higher wins between servers
 * @param text       the note in Korean and English, plain text (paragraphs split by blank lines)
 * @param at         when it was first written
 * @param editedAt   when it was last replaced, {@code null} if never
 * @param deleted    whether it was removed: kept as a tombstone so the removal reaches every server, never shown
 */
public record Postmortem(String incidentId, long version, LocalizedText text, Instant at, Instant editedAt, boolean deleted) {
    public Postmortem {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
