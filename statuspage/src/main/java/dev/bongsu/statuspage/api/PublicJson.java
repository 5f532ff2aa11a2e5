package dev.bongsu.statuspage.api;

import dev.bongsu.model.Evidence;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.data.Overall;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.maintenance.PublicMaintenance;
import dev.bongsu.statuspage.render.Charts;
import dev.bongsu.statuspage.render.MaintenanceFragments;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.declared.Postmortem;
import dev.bongsu.statuspage.publicview.IncidentTimeline;
import dev.bongsu.statuspage.publicview.PublicEntry;
import dev.bongsu.statuspage.publicview.PublicHypothesis;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The journalist API's JSON documents, built only from the {@link PublicView public view}. */
public final class PublicJson {
    private PublicJson() {
    }

    /** {@code {"ko":…,"en":…}}. */
    public static JsonObject text(LocalizedText t) {
        return t == null ? null : new JsonObject().put("ko", t.ko()).put("en", t.en());
    }

    /** The answer of {@code /api/v1/status}. */
    public static JsonObject status(SiteData d) {
        Overall o = d.overall();
        JsonArray services = new JsonArray();
        for (ServiceConfig s : d.config().services()) {
            services.add(serviceCore(s, d.state(s.id())).put("state", MaintenanceFragments.stateName(d, s.id())));
        }
        return new JsonObject()
                .put("page", new JsonObject().put("title", text(d.config().statusPage().title())).put("url", d.config().pageUrl()))
                .put("overall", new JsonObject().put("state", o.wireName())
                        .put("text", text(new LocalizedText(Texts.overall(Lang.KO, o), Texts.overall(Lang.EN, o)))))
                .put("updatedAt", Times.iso(d.now()))
                .put("openIncidents", d.openTopLevel().size())
                .put("services", services);
    }

    /** The answer of {@code /api/v1/services}: status plus every public attribute and uptime figures. */
    public static JsonObject services(SiteData d) {
        JsonArray services = new JsonArray();
        for (ServiceConfig s : d.config().services()) {
            JsonObject o = serviceCore(s, d.state(s.id())).put("state", MaintenanceFragments.stateName(d, s.id()));
            o.put("maintenance", d.maintenanceOf(s.id()).map(PublicMaintenance::id).orElse(null));
            JsonObject attrs = new JsonObject();
            s.publicAttributeValues().forEach((k, v) -> attrs.put(k, v instanceof List<?> l ? new JsonArray(List.copyOf(l)) : v));
            o.put("attributes", attrs);
            o.put("uptime24h", ratio(Charts.percent(d.history().recent().getOrDefault(s.id(), List.of()))));
            o.put("uptime90d", ratio(Charts.percent(d.history().daily().getOrDefault(s.id(), List.of()))));
            o.put("openIncidents", new JsonArray(d.incidentsOf(s.id()).stream().filter(PublicIncident::isOpen).map(PublicIncident::id).toList()));
            o.put("links", new JsonObject()
                    .put("page", "/services/" + s.id())
                    .put("history", "/api/v1/services/" + s.id() + "/history")
                    .put("badge", "/badge/" + s.id() + ".svg"));
            services.add(o);
        }
        return new JsonObject().put("updatedAt", Times.iso(d.now())).put("services", services);
    }

    private static Double ratio(double percent) {
        return Double.isNaN(percent) ? null : Math.round(percent * 1000) / 100000.0;
    }

    private static JsonObject serviceCore(ServiceConfig s, ServiceState st) {
        return new JsonObject()
                .put("id", s.id())
                .put("name", text(s.name()))
                .put("provider", PublicView.attribute(s, "provider"))
                .put("category", PublicView.attribute(s, "category"))
                .put("state", st.health().wireName())
                .put("since", st.since().equals(Instant.EPOCH) ? null : Times.iso(st.since()));
    }

    /** One incident, with its public hypothesis, timeline and human updates. */
    public static JsonObject incident(PublicIncident i) {
        JsonArray timeline = new JsonArray();
        for (PublicEntry t : i.timeline()) {
            timeline.add(new JsonObject().put("sequence", t.sequence()).put("at", Times.iso(t.at())).put("type", t.type().wireName())
                    .put("text", text(t.text())).put("services", new JsonArray(t.services())));
        }
        JsonArray ups = new JsonArray();
        for (IncidentUpdate u : i.updates()) {
            ups.add(update(u));
        }
        return new JsonObject()
                .put("id", i.id())
                .put("kind", i.kind().wireName())
                .put("state", i.state().wireName())
                .put("severity", i.severity().wireName())
                .put("title", text(i.title()))
                .put("services", new JsonArray(i.services()))
                .put("vantages", new JsonArray(i.vantages()))
                .put("startedAt", Times.iso(i.startedAt()))
                .put("updatedAt", Times.iso(i.updatedAt()))
                .put("resolvedAt", Times.iso(i.resolvedAt()))
                .put("acknowledgedAt", Times.iso(i.acknowledgedAt()))
                .put("hypothesis", hypothesis(i.hypothesis()))
                .put("parentId", i.parentId())
                .put("timeline", timeline)
                .put("updates", ups)
                .put("url", "/incidents/" + i.id())
                .put("origin", i.origin().wireName())
                .put("declared", i.isDeclared())
                .put("impact", i.impact() == null ? null : i.impact().wireName());
    }

