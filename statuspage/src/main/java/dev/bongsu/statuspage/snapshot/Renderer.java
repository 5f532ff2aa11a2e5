package dev.bongsu.statuspage.snapshot;

import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.api.AtomFeed;
import dev.bongsu.statuspage.api.Csv;
import dev.bongsu.statuspage.api.PublicJson;
import dev.bongsu.statuspage.api.StatuspageV2;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.embed.EmbedSnapshots;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.render.Badges;
import dev.bongsu.statuspage.render.HomePage;
import dev.bongsu.statuspage.render.IncidentPage;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.ServicePage;
import dev.bongsu.statuspage.vantagemap.OutageMaps;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Renders every pre-built answer from one {@link SiteData}; pure and CPU-only, so it runs on a worker thread. */
public final class Renderer {
    /** Content-Type of pages. */
    public static final String HTML = "text/html; charset=utf-8";
    /** Content-Type of JSON answers. */
    public static final String JSON = "application/json; charset=utf-8";
    /** Content-Type of CSV answers. */
    public static final String CSV = "text/csv; charset=utf-8";
    /** Content-Type of badges. */
    public static final String SVG = "image/svg+xml; charset=utf-8";
    /** Content-Type of the feed. */
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    /** Resolved incidents that get a pre-rendered page, besides every open one. */
    public static final int PRERENDERED_PAST_INCIDENTS = 50;

    private Renderer() {
    }

    /** Every pre-built answer, keyed by {@link SnapshotKeys}; {@code css} is the stylesheet. */
    public static SnapshotSet renderAll(SiteData d, Snapshot css) {
        Map<String, Snapshot> out = new HashMap<>();
        out.put("/assets/status.css", css);
        for (Lang lang : Lang.values()) {
            out.put(SnapshotKeys.page("/", lang.tag()), Snapshot.of(HTML, Snapshot.LIVE, HomePage.render(d, lang)));
            for (ServiceConfig s : d.config().services()) {
                out.put(SnapshotKeys.page("/services/" + s.id(), lang.tag()), Snapshot.of(HTML, Snapshot.LIVE, ServicePage.render(d, s, lang)));
                out.put(SnapshotKeys.badge(s.id(), lang.tag()), Snapshot.of(SVG, Snapshot.LIVE, d.maintenanceOf(s.id()).isPresent()
                        ? Badges.maintenance(s.name().in(lang.tag()), lang) : Badges.badge(s.name().in(lang.tag()), d.state(s.id()).health(), lang)));
            }
            List<PublicIncident> pages = Stream.concat(d.incidents().stream().filter(PublicIncident::isOpen),
                    d.incidents().stream().filter(i -> !i.isOpen()).limit(PRERENDERED_PAST_INCIDENTS)).toList();
            for (PublicIncident i : pages) {
                out.put(SnapshotKeys.page("/incidents/" + i.id(), lang.tag()),
                        Snapshot.of(HTML, Snapshot.LIVE, IncidentPage.render(d.view(), i,
                                d.incidents().stream().filter(m -> i.id().equals(m.parentId())).toList(), OutageMaps.incident(d, i), lang, d.now())));
            }
        }
        JsonObject status = PublicJson.status(d);
        out.put("/api/v1/status", json(status));
        out.put("/api/v1/status.csv", Snapshot.of(CSV, Snapshot.LIVE, Csv.services(status)));
        JsonObject services = PublicJson.services(d);
        out.put("/api/v1/services", json(services));
        out.put("/api/v1/services.csv", Snapshot.of(CSV, Snapshot.LIVE, Csv.services(services)));
        JsonObject all = PublicJson.incidents(d.incidents());
        out.put("/api/v1/incidents", json(all));
        out.put("/api/v1/incidents.csv", Snapshot.of(CSV, Snapshot.LIVE, Csv.incidents(all)));
        JsonObject open = PublicJson.incidents(d.incidents().stream().filter(PublicIncident::isOpen).toList());
        out.put("/api/v1/incidents?state=open", json(open));
        out.put("/api/v1/incidents.csv?state=open", Snapshot.of(CSV, Snapshot.LIVE, Csv.incidents(open)));
        out.put("/feed.atom", Snapshot.of(ATOM, Snapshot.LIVE, AtomFeed.render(d)));
        MaintenanceSnapshots.add(out, d);
        out.put("/api/v2/summary.json", json(StatuspageV2.summary(d)));
        out.put("/api/v2/status.json", json(StatuspageV2.status(d)));
        out.put("/api/v2/components.json", json(StatuspageV2.components(d)));
        out.put("/api/v2/incidents.json", json(StatuspageV2.incidents(d)));
        out.put("/api/v2/incidents/unresolved.json", json(StatuspageV2.unresolved(d)));
        out.putAll(EmbedSnapshots.render(d));
        return new SnapshotSet(d.now(), out);
    }

    private static Snapshot json(JsonObject o) {
        return Snapshot.of(JSON, Snapshot.LIVE, o.encode());
    }

}
