package dev.bongsu.statuspage;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.Incident;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.data.Buckets;
import dev.bongsu.statuspage.data.HistorySnapshot;
import dev.bongsu.statuspage.render.Charts;
import dev.bongsu.statuspage.render.ServicePage;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.vantagemap.VantageMeasurements;
import dev.bongsu.statuspage.vantagemap.VantageReads;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The history the status pages draw (90 daily buckets, the last 24 hours in 5-minute buckets, the outage maps'
 * measurements), kept between reads of the history store: a read that fails keeps what was read before.
 */
final class HistoryRefresher {
    private static final Logger LOG = Logger.getLogger(HistoryRefresher.class.getName());

    private final Supplier<BongsuConfig> config;
    private final HistoryReader historyReader;
    private final VantageReads vantageReads;
    private final Clock clock;
    private final Supplier<List<Incident>> mapIncidents;
    private volatile HistorySnapshot history;
    private volatile VantageMeasurements measured = VantageMeasurements.NONE;

    /**
     * @param config        the configuration in force, read at each refresh (its services are the ones read)
     * @param historyReader where the buckets and the vantage measurements are read
     * @param clock         what "today" and "the last 24 hours" are measured against
     * @param mapIncidents  the incidents whose outage maps are read, asked at each refresh
     */
    HistoryRefresher(Supplier<BongsuConfig> config, HistoryReader historyReader, Clock clock,
                     Supplier<List<Incident>> mapIncidents) {
        this.config = config;
        this.historyReader = historyReader;
        this.vantageReads = new VantageReads(historyReader);
        this.clock = clock;
        this.mapIncidents = mapIncidents;
        this.history = HistorySnapshot.empty(clock.instant());
    }

    /** The history as of the last refresh (empty before the first one completes). */
    HistorySnapshot current() {
        return history;
    }

    /**
     * Re-reads the history the pages draw. The first read covers the whole 90 days and 24 hours; later reads only
     * today's bucket and the newest 5-minute buckets (the past does not change), merged into what was read before.
     */
    Future<Void> refresh() {
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
        BongsuConfig cfg = config.get();
        for (ServiceConfig s : cfg.services()) {
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
        reads.add(vantageReads.refresh(cfg, mapIncidents.get(), now, measured).onSuccess(m -> measured = m));
        return Future.join(reads).<Void>mapEmpty().recover(e -> {
            LOG.warning("status page: history partly unavailable, keeping what was read: " + e.getMessage());
            return Future.succeededFuture();
        }).onComplete(x -> {
            Map<String, List<ServiceBucket>> d = new HashMap<>(sameDays ? before.daily() : Map.of());
            Map<String, List<ServiceBucket>> r = new HashMap<>(before.recent());
            d.putAll(daily);
            r.putAll(recent);
            // a service removed by a reload is not drawn any more: forget its buckets
            Set<String> configured = new HashSet<>();
            cfg.services().forEach(s -> configured.add(s.id()));
            d.keySet().retainAll(configured);
            r.keySet().retainAll(configured);
            history = new HistorySnapshot(daysFrom, d, dayFrom, r, measured);
        });
    }
}
