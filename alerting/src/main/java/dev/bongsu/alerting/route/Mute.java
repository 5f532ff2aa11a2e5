package dev.bongsu.alerting.route;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Something that can keep a notification from being sent at a time: a silence or a maintenance window. */
public interface Mute {
    /** Why notifications with these labels are muted at {@code now}, or empty when they are not. */
    Optional<String> mutedBy(Map<String, Set<String>> labels, Instant now);
}
