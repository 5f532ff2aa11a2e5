package dev.bongsu.statuspage;

import dev.bongsu.model.AckReader;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.Incident;
import dev.bongsu.model.VantageHealth;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.maintenance.MaintenanceReader;
import dev.bongsu.statuspage.data.HistorySnapshot;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.data.SiteState;
import dev.bongsu.statuspage.maintenance.MaintenanceView;
import dev.bongsu.statuspage.publicview.OperatorNotes;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.snapshot.Renderer;
import dev.bongsu.statuspage.snapshot.Snapshot;
import dev.bongsu.statuspage.updates.UpdatesStore;
import dev.bongsu.statuspage.vantagemap.LiveVantages;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Rebuilds the status page's snapshots off the request path: debounced after every state change or incident
 * transition, and on timers; the history store is read on its own, slower timer ({@link HistoryRefresher}).
 *
 * <p>When builds run is the {@link RebuildScheduler}'s business, whose flags live on the builder's own context:
 * everything that asks for a build from elsewhere (timers, store callbacks that complete on a store's thread, other
 * parts) goes through {@link #poke()}, so two builds never run at once and an older build can never replace a newer
 * one. The configuration is read from the site's holder at every build, so a reload takes effect with the next build.
 */
final class SnapshotBuilder extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(SnapshotBuilder.class.getName());
    private static final Duration RECENT_INCIDENTS = Duration.ofDays(90);
    private static final int RECENT_LIMIT = 500;

    /** How often the detector's per-vantage view is compared with the one the last build showed. */
    private static final long LIVE_MAP_CHECK_MS = 2000;
    private final Supplier<BongsuConfig> config;
    private final LiveStatus live;
    private final IncidentReader incidentReader;
    private final UpdatesStore updates;
    private final Clock clock;
    private final SiteSettings settings;
    private final AtomicReference<SiteState> state;

    private volatile MaintenanceReader maintenance = MaintenanceReader.NONE;
    private volatile OperatorNotes operatorNotes = OperatorNotes.NONE;
    private volatile AckReader acks = AckReader.NONE;
    private final Map<String, ServiceState> eventStates = new ConcurrentHashMap<>();
    private final Map<String, Incident> eventIncidents = new ConcurrentHashMap<>();
    private final HistoryRefresher history;
    private final RebuildScheduler rebuilds;
    private List<Incident> lastRecent = List.of();
    private List<VantageHealth> lastLive = List.of();
    private Snapshot css;

    SnapshotBuilder(Supplier<BongsuConfig> config, LiveStatus live, IncidentReader incidentReader, HistoryReader historyReader,
                    UpdatesStore updates, Clock clock, SiteSettings settings, AtomicReference<SiteState> state) {
        this.config = config;
        this.live = live;
        this.incidentReader = incidentReader;
        this.updates = updates;
        this.clock = clock;
        this.settings = settings;
        this.state = state;
        this.history = new HistoryRefresher(config, historyReader, clock, this::mapIncidents);
        this.rebuilds = new RebuildScheduler(this::build, settings.debounce(), (ms, action) -> vertx.setTimer(ms, t -> action.run()));
    }

    @Override
    public Future<?> start() {
        Context home = context;
        rebuilds.attach(task -> home.runOnContext(v -> task.run()));
        Future<Void> states = vertx.eventBus().<ServiceStateChange>consumer(Addresses.SERVICE_STATES, m -> {
            ServiceState s = m.body().current();
            if (s != null) {
                eventStates.put(s.serviceId(), s);
            }
            rebuilds.request();
        }).completion();
        Future<Void> incidents = vertx.eventBus().<IncidentTransition>consumer(Addresses.INCIDENTS, m -> {
            Incident i = m.body().incident();
            eventIncidents.merge(i.id(), i, (a, b) -> b.sequence() >= a.sequence() ? b : a);
            rebuilds.request();
        }).completion();
        Future<Snapshot> cssLoaded = vertx.executeBlocking(SnapshotBuilder::loadCss).onSuccess(c -> css = c);
        // the history store may complete on its own thread: the first build and the timers go back to this context
        return Future.all(states, incidents, cssLoaded)
                .compose(x -> history.refresh())
                .compose(x -> onHome(rebuilds::runNow))
                .compose(x -> onHome(() -> {
                    vertx.setPeriodic(settings.historyRefresh().toMillis(), t -> history.refresh().onComplete(v -> poke()));
                    vertx.setPeriodic(settings.fullRefresh().toMillis(), t -> rebuilds.request());
                    // a vantage that starts or stops failing changes the outage maps even when no service changes state
                    vertx.setPeriodic(LIVE_MAP_CHECK_MS, t -> {
                        List<VantageHealth> now = live.vantageHealth();
                        if (!now.equals(lastLive)) {
                            lastLive = now;
                            rebuilds.request();
                        }
                    });
                    return Future.succeededFuture();
                }));
    }

    /** Runs {@code work} on the builder's context and completes with it. */
    private <T> Future<T> onHome(Supplier<Future<T>> work) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> {
            try {
                work.get().onComplete(done);
            } catch (RuntimeException e) {
                done.fail(e);
            }
        });
        return done.future();
    }

    /** Where the scheduled maintenance is read at each build (none until set). */
    void maintenance(MaintenanceReader reader) {
        this.maintenance = reader;
    }

    /** Where declared incidents and postmortems are read at each build (none until set). */
    void operatorNotes(OperatorNotes notes) {
        this.operatorNotes = notes;
    }

    /** Where acknowledgements are read at each build (none until set). */
    void acknowledgements(AckReader reader) {
        this.acks = reader;
    }

    /**
     * Asks for a rebuild from any thread, also before the builder runs: a change made before it starts is read by its
     * first build.
     */
    void poke() {
        rebuilds.poke();
    }

    /**
     * Re-reads the history (an added service gets its uptime bars at once) and rebuilds with the configuration the
     * holder has now; completes when that build is served. Before the builder runs, there is nothing to wait for.
     */
    Future<Void> rebuildNow() {
        return rebuilds.rebuildNow(history::refresh);
    }

    /** Reads everything, renders every answer on a worker and swaps the new build in. */
    private Future<Void> build() {
        Instant now = clock.instant();
        BongsuConfig cfg = config.get();
        return incidentReader.incidents(new IncidentQuery(null, now.minus(RECENT_INCIDENTS), null, RECENT_LIMIT))
                .recover(e -> {
                    LOG.warning("status page: could not read recent incidents, using the last ones read: " + e.getMessage());
                    return Future.succeededFuture(lastRecent);
                })
                .map(recent -> {
                    lastRecent = recent;
                    List<Incident> merged = mergeIncidents(recent);
                    // the outage maps of services and open incidents say what each vantage sees now, not minutes ago
                    HistorySnapshot h = history.current();
                    HistorySnapshot withLive = new HistorySnapshot(h.daysFrom(), h.daily(), h.dayFrom(), h.recent(),
                            LiveVantages.overlay(h.vantages(), live.vantageHealth(), merged.stream().filter(Incident::isOpen).toList(), now));
                    return SiteData.of(new PublicView(cfg, operatorNotes, acks), now, currentStates(), merged, updates.byIncident(), withLive)
                            .withMaintenance(MaintenanceView.of(maintenance.maintenances(), cfg.services(), now));
                })
                .compose(data -> vertx.executeBlocking(() -> new SiteState(data, Renderer.renderAll(data, css))))
                .onSuccess(state::set)
                .mapEmpty();
    }

    /** The detector's states, overlaid with any fresher state change seen on the bus. */
    private Map<String, ServiceState> currentStates() {
        Map<String, ServiceState> out = new HashMap<>();
        for (ServiceState s : live.serviceStates()) {
            out.put(s.serviceId(), s);
        }
        eventStates.forEach((id, s) -> out.merge(id, s, (a, b) -> b.since().isAfter(a.since()) ? b : a));
        return out;
    }

    /** Recent incidents from the store, the detector's open ones and transitions seen on the bus; newest sequence wins. */
    private List<Incident> mergeIncidents(List<Incident> recent) {
        Map<String, Incident> byId = new LinkedHashMap<>();
        java.util.function.Consumer<Incident> add = i -> byId.merge(i.id(), i, (a, b) -> b.sequence() >= a.sequence() ? b : a);
        recent.forEach(add);
        live.openIncidents().forEach(add);
        eventIncidents.values().forEach(add);
        Instant horizon = clock.instant().minus(RECENT_INCIDENTS);
        eventIncidents.values().removeIf(i -> !i.isOpen() && i.updatedAt().isBefore(horizon));
        List<Incident> out = new ArrayList<>();
        for (Incident i : byId.values()) {
            if (i.kind() != IncidentKind.PROBE_FAULT) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparing(Incident::startedAt).reversed().thenComparing(Incident::id));
        return out;
    }

    /** The incidents whose pages are pre-rendered, so whose outage maps are read: open ones and the latest resolved. */
    private List<Incident> mapIncidents() {
        List<Incident> all = mergeIncidents(lastRecent);
        List<Incident> out = new ArrayList<>(all.stream().filter(Incident::isOpen).toList());
        all.stream().filter(i -> !i.isOpen()).limit(Renderer.PRERENDERED_PAST_INCIDENTS).forEach(out::add);
        return out;
    }

    private static Snapshot loadCss() {
        try (InputStream in = SnapshotBuilder.class.getResourceAsStream("/dev/bongsu/statuspage/status.css")) {
            if (in == null) {
                throw new IllegalStateException("status.css is missing from the statuspage jar");
            }
            return Snapshot.of("text/css; charset=utf-8", "public, max-age=3600", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