    /**
     * The answer of {@code GET /api/v1/incidents/:id}: the incident with its one merged timeline (see
     * {@link IncidentTimeline}), per-service recovery, postmortem and permalink; built only from the public view.
     */
    public static JsonObject incidentRecord(PublicView view, PublicIncident i, IncidentTimeline t, Instant now) {
        JsonArray services = new JsonArray();
        for (String s : i.services()) {
            services.add(new JsonObject().put("id", s).put("name", text(new LocalizedText(view.name(s, Lang.KO), view.name(s, Lang.EN))))
                    .put("recoveredAt", Times.iso(t.recoveries().get(s))));
        }
        JsonArray steps = new JsonArray();
        for (IncidentTimeline.Step st : t.steps()) {
            steps.add(new JsonObject().put("at", Times.iso(st.at())).put("type", st.type()).put("text", text(st.text()))
                    .put("services", new JsonArray(st.services()))
                    .put("updateId", st.update() == null ? null : st.update().id())
                    .put("status", st.update() == null ? null : st.update().status().wireName()));
        }
        JsonArray ups = new JsonArray();
        i.updates().forEach(u -> ups.add(update(u)));
        Instant end = i.resolvedAt() != null ? i.resolvedAt() : now;
        String path = "/incidents/" + i.id();
        return new JsonObject()
                .put("id", i.id())
                .put("kind", i.kind().wireName())
                .put("origin", i.origin().wireName())
                .put("declared", i.isDeclared())
                .put("state", i.state().wireName())
                .put("severity", i.severity().wireName())
                .put("impact", i.impact() == null ? null : i.impact().wireName())
                .put("title", text(i.title()))
                .put("services", services)
                .put("vantages", new JsonArray(i.vantages()))
                .put("startedAt", Times.iso(t.startedAt()))
                .put("detectedAt", Times.iso(t.detectedAt()))
                .put("firstUpdateAt", Times.iso(t.firstUpdateAt()))
                .put("resolvedAt", Times.iso(t.resolvedAt()))
                .put("acknowledgedAt", Times.iso(t.acknowledgedAt()))
                .put("durationSeconds", java.time.Duration.between(i.startedAt(), end).toSeconds())
                .put("hypothesis", hypothesis(i.hypothesis()))
                .put("parentId", i.parentId())
                .put("timeline", steps)
                .put("updates", ups)
                .put("postmortem", i.postmortem() == null ? null : postmortem(i.postmortem()))
                .put("permalink", view.config().statusPage().permalink(path))
                .put("links", new JsonObject().put("page", path).put("json", "/api/v1/incidents/" + i.id())
                        .put("csv", "/api/v1/incidents/" + i.id() + ".csv"));
    }

    /** A postmortem note: its text and when it was written and last edited. */
    public static JsonObject postmortem(Postmortem p) {
        return new JsonObject().put("text", text(p.text())).put("at", Times.iso(p.at())).put("editedAt", Times.iso(p.editedAt()));
    }

    /** One human update; {@code editedAt} is {@code null} unless it was edited. */
    public static JsonObject update(IncidentUpdate u) {
        return new JsonObject().put("id", u.id()).put("incidentId", u.incidentId()).put("status", u.status().wireName())
                .put("text", text(u.text())).put("at", Times.iso(u.at())).put("editedAt", Times.iso(u.editedAt()));
    }

    /** A public hypothesis: attribute, value and text are {@code null} when the cause may not be named. */
    public static JsonObject hypothesis(PublicHypothesis h) {
        if (h == null) {
            return null;
        }
        JsonArray ev = new JsonArray();
        for (Evidence e : h.evidence()) {
            ev.add(new JsonObject().put("attribute", e.attribute()).put("value", e.value()).put("down", e.down()).put("total", e.total()));
        }
        return new JsonObject()
                .put("attribute", h.attribute())
                .put("value", h.value())
                .put("text", text(h.text()))
                .put("evidence", ev);
    }

    /** {@code {"incidents":[…]}}. */
    public static JsonObject incidents(List<PublicIncident> incidents) {
        JsonArray a = new JsonArray();
        // a service incident that is part of a listed correlated one is named in its "members", not listed again
        for (PublicIncident i : SiteData.topLevel(incidents, incidents)) {
            a.add(incident(i).put("members", new JsonArray(SiteData.members(i, incidents))));
        }
        return new JsonObject().put("incidents", a);
    }

    /** A service's history buckets. */
    public static JsonObject history(String serviceId, Instant from, Instant to, java.time.Duration step, List<ServiceBucket> buckets) {
        JsonArray a = new JsonArray();
        for (ServiceBucket b : buckets) {
            a.add(new JsonObject()
                    .put("start", Times.iso(Instant.ofEpochMilli(b.start())))
                    .put("count", b.count())
                    .put("okCount", b.okCount())
                    .put("availability", num(b.availability()))
                    .put("p50Ms", num(b.p50Ms()))
                    .put("p95Ms", num(b.p95Ms()))
                    .put("maxMs", num(b.maxMs())));
        }
        return new JsonObject().put("service", serviceId).put("from", Times.iso(from)).put("to", Times.iso(to))
                .put("step", step.toString()).put("buckets", a);
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 10_000) / 10_000.0;
    }
}
