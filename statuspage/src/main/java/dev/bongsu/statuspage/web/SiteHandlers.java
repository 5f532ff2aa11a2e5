package dev.bongsu.statuspage.web;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.api.Csv;
import dev.bongsu.statuspage.api.Params;
import dev.bongsu.statuspage.api.PublicJson;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.data.SiteState;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.render.HistoryPage;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.snapshot.Renderer;
import dev.bongsu.statuspage.snapshot.Responder;
import dev.bongsu.statuspage.snapshot.Snapshot;
import dev.bongsu.statuspage.snapshot.SnapshotKeys;
import dev.bongsu.statuspage.updates.UpdatesStore;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The public request handlers: hot paths answer from snapshots, the rest read the stores with bounded queries. */
public final class SiteHandlers {
    /** The longest range a history or incident query may cover. */
    public static final Duration MAX_RANGE = Duration.ofDays(400);
    /** The most buckets one history answer may have. */
    public static final int MAX_BUCKETS = 2000;
    /** The most incidents one query answers. */
    public static final int MAX_INCIDENTS = 1000;
    private static final String HOME_KO = SnapshotKeys.page("/", "ko");
    private static final String HOME_EN = SnapshotKeys.page("/", "en");

    private final AtomicReference<SiteState> state;
    private final IncidentReader incidents;
    private final HistoryReader history;
    private final UpdatesStore updates;

    /** Handlers reading the latest build from {@code state}; incidents read from the store get their updates from {@code updates}. */
    public SiteHandlers(AtomicReference<SiteState> state, IncidentReader incidents, HistoryReader history, UpdatesStore updates) {
        this.state = state;
        this.incidents = incidents;
        this.history = history;
        this.updates = updates;
    }

    /** {@code GET /}: the home page from its snapshot. */
    public void home(RoutingContext ctx) {
        SiteState s = state.get();
        if (ctx.request().query() == null) {
            Lang lang = Lang.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            Responder.send(ctx, s.snapshots().get(lang == Lang.KO ? HOME_KO : HOME_EN), Responder.VARY_LANG);
            return;
        }
        page(ctx, "/");
    }

    /** {@code GET /api/v1/status}: from its snapshot, JSON or CSV. */
    public void status(RoutingContext ctx) {
        snapshot(ctx, "/api/v1/status", true);
    }

    /** A language-independent snapshot by key; {@code csv} allows content negotiation by Accept or suffix. */
    public void snapshot(RoutingContext ctx, String key, boolean csv) {
        String k = key;
        if (csv && (ctx.request().path().endsWith(".csv") || wantsCsv(ctx))) {
            k = key.endsWith(".csv") ? key : csvKey(key);
        }
        Snapshot s = state.get().snapshots().get(k);
        if (s == null) {
            ApiErrors.send(ctx, 404, "not found");
            return;
        }
        Responder.send(ctx, s, csv ? Responder.VARY_ACCEPT : Responder.VARY_PLAIN);
    }

    private static String csvKey(String key) {
        int q = key.indexOf('?');
        return q < 0 ? key + ".csv" : key.substring(0, q) + ".csv" + key.substring(q);
    }

