package dev.bongsu.statuspage.api;

import dev.bongsu.model.Health;
import dev.bongsu.model.Severity;
import dev.bongsu.model.ServiceState;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.statuspage.data.Overall;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.render.Fragments;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.updates.IncidentUpdate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Atlassian Statuspage v2 read API ({@code /api/v2/…}), so existing aggregators can follow Bongsu. */
public final class StatuspageV2 {
    /** The page id every document carries. */
    public static final String PAGE_ID = "bongsu";

    private StatuspageV2() {
    }

    /** {@code page}. */
    public static JsonObject page(SiteData d) {
        return new JsonObject().put("id", PAGE_ID).put("name", d.config().statusPage().title().en())
                .put("url", d.config().pageUrl()).put("time_zone", "Asia/Seoul").put("updated_at", Times.iso(d.now()));
    }

    /** {@code /api/v2/status.json}. */
    public static JsonObject status(SiteData d) {
        return new JsonObject().put("page", page(d)).put("status", indicator(d.overall()));
    }

    /** {@code /api/v2/components.json}. */
    public static JsonObject components(SiteData d) {
        return new JsonObject().put("page", page(d)).put("components", componentList(d));
    }

    /** {@code /api/v2/incidents.json}: the newest 50 incidents. */
    public static JsonObject incidents(SiteData d) {
        return new JsonObject().put("page", page(d))
                .put("incidents", incidentList(d, SiteData.topLevel(d.incidents(), d.incidents()).stream().limit(50).toList()));
    }

    /** {@code /api/v2/incidents/unresolved.json}. */
    public static JsonObject unresolved(SiteData d) {
        return new JsonObject().put("page", page(d)).put("incidents", incidentList(d, d.openTopLevel()));
    }

    /** {@code /api/v2/summary.json}. */
    public static JsonObject summary(SiteData d) {
        return new JsonObject().put("page", page(d)).put("components", componentList(d))
                .put("incidents", incidentList(d, d.openTopLevel()))
                .put("scheduled_maintenances", MaintenanceJson.v2Summary(d)).put("status", indicator(d.overall()));
    }

    private static JsonObject indicator(Overall o) {
        return switch (o) {
            case OPERATIONAL, NO_DATA -> new JsonObject().put("indicator", "none").put("description", "All Systems Operational");
            case DEGRADED -> new JsonObject().put("indicator", "minor").put("description", "Minor Service Outage");
            case PARTIAL_OUTAGE -> new JsonObject().put("indicator", "major").put("description", "Partial System Outage");
            case MAJOR_OUTAGE -> new JsonObject().put("indicator", "critical").put("description", "Major System Outage");
            case MAINTENANCE -> new JsonObject().put("indicator", "maintenance").put("description", "Service Under Maintenance");
        };
    }

    /** The component status of a service health; v2 has no "unknown", so a service without data reads operational. */
    static String componentStatus(Health h) {
        return switch (h) {
            case UP, UNKNOWN -> "operational";
            case DEGRADED -> "degraded_performance";
            case DOWN -> "major_outage";
        };
    }

    /** The component status of a service as shown: {@code under_maintenance} while a maintenance in progress covers it. */
    static String componentStatus(SiteData d, String serviceId) {
        return d.maintenanceOf(serviceId).isPresent() ? "under_maintenance" : componentStatus(d.state(serviceId).health());
    }

    private static JsonArray componentList(SiteData d) {
        JsonArray a = new JsonArray();
        int pos = 1;
        for (ServiceConfig s : d.config().services()) {
            ServiceState st = d.state(s.id());
            Instant changed = st.since().equals(Instant.EPOCH) ? d.now() : st.since();
            a.add(new JsonObject()
                    .put("id", s.id()).put("name", s.name().en()).put("status", componentStatus(d, s.id()))
                    .put("created_at", Times.iso(changed)).put("updated_at", Times.iso(changed))
                    .put("position", pos++).put("description", s.name().ko()).put("showcase", true).put("start_date", null)
                    .put("group_id", null).put("page_id", PAGE_ID).put("group", false).put("only_show_if_degraded", false));
        }
        return a;
    }

    private static JsonArray incidentList(SiteData d, List<PublicIncident> incidents) {
        JsonArray a = new JsonArray();
        for (PublicIncident i : incidents) {
            List<IncidentUpdate> human = i.updates();
            String status = !i.isOpen() ? "resolved" : human.isEmpty() ? "investigating" : human.get(human.size() - 1).status().wireName();
            JsonArray updates = new JsonArray();
            List<JsonObject> ups = new ArrayList<>();
            for (IncidentUpdate u : human) {
                ups.add(update(i, "u" + u.id(), u.status().wireName(), u.text().en(), u.at(), u.editedAt()));
            }
            String hyp = Fragments.hypothesisText(i, Lang.EN);
            ups.add(update(i, "t-open", "investigating", i.title().en() + (hyp == null ? "" : ". " + hyp), i.startedAt(), null));
            if (i.resolvedAt() != null) {
                ups.add(update(i, "t-resolved", "resolved", "All affected services have recovered.", i.resolvedAt(), null));
            }
            ups.sort((x, y) -> y.getString("created_at").compareTo(x.getString("created_at")));
            ups.forEach(updates::add);
            JsonArray comps = new JsonArray();
            for (String sid : i.services()) {
                d.service(sid).ifPresent(s -> comps.add(new JsonObject().put("id", s.id()).put("name", s.name().en())
                        .put("status", componentStatus(d, s.id())).put("page_id", PAGE_ID)));
            }
            a.add(new JsonObject()
                    .put("id", i.id()).put("name", i.title().en()).put("status", status)
                    .put("created_at", Times.iso(i.startedAt())).put("updated_at", Times.iso(i.updatedAt()))
                    .put("monitoring_at", null).put("resolved_at", Times.iso(i.resolvedAt()))
                    .put("impact", i.impact() != null ? v2Impact(i.impact())
                            : i.severity() == Severity.CRITICAL ? "critical" : i.severity() == Severity.WARNING ? "minor" : "none")
                    .put("shortlink", d.config().pageUrl() + "/incidents/" + i.id())
                    .put("started_at", Times.iso(i.startedAt())).put("page_id", PAGE_ID)
                    .put("incident_updates", updates).put("components", comps));
        }
        return a;
    }

    /** A declared impact in v2 words: degraded → minor, partial outage → major, major outage → critical. */
    private static String v2Impact(dev.bongsu.statuspage.declared.DeclaredImpact impact) {
        return switch (impact) {
            case DEGRADED -> "minor";
            case PARTIAL_OUTAGE -> "major";
            case MAJOR_OUTAGE -> "critical";
        };
    }

    private static JsonObject update(PublicIncident i, String id, String status, String body, Instant at, Instant editedAt) {
        return new JsonObject().put("id", i.id() + "-" + id).put("status", status).put("body", body).put("incident_id", i.id())
                .put("created_at", Times.iso(at)).put("updated_at", Times.iso(editedAt != null ? editedAt : at)).put("display_at", Times.iso(at))
                .put("affected_components", null).put("deliver_notifications", true).put("custom_tweet", null).put("tweet_id", null);
    }
}
