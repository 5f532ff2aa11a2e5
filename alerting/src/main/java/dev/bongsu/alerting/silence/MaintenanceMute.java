package dev.bongsu.alerting.silence;

import dev.bongsu.alerting.route.IncidentLabels;
import dev.bongsu.alerting.route.Mute;
import dev.bongsu.model.config.MaintenanceWindow;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A configured maintenance window as a mute. */
public record MaintenanceMute(MaintenanceWindow window) implements Mute {
    @Override
    public Optional<String> mutedBy(Map<String, Set<String>> labels, Instant now) {
        if (window.activeAt(now) && IncidentLabels.matches(window.match(), labels)) {
            return Optional.of("maintenance window " + window.name());
        }
        return Optional.empty();
    }
}
