package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.Incident;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.publicview.PublicView;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Reads what each vantage measured from the minute rollups, with bounded queries: a service's last minutes, an
 * incident's window (its first hours, its first member services). Resolved incidents are read once and kept.
 */
public final class VantageReads {
    private static final Logger LOG = Logger.getLogger(VantageReads.class.getName());
    /** Rollups of the last minutes of an incident may still arrive this long after it was resolved. */
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final HistoryReader history;
    private final Map<String, Kept> resolved = new ConcurrentHashMap<>();

    private record Kept(long sequence, MeasuredWindow window) {
    }

    /** Reads from this history. */
    public VantageReads(HistoryReader history) {
        this.history = history;
    }

    /** Whether any vantage may be shown in public; without one there is nothing to read. */
    public static boolean anyPublic(PublicView view) {
        return view.config().vantageNames().stream().anyMatch(v -> view.isPublic("vantage", v));
    }

    /** A service's probes per vantage over the {@link MeasuredWindows#live live window}. */
    public Future<MeasuredWindow> service(String serviceId, Instant now) {
        MeasuredWindow w = MeasuredWindows.live(now);
        return history.serviceRollups(serviceId, w.from(), w.to())
                .map(rollups -> new MeasuredWindow(w.from(), w.to(), VantageTally.sum(rollups), false));
    }

    /** An incident's member services' probes per vantage over its {@link MeasuredWindows#incident window}. */
    public Future<MeasuredWindow> incident(Incident i, Instant now) {
        MeasuredWindow w = MeasuredWindows.incident(i, now);
        List<Future<List<Rollup>>> reads = new ArrayList<>();
        for (String s : MeasuredWindows.services(i)) {
            reads.add(history.serviceRollups(s, w.from(), w.to()));
        }
        return Future.all(reads).map(all -> {
            List<Rollup> rollups = new ArrayList<>();
            for (int k = 0; k < reads.size(); k++) {
                rollups.addAll(all.<List<Rollup>>resultAt(k));
            }
            return new MeasuredWindow(w.from(), w.to(), VantageTally.sum(rollups), w.capped());
        });
    }

    /**
     * The outage map of an incident read from the store (its page was not pre-rendered): {@link OutageMap#EMPTY}
     * without a public vantage, or when the history cannot answer, so the page is still served.
     */
    public Future<OutageMap> map(PublicView view, Incident i, Instant now) {
        if (!anyPublic(view)) {
            return Future.succeededFuture(OutageMap.EMPTY);
        }
        return incident(i, now).map(w -> OutageMap.of(view, w)).recover(e -> {
            LOG.warning("status page: probes per vantage of incident " + i.id() + " unavailable: " + e.getMessage());
            return Future.succeededFuture(OutageMap.EMPTY);
        });
    }

    /**
     * Everything a build shows: every service's live window and the windows of {@code incidents} (those with a
     * pre-rendered page). A read that fails keeps what was read before, so this future never fails.
     */
    public Future<VantageMeasurements> refresh(BongsuConfig cfg, List<Incident> incidents, Instant now, VantageMeasurements before) {
        if (!anyPublic(new PublicView(cfg))) {
            return Future.succeededFuture(VantageMeasurements.NONE);
        }
        Map<String, MeasuredWindow> services = new ConcurrentHashMap<>();
        Map<String, MeasuredWindow> windows = new ConcurrentHashMap<>();
        List<Future<?>> reads = new ArrayList<>();
        for (ServiceConfig s : cfg.services()) {
            reads.add(service(s.id(), now).onSuccess(w -> services.put(s.id(), w))
                    .recover(e -> kept(before.service(s.id()).orElse(null), services, s.id(), e)));
        }
        Set<String> shown = new HashSet<>();
        for (Incident i : incidents) {
            shown.add(i.id());
            Kept k = resolved.get(i.id());
            if (k != null && k.sequence() == i.sequence()) {
                windows.put(i.id(), k.window());
                continue;
            }
            boolean settled = !i.isOpen() && i.resolvedAt().plus(SETTLE).isBefore(now);
            reads.add(incident(i, now).onSuccess(w -> {
                windows.put(i.id(), w);
                if (settled) {
                    resolved.put(i.id(), new Kept(i.sequence(), w));
                }
            }).recover(e -> kept(before.incident(i.id()).orElse(null), windows, i.id(), e)));
        }
        resolved.keySet().retainAll(shown);
        return Future.join(reads).transform(x -> Future.succeededFuture(new VantageMeasurements(services, windows)));
    }

    private static <T> Future<T> kept(MeasuredWindow old, Map<String, MeasuredWindow> into, String key, Throwable e) {
        LOG.warning("status page: probes per vantage of " + key + " unavailable, keeping what was read before: " + e.getMessage());
        if (old != null) {
            into.put(key, old);
        }
        return Future.succeededFuture();
    }
}
