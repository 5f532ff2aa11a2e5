package dev.bongsu.statuspage.reports;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.snapshot.Renderer;
import dev.bongsu.statuspage.snapshot.Snapshot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Computes reports from the stores, gently: a service's minutes are read a week at a time and folded as they come
 * (never all held), services one after the other; answers are kept for {@link #CACHE_FOR} and a query asked again
 * meanwhile shares the first computation; at most {@link #MAX_RUNNING} distinct reports are computed at once and
 * {@link #MAX_WAITING} wait, beyond which the caller is told to come back ({@link Busy}).
 */
public final class ReportService {
    /** How long an answer is reused. */
    public static final Duration CACHE_FOR = Duration.ofSeconds(30);
    /** Reports computed at once. */
    public static final int MAX_RUNNING = 2;
    /** Reports waiting their turn. */
    public static final int MAX_WAITING = 16;
    /** The most incidents a report reads; beyond, the answer says it is not complete. */
    public static final int MAX_INCIDENTS = 10_000;
    private static final int MAX_CACHED = 256;
    private static final Duration CHUNK = Duration.ofDays(7);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String CACHE_CONTROL = "public, max-age=30";

    private final HistoryReader history;
    private final IncidentReader incidents;
    private final Clock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>();
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    /** A report answer in both formats. */
    public record Answer(Snapshot json, Snapshot csv) {
    }

    /** Too many reports are being computed: try again in a few seconds. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many reports are being computed, try again in a few seconds", null, false, false);
        }
    }

    private record Cached(Future<Answer> answer, long expires) {
    }

    /** Reports read from these stores, timed by {@code clock}. */
    public ReportService(HistoryReader history, IncidentReader incidents, Clock clock) {
        this.history = history;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The answer to a query, from the cache or computed. */
    public Future<Answer> report(ReportQuery q, PublicView view) {
        long now = clock.millis();
        synchronized (this) {
            Cached c = cache.get(q.key());
            if (c != null && c.expires() > now) {
                return c.answer();
            }
            evict(now);
            Future<Answer> answer = admit(() -> compute(q, view));
            Cached entry = new Cached(answer, now + CACHE_FOR.toMillis());
            cache.put(q.key(), entry);
            answer.onFailure(e -> forget(q.key(), entry));
            return answer;
        }
    }

    private synchronized void forget(String key, Cached entry) {
        cache.remove(key, entry);
    }

    private void evict(long now) {
        cache.values().removeIf(c -> c.expires() <= now);
        Iterator<String> oldest = cache.keySet().iterator();
        while (cache.size() >= MAX_CACHED && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private Future<Answer> admit(Supplier<Future<Answer>> work) {
        if (running < MAX_RUNNING) {
            running++;
            return run(work);
        }
        if (waiting.size() >= MAX_WAITING) {
            return Future.failedFuture(new Busy());
        }
        Promise<Answer> turn = Promise.promise();
        waiting.add(() -> run(work).onComplete(turn));
        return turn.future();
    }

    private Future<Answer> run(Supplier<Future<Answer>> work) {
        Future<Answer> f;
        try {
            f = work.get();
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        return f.onComplete(x -> next());
    }

    private void next() {
        Runnable r;
        synchronized (this) {
            r = waiting.poll();
            if (r == null) {
                running--;
            }
        }
        if (r != null) {
            r.run();
        }
    }

    private Future<Answer> compute(ReportQuery q, PublicView view) {
        Instant now = clock.instant();
        return incidents.incidents(new IncidentQuery(null, q.from(), q.to(), MAX_INCIDENTS)).compose(list -> {
            List<PublicIncident> shown = view.incidents(list, id -> List.of());
            OutageReport report = new OutageReport(view, q.from(), q.to(), now, shown);
            return readMinutes(report, view.config().services()).map(x -> {
                JsonObject doc = ReportDocument.json(q, report, report.rows(q.by()), now, list.size() < MAX_INCIDENTS);
                return new Answer(Snapshot.of(Renderer.JSON, CACHE_CONTROL, doc.encode()),
                        Snapshot.of(Renderer.CSV, CACHE_CONTROL, ReportDocument.csv(doc)));
            });
        });
    }

    /** Every service's one-minute buckets, a week at a time, services one after the other. */
    private Future<Void> readMinutes(OutageReport report, List<ServiceConfig> services) {
        Future<Void> chain = Future.succeededFuture();
        for (ServiceConfig s : services) {
            MinuteTally tally = report.tally(s.id());
            for (long a = report.from(); a < report.minutesUntil(); a += CHUNK.toMillis()) {
                Instant from = Instant.ofEpochMilli(a);
                Instant to = Instant.ofEpochMilli(Math.min(a + CHUNK.toMillis(), report.minutesUntil()));
                chain = chain.compose(x -> history.serviceHistory(s.id(), from, to, MINUTE).map(buckets -> {
                    tally.add(buckets);
                    return null;
                }));
            }
        }
        return chain;
    }
}
