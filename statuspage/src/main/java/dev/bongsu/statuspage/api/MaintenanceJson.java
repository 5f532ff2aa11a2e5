package dev.bongsu.statuspage.api;

import dev.bongsu.model.maintenance.MaintenancePhase;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.maintenance.MaintenanceView;
import dev.bongsu.statuspage.maintenance.PublicMaintenance;
import dev.bongsu.statuspage.render.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Scheduled maintenance in the public JSON API ({@code /api/v1/maintenance}) and in the Statuspage v2 shape. */
public final class MaintenanceJson {
    private MaintenanceJson() {
    }

    /** {@code /api/v1/maintenance}: in progress, scheduled, and the ended or cancelled ones of the last 7 days. */
    public static JsonObject list(SiteData d) {
        JsonArray a = new JsonArray();
        d.maintenance().forEach(m -> a.add(one(m)));
        return new JsonObject().put("updatedAt", Times.iso(d.now())).put("maintenance", a);
    }

    /** One maintenance in the v1 shape. */
    public static JsonObject one(PublicMaintenance m) {
        return new JsonObject()
                .put("id", m.id())
                .put("title", PublicJson.text(m.title()))
                .put("description", PublicJson.text(m.description()))
                .put("phase", m.phase().wireName())
                .put("start", Times.iso(m.start()))
                .put("end", Times.iso(m.end()))
                .put("recurring", m.recurring())
                .put("services", new JsonArray(m.services()))
                .put("createdAt", Times.iso(m.createdAt()))
                .put("updatedAt", Times.iso(m.updatedAt()))
                .put("cancelledAt", Times.iso(m.cancelledAt()))
                .put("url", m.path());
    }

    /** {@code /api/v2/scheduled-maintenances.json}: every listed maintenance. */
    public static JsonObject v2All(SiteData d) {
        return new JsonObject().put("page", StatuspageV2.page(d)).put("scheduled_maintenances", v2List(d, d.maintenance()));
    }

    /** {@code /api/v2/scheduled-maintenances/upcoming.json}: those not begun. */
    public static JsonObject v2Upcoming(SiteData d) {
        return new JsonObject().put("page", StatuspageV2.page(d))
                .put("scheduled_maintenances", v2List(d, d.maintenance().stream().filter(PublicMaintenance::scheduled).toList()));
    }

    /** {@code /api/v2/scheduled-maintenances/active.json}: those in progress. */
    public static JsonObject v2Active(SiteData d) {
        return new JsonObject().put("page", StatuspageV2.page(d)).put("scheduled_maintenances", v2List(d, MaintenanceView.active(d.maintenance())));
    }

    /** The maintenance objects {@code summary.json} carries: in progress and scheduled. */
    public static JsonArray v2Summary(SiteData d) {
        return v2List(d, d.maintenance().stream().filter(m -> m.inProgress() || m.scheduled()).toList());
    }

    private static JsonArray v2List(SiteData d, List<PublicMaintenance> list) {
        JsonArray a = new JsonArray();
        String base = d.config().pageUrl();
        for (PublicMaintenance m : list) {
            String status = switch (m.phase()) {
                case SCHEDULED -> "scheduled";
                case IN_PROGRESS -> "in_progress";
                case COMPLETED -> "completed";
                case CANCELLED -> "cancelled";
            };
            JsonArray comps = new JsonArray();
            for (String sid : m.services()) {
                d.service(sid).ifPresent(s -> comps.add(new JsonObject().put("id", s.id()).put("name", s.name().en())
                        .put("status", StatuspageV2.componentStatus(d, s.id())).put("page_id", StatuspageV2.PAGE_ID)));
            }
            String body = m.description() == null ? m.title().en() : m.description().en();
            JsonObject update = new JsonObject().put("id", m.id() + "-" + status).put("status", status).put("body", body)
                    .put("incident_id", m.id()).put("created_at", Times.iso(m.updatedAt())).put("updated_at", Times.iso(m.updatedAt()))
                    .put("display_at", Times.iso(m.updatedAt())).put("affected_components", null).put("deliver_notifications", true)
                    .put("custom_tweet", null).put("tweet_id", null);
            a.add(new JsonObject()
                    .put("id", m.id()).put("name", m.title().en()).put("status", status)
                    .put("created_at", Times.iso(m.createdAt() != null ? m.createdAt() : m.updatedAt()))
                    .put("updated_at", Times.iso(m.updatedAt()))
                    .put("monitoring_at", null)
                    .put("resolved_at", m.phase() == MaintenancePhase.COMPLETED ? Times.iso(m.end())
                            : m.cancelledAt() != null ? Times.iso(m.cancelledAt()) : null)
                    .put("impact", "maintenance")
                    .put("shortlink", base + m.path())
                    .put("started_at", Times.iso(m.start()))
                    .put("page_id", StatuspageV2.PAGE_ID)
                    .put("incident_updates", new JsonArray().add(update))
                    .put("components", comps)
                    .put("scheduled_for", Times.iso(m.start()))
                    .put("scheduled_until", Times.iso(m.end())));
        }
        return a;
    }
}
