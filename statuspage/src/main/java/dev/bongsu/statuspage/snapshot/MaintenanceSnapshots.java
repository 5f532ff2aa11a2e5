package dev.bongsu.statuspage.snapshot;

import dev.bongsu.statuspage.api.MaintenanceJson;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.maintenance.PublicMaintenance;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.MaintenancePage;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The pre-built answers about scheduled maintenance: its pages, {@code /api/v1/maintenance} and the v2 documents. */
final class MaintenanceSnapshots {
    private MaintenanceSnapshots() {
    }

    /** Adds the maintenance answers of {@code d} to {@code out}. */
    static void add(Map<String, Snapshot> out, SiteData d) {
        for (Lang lang : Lang.values()) {
            for (PublicMaintenance m : d.maintenance()) {
                out.put(SnapshotKeys.page(m.path(), lang.tag()), Snapshot.of(Renderer.HTML, Snapshot.LIVE, MaintenancePage.render(d, m, lang)));
            }
        }
        out.put("/api/v1/maintenance", json(MaintenanceJson.list(d)));
        out.put("/api/v2/scheduled-maintenances.json", json(MaintenanceJson.v2All(d)));
        out.put("/api/v2/scheduled-maintenances/upcoming.json", json(MaintenanceJson.v2Upcoming(d)));
        out.put("/api/v2/scheduled-maintenances/active.json", json(MaintenanceJson.v2Active(d)));
    }

    private static Snapshot json(JsonObject o) {
        return Snapshot.of(Renderer.JSON, Snapshot.LIVE, o.encode());
    }
}
