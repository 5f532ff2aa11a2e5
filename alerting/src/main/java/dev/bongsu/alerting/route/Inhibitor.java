package dev.bongsu.alerting.route;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import java.util.Collection;
import java.util.Optional;

/**
 * While a correlated incident is open, the per-service incidents of its members (by {@code parentId} or by
 * membership) are not notified: the correlated incident names them.
 */
public final class Inhibitor {
    private Inhibitor() {
    }

    /** The reason this incident is inhibited by one of the open incidents, or empty. */
    public static Optional<String> inhibitedBy(Incident incident, Collection<Incident> open) {
        if (incident.kind() != IncidentKind.SERVICE) {
            return Optional.empty();
        }
        for (Incident c : open) {
            if (c.kind() != IncidentKind.CORRELATED || !c.isOpen() || c.id().equals(incident.id())) {
                continue;
            }
            boolean child = c.id().equals(incident.parentId());
            boolean member = !incident.services().isEmpty() && c.services().containsAll(incident.services());
            if (child || member) {
                return Optional.of("inhibited by correlated incident " + c.id() + " (" + c.title().en() + ")");
            }
        }
        return Optional.empty();
    }
}
