package dev.bongsu.statuspage.maintenance;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.maintenance.MaintenancePhase;
import java.time.Instant;
import java.util.List;

/**
 * A maintenance as the public sees it: only what an announced window says of itself, its scope as service ids and
 * the run that matters now (the one in progress, else the next; for an ended one-off its window).
 *
 * @param id          the stable id (the permalink is {@code /maintenance/<id>})
 * @param title       public title
 * @param description public description, or {@code null}
 * @param services    the service ids it covers, in configuration order
 * @param start       start of the run shown
 * @param end         end of the run shown
 * @param recurring   whether it repeats (only the next run is shown)
 * @param phase       scheduled, in progress, completed or cancelled at the time of the build
 * @param createdAt   when it was announced ({@code null} for a YAML window)
 * @param updatedAt   its last change the public sees: made, edited, started, ended or cancelled
 * @param cancelledAt when it was cancelled, or {@code null}
 */
public record PublicMaintenance(String id, LocalizedText title, LocalizedText description, List<String> services, Instant start,
                                Instant end, boolean recurring, MaintenancePhase phase, Instant createdAt, Instant updatedAt,
                                Instant cancelledAt) {
    public PublicMaintenance {
        services = List.copyOf(services);
    }

    /** Whether it runs now. */
    public boolean inProgress() {
        return phase == MaintenancePhase.IN_PROGRESS;
    }

    /** Whether it is announced and has not begun. */
    public boolean scheduled() {
        return phase == MaintenancePhase.SCHEDULED;
    }

    /** The permalink path. */
    public String path() {
        return "/maintenance/" + id;
    }
}
