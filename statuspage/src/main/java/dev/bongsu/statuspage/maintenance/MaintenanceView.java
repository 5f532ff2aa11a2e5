package dev.bongsu.statuspage.maintenance;

import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.maintenance.MaintenancePhase;
import dev.bongsu.model.maintenance.MaintenanceScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The public filter of scheduled maintenance at a time: only announced windows (public, with a title), each as a
 * {@link PublicMaintenance}. Ended and cancelled ones stay listed for {@link #RECENT} so that people see what
 * happened; pure, time is an input.
 */
public final class MaintenanceView {
    /** How long an ended or cancelled maintenance stays listed. */
    public static final Duration RECENT = Duration.ofDays(7);
    /** How far ahead the home page lists scheduled maintenance. */
    public static final Duration UPCOMING = Duration.ofDays(14);

    private MaintenanceView() {
    }

    /** The public maintenance at {@code now}: in progress first, then scheduled by start, then the recent past. */
    public static List<PublicMaintenance> of(List<MaintenanceWindow> windows, List<ServiceConfig> services, Instant now) {
        List<PublicMaintenance> out = new ArrayList<>();
        for (MaintenanceWindow w : windows) {
            if (w.announced()) {
                shown(w, services, now).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparing((PublicMaintenance m) -> m.phase().ordinal())
                .thenComparing(m -> m.phase() == MaintenancePhase.SCHEDULED || m.phase() == MaintenancePhase.IN_PROGRESS
                        ? m.start().toEpochMilli() : -m.updatedAt().toEpochMilli())
                .thenComparing(PublicMaintenance::id));
        return List.copyOf(out);
    }

    /** The maintenance in progress. */
    public static List<PublicMaintenance> active(List<PublicMaintenance> all) {
        return all.stream().filter(PublicMaintenance::inProgress).toList();
    }

    /** The scheduled maintenance starting within {@code horizon} of {@code now}. */
    public static List<PublicMaintenance> upcoming(List<PublicMaintenance> all, Instant now, Duration horizon) {
        return all.stream().filter(m -> m.scheduled() && m.start().isBefore(now.plus(horizon))).toList();
    }

    /** The maintenance in progress that covers a service, if any. */
    public static Optional<PublicMaintenance> covering(List<PublicMaintenance> all, String serviceId) {
        return all.stream().filter(m -> m.inProgress() && m.services().contains(serviceId)).findFirst();
    }

    private static Optional<PublicMaintenance> shown(MaintenanceWindow w, List<ServiceConfig> services, Instant now) {
        MaintenancePhase phase = MaintenancePhase.of(w, now);
        MaintenanceWindow.Occurrence run = w.occurrence(now).or(() -> w.lastEnded(now)).orElse(null);
        if (run == null) {
            return Optional.empty();
        }
        Instant changed = w.updatedAt() != null ? w.updatedAt() : w.createdAt();
        if (phase == MaintenancePhase.CANCELLED) {
            if (w.cancelledAt().plus(RECENT).isBefore(now)) {
                return Optional.empty();
            }
            changed = w.cancelledAt();
        } else if (phase == MaintenancePhase.COMPLETED) {
            if (w.recurring() || run.end().plus(RECENT).isBefore(now)) {
                return Optional.empty();
            }
            changed = later(changed, run.end());
        } else if (phase == MaintenancePhase.IN_PROGRESS) {
            changed = later(changed, run.start());
        }
        if (changed == null) {
            // a YAML window: announced as of its run's start, or a week before it at most
            changed = phase == MaintenancePhase.IN_PROGRESS ? run.start() : run.start().minus(RECENT).isAfter(now) ? now : run.start().minus(RECENT);
        }
        return Optional.of(new PublicMaintenance(w.id(), w.title(), w.description(), MaintenanceScope.services(w, services), run.start(),
                run.end(), w.recurring(), phase, w.createdAt(), changed, w.cancelledAt()));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : a.isAfter(b) ? a : b;
    }
}
