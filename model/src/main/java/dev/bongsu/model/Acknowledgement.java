package dev.bongsu.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone on call said "I'm on it" for an incident: repeats stop and escalation steps are not taken any more.
 *
 * @param incidentId the incident
 * @param by         who acknowledged it, as they gave it (a name or handle; shown to operators, not on public pages)
 * @param at         when
 * @param via        how: {@code link} (the signed link in a notification), {@code api} or {@code cli}
 */
public record Acknowledgement(String incidentId, String by, Instant at, String via) {
    public Acknowledgement {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(via, "via");
    }
}
