package dev.bongsu.statuspage.maintenance;

import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.maintenance.MaintenanceReader;
import dev.bongsu.statuspage.subscribe.PublicAnnouncements;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Hands due maintenance notices ({@link MaintenanceNotices}) to the subscription delivery on a timer and after every
 * maintenance change, and asks for a page rebuild when one is handed (a maintenance began or ended). Keys handed
 * successfully are not handed again by this process; the delivery side ignores a repeated key anyway, so a restart
 * repeats nothing.
 */
public final class MaintenanceAnnouncer {
    /** How often due notices are looked for. */
    public static final Duration TICK = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(MaintenanceAnnouncer.class.getName());

    private final Vertx vertx;
    private final MaintenanceReader reader;
    private final Supplier<List<ServiceConfig>> services;
    private final PublicAnnouncements announcements;
    private final Clock clock;
    private final Runnable rebuild;
    private final Set<String> handed = ConcurrentHashMap.newKeySet();
    private long timer = -1;

    /** An announcer; {@code rebuild} asks the page to rebuild (from any thread). */
    public MaintenanceAnnouncer(Vertx vertx, MaintenanceReader reader, List<ServiceConfig> services, PublicAnnouncements announcements,
                                Clock clock, Runnable rebuild) {
        this(vertx, reader, () -> services, announcements, clock, rebuild);
    }

    /** An announcer whose services are read at each tick (they change on a reload); {@code rebuild} asks the page to rebuild. */
    public MaintenanceAnnouncer(Vertx vertx, MaintenanceReader reader, Supplier<List<ServiceConfig>> services,
                                PublicAnnouncements announcements, Clock clock, Runnable rebuild) {
        this.vertx = vertx;
        this.reader = reader;
        this.services = services;
        this.announcements = announcements;
        this.clock = clock;
        this.rebuild = rebuild;
    }

    /** Starts the timer and listens for maintenance changes. */
    public void start() {
        reader.onChange(() -> vertx.runOnContext(v -> tick()));
        timer = vertx.setPeriodic(TICK.toMillis(), id -> tick());
        tick();
    }

    /** Stops the timer. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** Hands what is due now; public so that a test with a manual clock need not wait for the timer. */
    public void tick() {
        boolean any = false;
        for (PublicNotice n : MaintenanceNotices.due(reader.maintenances(), services.get(), clock.instant())) {
            if (handed.add(n.key())) {
                any = true;
                announcements.announce(n)
                        .onSuccess(v -> LOG.info("maintenance " + n.subjectId() + ": " + n.event() + " handed to subscriptions (" + n.key() + ")"))
                        .onFailure(e -> {
                            handed.remove(n.key());
                            LOG.warning("maintenance " + n.subjectId() + ": " + n.event() + " not handed yet, will retry: " + e.getMessage());
                        });
            }
        }
        if (any) {
            rebuild.run();
        }
    }
}
