package dev.bongsu.model;

import java.time.Instant;
import java.util.List;

/**
 * One transition in an incident's life.
 *
 * @param sequence the incident's sequence number after this transition
 * @param at       when it happened
 * @param type     opened, updated or resolved
 * @param text     what happened, as a sentence
 * @param services the services concerned by this step
 */
public record TimelineEntry(int sequence, Instant at, TransitionType type, LocalizedText text, List<String> services) {
    public TimelineEntry {
        services = List.copyOf(services);
    }
}
