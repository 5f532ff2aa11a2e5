package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.LocalizedText;
import java.time.Instant;
import java.util.List;

/**
 * One thing the public is told about, once: a correlated (or stand-alone) incident's transition, an operator's
 * incident change, or a maintenance announcement. Every text in it is public (made through the public view).
 * Subscribers whose scope covers {@link #services()} get one message for it.
 *
 * @param key       unique per notice, stable across restarts and nodes: the idempotency key of its messages,
 *                  e.g. {@code incident:<id>:<sequence>} or {@code maintenance:<id>:<event>}
 * @param subjectId the incident or maintenance id (messages about one subject are delivered in order)
 * @param event     what happened, e.g. {@code incident.opened}, {@code incident.resolved},
 *                  {@code maintenance.scheduled}, {@code maintenance.started}, {@code maintenance.ended}
 * @param services  the service ids concerned (empty: the whole page)
 * @param title     the public title
 * @param text      a public sentence or the operator's words, or {@code null}
 * @param path      the permalink path on the page, e.g. {@code /incidents/abc}
 * @param at        when it happened
 */
public record PublicNotice(String key, String subjectId, String event, List<String> services, LocalizedText title,
                           LocalizedText text, String path, Instant at) {
    public PublicNotice {
        services = List.copyOf(services);
    }
}
