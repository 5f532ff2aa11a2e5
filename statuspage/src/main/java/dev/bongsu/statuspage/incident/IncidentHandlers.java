package dev.bongsu.statuspage.incident;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.api.Csv;
import dev.bongsu.statuspage.api.PublicJson;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.data.SiteState;
import dev.bongsu.statuspage.render.IncidentPage;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.snapshot.Renderer;
import dev.bongsu.statuspage.snapshot.Responder;
import dev.bongsu.statuspage.snapshot.Snapshot;
import dev.bongsu.statuspage.snapshot.SnapshotKeys;
import dev.bongsu.statuspage.updates.UpdatesStore;
import dev.bongsu.statuspage.vantagemap.OutageMap;
import dev.bongsu.statuspage.vantagemap.OutageMaps;
import dev.bongsu.statuspage.vantagemap.VantageReads;
import dev.bongsu.statuspage.web.Answers;
import dev.bongsu.statuspage.web.VisitorLang;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * One incident, citable: {@code GET /incidents/:id} (the page, pre-rendered for open and recent incidents, else built
 * from the store, so a permalink keeps working for every incident) and {@code GET /api/v1/incidents/:id} as JSON,
 * or as CSV of its timeline with a {@code .csv} suffix or {@code Accept: text/csv}. Both carry
 * {@code Link: <permalink>; rel="canonical"}. An unknown id and a probe fault answer 404 alike.
 */
public final class IncidentHandlers {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final AtomicReference<SiteState> state;
    private final IncidentRecords records;
    private final VantageReads vantageReads;

    /**
     * Handlers reading the last build from {@code state}, else {@code incidents} (which must include declared ones);
     * {@code history} gives the outage map of a page built from the store.
     */
    public IncidentHandlers(AtomicReference<SiteState> state, IncidentReader incidents, UpdatesStore updates, HistoryReader history) {
        this.state = state;
        this.records = new IncidentRecords(incidents, updates);
        this.vantageReads = new VantageReads(history);
    }

    /** {@code GET /api/v1/incidents/:id} and {@code …/:id.csv}. */
    public void api(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        boolean csv = id.endsWith(".csv");
        if (csv) {
            id = id.substring(0, id.length() - 4);
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        boolean asCsv = csv || (accept != null && accept.contains("text/csv"));
        if (!ID.matcher(id).matches()) {
            ApiErrors.send(ctx, 404, "no public incident with this id");
            return;
        }
        SiteData d = state.get().data();
        String shownId = id;
        records.find(d, id).compose(found -> {
            if (found.isEmpty()) {
                ApiErrors.send(ctx, 404, "no public incident '" + shownId + "': see /api/v1/incidents for the ids");
                return Future.succeededFuture();
            }
            IncidentRecords.Found f = found.get();
            return outageMap(d, f).onSuccess(m -> {
                JsonObject doc = PublicJson.incidentRecord(d.view(), f.incident(), f.timeline(d), d.now()).put("vantageMap", m.toJson());
                String cache = f.incident().isOpen() ? Snapshot.LIVE : Snapshot.PAST;
                Snapshot s = asCsv ? Snapshot.of(Renderer.CSV, cache, Csv.timeline(doc)) : Snapshot.of(Renderer.JSON, cache, doc.encode());
                canonical(ctx, doc.getString("permalink"));
                Responder.send(ctx, s, Responder.VARY_ACCEPT);
            });
        }).onFailure(e -> Answers.failure(ctx, e));
    }

    /** Where the incident failed from: from the last build's reads, or read from the store for an older incident. */
    private Future<OutageMap> outageMap(SiteData d, IncidentRecords.Found f) {
        return f.stored() == null ? Future.succeededFuture(OutageMaps.incident(d, f.incident()))
                : vantageReads.map(d.view(), f.stored(), d.now());
    }

    /** {@code GET /incidents/:id}: the pre-rendered page when there is one, else one built from the store. */
    public void page(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Lang lang;
        try {
            lang = VisitorLang.of(ctx);
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        SiteState st = state.get();
        String permalink = st.data().config().statusPage().permalink("/incidents/" + id);
        Snapshot s = st.snapshots().get(SnapshotKeys.page("/incidents/" + id, lang.tag()));
        if (s != null) {
            canonical(ctx, permalink);
            Responder.send(ctx, s, Responder.VARY_LANG);
            return;
        }
        if (!ID.matcher(id).matches()) {
            Answers.notFoundPage(ctx, lang);
            return;
        }
        SiteData d = st.data();
        records.find(d, id).compose(found -> {
            if (found.isEmpty()) {
                Answers.notFoundPage(ctx, lang);
                return Future.succeededFuture();
            }
            IncidentRecords.Found f = found.get();
            return outageMap(d, f).onSuccess(m -> {
                String html = IncidentPage.render(d.view(), f.incident(), f.members(), m, lang, d.now());
                canonical(ctx, permalink);
                Responder.send(ctx, Snapshot.of(Renderer.HTML, f.incident().isOpen() ? Snapshot.LIVE : Snapshot.PAST, html),
                        Responder.VARY_LANG);
            });
        }).onFailure(e -> Answers.failure(ctx, e));
    }

    private static void canonical(RoutingContext ctx, String permalink) {
        ctx.response().putHeader("Link", "<" + permalink + ">; rel=\"canonical\"");
    }

}
