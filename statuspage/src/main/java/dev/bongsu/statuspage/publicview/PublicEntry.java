package dev.bongsu.statuspage.publicview;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.TransitionType;
import java.time.Instant;
import java.util.List;

/**
 * One transition of an incident's public timeline.
 *
 * @param sequence the incident's sequence number after it
 * @param at       when it happened
 * @param type     opened, updated or resolved
 * @param text     what happened, in public words
 * @param services the services it was about
 */
public record PublicEntry(int sequence, Instant at, TransitionType type, LocalizedText text, List<String> services) {
    public PublicEntry {
        services = List.copyOf(services);
    }
}
