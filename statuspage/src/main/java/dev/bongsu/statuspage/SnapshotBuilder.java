package dev.bongsu.statuspage;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.Incident;
import dev.bongsu.model.VantageHealth;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.LiveStatus;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.maintenance.MaintenanceReader;
import dev.bongsu.statuspage.data.Buckets;
import dev.bongsu.statuspage.data.HistorySnapshot;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.data.SiteState;
import dev.bongsu.statuspage.maintenance.MaintenanceView;
import dev.bongsu.statuspage.publicview.OperatorNotes;
import dev.bongsu.statuspage.render.Charts;
import dev.bongsu.statuspage.render.ServicePage;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.snapshot.Renderer;
import dev.bongsu.statuspage.snapshot.Snapshot;
import dev.bongsu.statuspage.updates.UpdatesStore;
import dev.bongsu.statuspage.vantagemap.LiveVantages;
import dev.bongsu.statuspage.vantagemap.VantageMeasurements;
import dev.bongsu.statuspage.vantagemap.VantageReads;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Rebuilds the status page's snapshots off the request path: debounced after every state change or incident
 * transition, and on timers; the history store is read on its own, slower timer.
 */
final class SnapshotBuilder extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(SnapshotBuilder.class.getName());
    private static final Duration RECENT_INCIDENTS = Duration.ofDays(90);
    private static final int RECENT_LIMIT = 500;

    /** How often the detector's per-vantage view is compared with the one the last build showed. */
    private static final long LIVE_MAP_CHECK_MS = 2000;
    private final BongsuConfig config;
    private final LiveStatus live;
    private final IncidentReader incidentReader;
    private final HistoryReader historyReader;
    private final UpdatesStore updates;
    private final Clock clock;
    private final SiteSettings settings;
    private final AtomicReference<SiteState> state;

    private volatile MaintenanceReader maintenance = MaintenanceReader.NONE;
    private volatile OperatorNotes operatorNotes = OperatorNotes.NONE;
    private final Map<String, ServiceState> eventStates = new ConcurrentHashMap<>();
    private final Map<String, Incident> eventIncidents = new ConcurrentHashMap<>();
    private volatile HistorySnapshot history;
    private final VantageReads vantageReads;
    private volatile VantageMeasurements measured = VantageMeasurements.NONE;
    private List<Incident> lastRecent = List.of();
    private List<VantageHealth> lastLive = List.of();
    private Snapshot css;
    private boolean scheduled;
    private boolean running;
    private boolean dirty;

    SnapshotBuilder(BongsuConfig config, LiveStatus live, IncidentReader incidentReader, HistoryReader historyReader,
                    UpdatesStore updates, Clock clock, SiteSettings settings, AtomicReference<SiteState> state) {
        this.config = config;
        this.live = live;
        this.incidentReader = incidentReader;
        this.historyReader = historyReader;
        this.vantageReads = new VantageReads(historyReader);
        this.updates = updates;
        this.clock = clock;
        this.settings = settings;
        this.state = state;
        this.history = HistorySnapshot.empty(clock.instant());
    }

    @Override
    public Future<?> start() {
        Future<Void> states = vertx.eventBus().<ServiceStateChange>consumer(Addresses.SERVICE_STATES, m -> {
            ServiceState s = m.body().current();
            if (s != null) {
                eventStates.put(s.serviceId(), s);
            }
            requestRebuild();
        }).completion();
        Future<Void> incidents = vertx.eventBus().<IncidentTransition>consumer(Addresses.INCIDENTS, m -> {
            Incident i = m.body().incident();
            eventIncidents.merge(i.id(), i, (a, b) -> b.sequence() >= a.sequence() ? b : a);
            requestRebuild();
        }).completion();
        Future<Snapshot> cssLoaded = vertx.executeBlocking(SnapshotBuilder::loadCss).onSuccess(c -> css = c);
        return Future.all(states, incidents, cssLoaded)
                .compose(x -> refreshHistory())
                .compose(x -> rebuild())
                .onSuccess(x -> {
                    vertx.setPeriodic(settings.historyRefresh().toMillis(), t -> refreshHistory().onSuccess(v -> requestRebuild()));
                    vertx.setPeriodic(settings.fullRefresh().toMillis(), t -> requestRebuild());
                    // a vantage that starts or stops failing changes the outage maps even when no service changes state
                    vertx.setPeriodic(LIVE_MAP_CHECK_MS, t -> {
                        List<VantageHealth> now = live.vantageHealth();
                        if (!now.equals(lastLive)) {
                            lastLive = now;
                            requestRebuild();
                        }
                    });
                });
    }

    /** Where the scheduled maintenance is read at each build (none until set). */
    void maintenance(MaintenanceReader reader) {
        this.maintenance = reader;
    }

    /** Where declared incidents and postmortems are read at each build (none until set). */
    void operatorNotes(OperatorNotes notes) {
        this.operatorNotes = notes;
    }

    /** Asks for a rebuild from any thread. */
    void poke() {
        context.runOnContext(v -> requestRebuild());
    }

    private void requestRebuild() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        vertx.setTimer(Math.max(1, settings.debounce().toMillis()), t -> {
            scheduled = false;
            rebuild();
        });
    }

    private Future<Void> rebuild() {
        if (running) {
            dirty = true;
            return Future.succeededFuture();
        }
        running = true;
        Instant now = clock.instant();
        return incidentReader.incidents(new IncidentQuery(null, now.minus(RECENT_INCIDENTS), null, RECENT_LIMIT))
                .recover(e -> {
                    LOG.warning("status page: could not read recent incidents, using the last ones read: " + e.getMessage());
                    return Future.succeededFuture(lastRecent);
                })
                .map(recent -> {
                    lastRecent = recent;
                    List<Incident> merged = mergeIncidents(recent);
                    // the outage maps of services and open incidents say what each vantage sees now, not minutes ago
                    HistorySnapshot h = history;
                    HistorySnapshot withLive = new HistorySnapshot(h.daysFrom(), h.daily(), h.dayFrom(), h.recent(),
                            LiveVantages.overlay(h.vantages(), live.vantageHealth(), merged.stream().filter(Incident::isOpen).toList(), now));
                    return SiteData.of(config, operatorNotes, now, currentStates(), merged, updates.byIncident(), withLive)
                            .withMaintenance(MaintenanceView.of(maintenance.maintenances(), config.services(), now));
                })
                .compose(data -> vertx.executeBlocking(() -> new SiteState(data, Renderer.renderAll(data, css))))
                .onSuccess(state::set)
                .onFailure(e -> LOG.severe("status page: rebuild failed, still serving the previous build: " + e))
                .<Void>mapEmpty()
                .onComplete(x -> context.runOnContext(v -> {
                    running = false;
                    if (dirty) {
                        dirty = false;
                        requestRebuild();
                    }
                }));
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

    /**
     * Re-reads the history the pages draw. The first read covers the whole 90 days and 24 hours; later reads only
     * today's bucket and the newest 5-minute buckets (the past does not change), merged into what was read before.
     */
    private Future<Void> refreshHistory() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Times.KST);
        Instant todayStart = today.atStartOfDay(Times.KST).toInstant();
        Instant daysFrom = today.minusDays(Charts.DAYS - 1L).atStartOfDay(Times.KST).toInstant();
        Instant daysTo = today.plusDays(1).atStartOfDay(Times.KST).toInstant();
        Duration step = ServicePage.STEP;
        Instant dayTo = Instant.ofEpochMilli((now.toEpochMilli() / step.toMillis() + 1) * step.toMillis());
        Instant dayFrom = dayTo.minus(ServicePage.WINDOW);
        HistorySnapshot before = history;
        boolean sameDays = before.daysFrom().equals(daysFrom);
        Instant previousDayTo = before.dayFrom().plus(ServicePage.WINDOW);
        Instant recentFrom = previousDayTo.minus(step).isAfter(dayFrom) ? previousDayTo.minus(step) : dayFrom;
        Map<String, List<ServiceBucket>> daily = new ConcurrentHashMap<>();
        Map<String, List<ServiceBucket>> recent = new ConcurrentHashMap<>();
        List<Future<?>> reads = new ArrayList<>();
        for (ServiceConfig s : config.services()) {
            List<ServiceBucket> oldDaily = before.daily().get(s.id());
            if (sameDays && oldDaily != null) {
                reads.add(historyReader.serviceHistory(s.id(), todayStart, daysTo, Duration.ofDays(1)).onSuccess(b -> daily.put(s.id(),
                        Buckets.merge(oldDaily, b, daysFrom.toEpochMilli(), todayStart.toEpochMilli()))));
            } else {
                reads.add(historyReader.serviceHistory(s.id(), daysFrom, daysTo, Duration.ofDays(1)).onSuccess(b -> daily.put(s.id(), b)));
            }
            List<ServiceBucket> oldRecent = before.recent().get(s.id());
            if (oldRecent != null && recentFrom.isAfter(dayFrom)) {
                reads.add(historyReader.serviceHistory(s.id(), recentFrom, dayTo, step).onSuccess(b -> recent.put(s.id(),
                        Buckets.merge(oldRecent, b, dayFrom.toEpochMilli(), recentFrom.toEpochMilli()))));
            } else {
                reads.add(historyReader.serviceHistory(s.id(), dayFrom, dayTo, step).onSuccess(b -> recent.put(s.id(), b)));
            }
        }
        // the outage maps: every service's last minutes, and the incidents that get a pre-rendered page
        reads.add(vantageReads.refresh(config, mapIncidents(), now, measured).onSuccess(m -> measured = m));
        return Future.join(reads).<Void>mapEmpty().recover(e -> {
            LOG.warning("status page: history partly unavailable, keeping what was read: " + e.getMessage());
            return Future.succeededFuture();
        }).onComplete(x -> {
            Map<String, List<ServiceBucket>> d = new HashMap<>(sameDays ? before.daily() : Map.of());
            Map<String, List<ServiceBucket>> r = new HashMap<>(before.recent());
            d.putAll(daily);
            r.putAll(recent);
            history = new HistorySnapshot(daysFrom, d, dayFrom, r, measured);
        });
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
