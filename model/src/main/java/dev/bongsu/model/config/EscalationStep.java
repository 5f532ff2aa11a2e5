package dev.bongsu.model.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One escalation step of a route: while an incident stays open and unacknowledged, {@code receivers} are told of it
 * {@code after} its first notification went out.
 *
 * @param after     delay after the incident's first notification
 * @param receivers receiver names
 */
public record EscalationStep(Duration after, List<String> receivers) {
    public EscalationStep {
        Objects.requireNonNull(after, "after");
        receivers = List.copyOf(receivers);
    }
}
