package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.data.SiteData;
import dev.bongsu.statuspage.render.Times;
import dev.bongsu.statuspage.snapshot.Renderer;
import dev.bongsu.statuspage.snapshot.Responder;
import dev.bongsu.statuspage.snapshot.Snapshot;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** {@code GET /api/v1/services/:id/vantages}: a service's live outage map from the latest build, public vantages only. */
public final class VantagesApi {
    private final Supplier<SiteData> data;

    /** Answers from the data of the latest build. */
    public VantagesApi(Supplier<SiteData> data) {
        this.data = data;
    }

    /** Handles one request. */
    public void handle(RoutingContext ctx) {
        SiteData d = data.get();
        String id = ctx.pathParam("id");
        if (d.service(id).isEmpty()) {
            ApiErrors.send(ctx, 404, "no such service: see /api/v1/services for the ids");
            return;
        }
        Responder.send(ctx, Snapshot.of(Renderer.JSON, Snapshot.LIVE, document(d, id).encode()), Responder.VARY_PLAIN);
    }

    /** The answer: {@code {service, updatedAt, …the map}}; without a public vantage, an empty list and no verdict. */
    public static JsonObject document(SiteData d, String serviceId) {
        OutageMap map = OutageMaps.service(d, serviceId);
        JsonObject body = map.toJson();
        if (map.isEmpty()) {
            body.put("from", null).put("to", null);
        }
        return new JsonObject().put("service", serviceId).put("updatedAt", Times.iso(d.now())).mergeIn(body);
    }
}
