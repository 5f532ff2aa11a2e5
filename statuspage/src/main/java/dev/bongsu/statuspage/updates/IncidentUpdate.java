package dev.bongsu.statuspage.updates;

import dev.bongsu.model.LocalizedText;
import java.time.Instant;
import java.util.Objects;

/**
 * An update about an incident written by a person.
 *
 * @param id         store id, increasing
 * @param incidentId the incident it is about
 * @param status     where the incident stands
 * @param text       the message, in Korean and English
 * @param at         when it was posted
 */
public record IncidentUpdate(long id, String incidentId, UpdateStatus status, LocalizedText text, Instant at) {
    public IncidentUpdate {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
