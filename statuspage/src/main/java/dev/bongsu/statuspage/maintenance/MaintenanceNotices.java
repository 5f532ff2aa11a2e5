package dev.bongsu.statuspage.maintenance;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.maintenance.MaintenanceScope;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which maintenance notices are due at a time, for the subscribers: {@code scheduled} while an announced
 * maintenance has not begun, {@code started} while it runs, {@code ended} and {@code cancelled} for
 * {@link #CATCH_UP} after they happen (a server that was down longer does not tell stale news). Every notice has a
 * stable key ({@code maintenance:<id>:<event>}, with the run's start for a recurring window), so asking again — on
 * every tick, after a restart, on another server — repeats nothing. Pure: time is an input.
 */
public final class MaintenanceNotices {
    /** How long after an end or a cancellation it is still told. */
    public static final Duration CATCH_UP = Duration.ofHours(6);

    private MaintenanceNotices() {
    }

    /** The notices due at {@code now}, oldest event first. */
    public static List<PublicNotice> due(List<MaintenanceWindow> windows, List<ServiceConfig> services, Instant now) {
        List<PublicNotice> out = new ArrayList<>();
        for (MaintenanceWindow w : windows) {
            if (!w.announced()) {
                continue;
            }
            List<String> scope = MaintenanceScope.services(w, services);
            if (w.cancelled()) {
                MaintenanceWindow.Occurrence run = w.occurrence(w.cancelledAt()).orElse(null);
                if (run != null && w.cancelledAt().plus(CATCH_UP).isAfter(now)) {
                    out.add(notice(w, run, "cancelled", scope, w.cancelledAt()));
                }
                continue;
            }
            MaintenanceWindow.Occurrence next = w.occurrence(now).orElse(null);
            if (next != null && !next.contains(now)) {
                Instant told = w.createdAt() != null ? w.createdAt() : now;
                out.add(notice(w, next, "scheduled", scope, told.isAfter(now) ? now : told));
            } else if (next != null) {
                out.add(notice(w, next, "started", scope, next.start()));
            }
            w.lastEnded(now).filter(run -> run.end().plus(CATCH_UP).isAfter(now))
                    .ifPresent(run -> out.add(notice(w, run, "ended", scope, run.end())));
        }
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return out;
    }

    private static PublicNotice notice(MaintenanceWindow w, MaintenanceWindow.Occurrence run, String event, List<String> scope, Instant at) {
        String subject = w.recurring() ? w.id() + "@" + run.start().getEpochSecond() : w.id();
        String window = Times.display(run.start()) + " ~ " + Times.display(run.end());
        LocalizedText text = w.description() == null ? new LocalizedText(window, window)
                : new LocalizedText(window + "\n" + w.description().ko(), window + "\n" + w.description().en());
        return new PublicNotice("maintenance:" + subject + ":" + event, w.id(), "maintenance." + event, scope, w.title(), text,
                "/maintenance/" + w.id(), at);
    }
}
