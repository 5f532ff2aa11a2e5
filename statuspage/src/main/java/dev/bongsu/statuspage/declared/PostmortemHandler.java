package dev.bongsu.statuspage.declared;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.api.PublicJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The admin API of postmortem notes: {@code PUT /api/v1/admin/incidents/:id/postmortem} with
 * {@code {"text":{"ko":…,"en":…}}} writes or replaces it (200), {@code DELETE} removes it (204, 404 when there is none).
 * Any public incident takes one, detected or declared, open or resolved; an unknown id or a probe fault answers 404.
 */
public final class PostmortemHandler {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final OperatorIncidents store;
    private final IncidentReader incidents;
    private final Clock clock;
    private final Runnable changed;

    /** A handler over {@code store}; {@code incidents} must include declared ones; {@code changed} rebuilds the pages. */
    public PostmortemHandler(OperatorIncidents store, IncidentReader incidents, Clock clock, Runnable changed) {
        this.store = store;
        this.incidents = incidents;
        this.clock = clock;
        this.changed = changed;
    }

    /** {@code PUT …/postmortem}. */
    public void put(RoutingContext ctx) {
        LocalizedText text;
        try {
            text = DeclaredBody.postmortem(ctx.body());
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        String id = ctx.pathParam("id");
        publicIncident(ctx, id).compose(ok -> ok ? store.putPostmortem(id, text, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)) : Future.succeededFuture(null))
                .onSuccess(p -> {
                    if (p == null) {
                        return;
                    }
                    changed.run();
                    ctx.response().setStatusCode(200).putHeader("Cache-Control", "no-store")
                            .putHeader("Content-Type", "application/json; charset=utf-8")
                            .end(new JsonObject().put("postmortem", PublicJson.postmortem(p)).encode());
                })
                .onFailure(e -> DeclaredHandler.failed(ctx, e));
    }

    /** {@code DELETE …/postmortem}. */
    public void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        publicIncident(ctx, id).compose(ok -> ok ? store.deletePostmortem(id, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).map(p -> p.isPresent())
                        : Future.succeededFuture((Boolean) null))
                .onSuccess(deleted -> {
                    if (deleted == null) {
                        return;
                    }
                    if (!deleted) {
                        ApiErrors.send(ctx, 404, "incident '" + id + "' has no postmortem");
                        return;
                    }
                    changed.run();
                    ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
                })
                .onFailure(e -> DeclaredHandler.failed(ctx, e));
    }

    /** Whether the incident is public; when not, a 404 has been sent. */
    private Future<Boolean> publicIncident(RoutingContext ctx, String id) {
        if (!ID.matcher(id).matches()) {
            ApiErrors.send(ctx, 404, "no public incident with this id");
            return Future.succeededFuture(false);
        }
        return incidents.incident(id).map(o -> o.isPresent() && o.get().kind() != IncidentKind.PROBE_FAULT).map(ok -> {
            if (!ok) {
                ApiErrors.send(ctx, 404, "no public incident '" + id + "': the id is unknown, or it is a probe fault, which the "
                        + "public never sees");
            }
            return ok;
        });
    }
}