    /** An HTML page snapshot in the visitor's language, or a 404 page. */
    public void page(RoutingContext ctx, String path) {
        Lang lang;
        try {
            lang = VisitorLang.of(ctx);
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        Snapshot s = state.get().snapshots().get(SnapshotKeys.page(path, lang.tag()));
        if (s == null) {
            Answers.notFoundPage(ctx, lang);
            return;
        }
        Responder.send(ctx, s, Responder.VARY_LANG);
    }

    /** {@code GET /services/:id}. */
    public void service(RoutingContext ctx) {
        page(ctx, "/services/" + ctx.pathParam("id"));
    }

    /** {@code GET /badge/:file}, file {@code <service>.svg}. */
    public void badge(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        Lang lang;
        try {
            lang = new Params(ctx.queryParams()).lang().orElse(Lang.EN);
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        Snapshot s = file.endsWith(".svg") ? state.get().snapshots().get(SnapshotKeys.badge(file.substring(0, file.length() - 4), lang.tag())) : null;
        if (s == null) {
            ApiErrors.send(ctx, 404, "no such service badge: use /badge/<service id>.svg");
            return;
        }
        Responder.send(ctx, s, Responder.VARY_PLAIN);
    }

    /** {@code GET /history?from=&to=}: incidents between two KST days (default: the last 30 days). */
    public void historyPage(RoutingContext ctx) {
        Lang lang;
        LocalDate from;
        LocalDate to;
        SiteData d = state.get().data();
        try {
            lang = VisitorLang.of(ctx);
            Params p = new Params(ctx.queryParams());
            LocalDate today = LocalDate.ofInstant(d.now(), Times.KST);
            to = p.day("to").orElse(today);
            from = p.day("from").orElse(to.minusDays(29));
            if (from.isAfter(to)) {
                throw new BadParameter("parameter 'from': must not be after 'to'");
            }
            if (from.plusDays(MAX_RANGE.toDays()).isBefore(to)) {
                throw new BadParameter("parameters 'from' and 'to': at most " + MAX_RANGE.toDays() + " days apart");
            }
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        Instant start = from.atStartOfDay(Times.KST).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Times.KST).toInstant();
        incidents.incidents(new IncidentQuery(null, start, end, MAX_INCIDENTS)).onSuccess(list -> {
            List<PublicIncident> all = d.view().incidents(list, updates::updatesFor);
            List<PublicIncident> pub = SiteData.topLevel(all, all);
            String html = HistoryPage.render(d.view(), pub, from, to, lang, d.now());
            Responder.send(ctx, Snapshot.of(Renderer.HTML, Snapshot.PAST, html), Responder.VARY_LANG);
        }).onFailure(e -> Answers.failure(ctx, e));
    }

    /** {@code GET /api/v1/incidents?state=&from=&to=}: from memory without a range, else from the store. */
    public void incidentsApi(RoutingContext ctx) {
        IncidentState filter;
        Instant from;
        Instant to;
        boolean csv = ctx.request().path().endsWith(".csv") || wantsCsv(ctx);
        try {
            Params p = new Params(ctx.queryParams());
            filter = p.incidentState("state").orElse(null);
            from = p.time("from").orElse(null);
            to = p.time("to").orElse(null);
            if (from != null && to != null && !from.isBefore(to)) {
                throw new BadParameter("parameter 'from': must be before 'to'");
            }
            if (from != null || to != null) {
                Instant a = from != null ? from : to.minus(MAX_RANGE);
                Instant b = to != null ? to : state.get().data().now();
                if (Duration.between(a, b).compareTo(MAX_RANGE) > 0) {
                    throw new BadParameter("parameters 'from' and 'to': at most " + MAX_RANGE.toDays() + " days apart");
                }
                from = a;
                to = b;
            }
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        SiteData d = state.get().data();
        if (from == null) {
            if (ctx.queryParams().size() == 0 || (ctx.queryParams().size() == 1 && filter == IncidentState.OPEN)) {
                snapshot(ctx, filter == IncidentState.OPEN ? "/api/v1/incidents?state=open" : "/api/v1/incidents", true);
                return;
            }
            List<PublicIncident> list = d.incidents().stream().filter(i -> filter == null || i.state() == filter).toList();
            answerIncidents(ctx, list, csv, Snapshot.LIVE);
            return;
        }
        IncidentQuery q = new IncidentQuery(filter, from, to, MAX_INCIDENTS);
        incidents.incidents(q).onSuccess(list -> answerIncidents(ctx, d.view().incidents(list, updates::updatesFor), csv, Snapshot.PAST))
                .onFailure(e -> Answers.failure(ctx, e));
    }

    private void answerIncidents(RoutingContext ctx, List<PublicIncident> list, boolean csv, String cache) {
        JsonObject doc = PublicJson.incidents(list);
        Snapshot s = csv ? Snapshot.of(Renderer.CSV, cache, Csv.incidents(doc)) : Snapshot.of(Renderer.JSON, cache, doc.encode());
        Responder.send(ctx, s, Responder.VARY_ACCEPT);
    }

    /** {@code GET /api/v1/services/:id/history?from=&to=&step=}. */
    public void historyApi(RoutingContext ctx) {
        SiteData d = state.get().data();
        String id = ctx.pathParam("id");
        if (d.service(id).isEmpty()) {
            ApiErrors.send(ctx, 404, "no such service: see /api/v1/services for the ids");
            return;
        }
        Instant from;
        Instant to;
        Duration step;
        try {
            Params p = new Params(ctx.queryParams());
            Optional<Instant> givenTo = p.time("to");
            // without an end, buckets end at the next 5-minute boundary so that they line up with the clock
            to = givenTo.orElse(Instant.ofEpochMilli((d.now().toEpochMilli() / 300_000 + 1) * 300_000));
            from = p.time("from").orElse(to.minus(Duration.ofHours(24)));
            if (!from.isBefore(to)) {
                throw new BadParameter("parameter 'from': must be before 'to'");
            }
            Duration range = Duration.between(from, to);
            if (range.compareTo(MAX_RANGE) > 0) {
                throw new BadParameter("parameters 'from' and 'to': at most " + MAX_RANGE.toDays() + " days apart");
            }
            Duration def = range.compareTo(Duration.ofDays(2)) <= 0 ? Duration.ofMinutes(5)
                    : range.compareTo(Duration.ofDays(31)) <= 0 ? Duration.ofHours(1) : Duration.ofDays(1);
            step = p.step("step", Duration.ofMinutes(1), Duration.ofDays(1)).orElse(def);
            long buckets = (range.toMillis() + step.toMillis() - 1) / step.toMillis();
            if (buckets > MAX_BUCKETS) {
                throw new BadParameter("parameter 'step': " + step + " over this range gives " + buckets + " buckets, at most "
                        + MAX_BUCKETS + " are allowed: use a larger step or a shorter range");
            }
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        boolean csv = ctx.request().path().endsWith(".csv") || wantsCsv(ctx);
        Instant f = from;
        Instant t = to;
        Duration st = step;
        history.serviceHistory(id, from, to, step).onSuccess(buckets -> {
            JsonObject doc = PublicJson.history(id, f, t, st, buckets);
            Snapshot s = csv ? Snapshot.of(Renderer.CSV, Snapshot.PAST, Csv.history(doc)) : Snapshot.of(Renderer.JSON, Snapshot.PAST, doc.encode());
            Responder.send(ctx, s, Responder.VARY_ACCEPT);
        }).onFailure(e -> Answers.failure(ctx, e));
    }

    private static boolean wantsCsv(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/csv");
    }


}
