package dev.bongsu.alerting.ack;

import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.web.ApiErrors;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Acknowledging over HTTP. The signed link of a notification: {@code GET /api/v1/ack/:id?exp=&sig=} shows the incident
 * and a button, {@code POST} (same query, optional form field {@code by}) acknowledges; an expired or forged link gets
 * a 403 page. The admin API (behind the admin token the app puts in front): {@code POST /api/v1/admin/incidents/:id/ack}
 * with {@code {"by": "kim"}}, {@code GET} of the same path, and {@code GET /api/v1/admin/acks}.
 */
public final class AckRoutes {
    private final Acknowledger acknowledger;
    private final IncidentReader incidents;
    private final Supplier<AckLinks> links;
    private final Clock clock;

    /**
     * Routes over an acknowledger.
     *
     * @param links the link checker, available once acks.db is open
     */
    public AckRoutes(Acknowledger acknowledger, IncidentReader incidents, Supplier<AckLinks> links, Clock clock) {
        this.acknowledger = acknowledger;
        this.incidents = incidents;
        this.links = links;
        this.clock = clock;
    }

    /** Adds the routes to the app's root router. */
    public void mount(Router router) {
        router.get(AckLinks.PATH + ":id").handler(this::linkPage);
        router.post(AckLinks.PATH + ":id").handler(this::linkAck);
        router.post("/api/v1/admin/incidents/:id/ack").handler(this::adminAck);
        router.get("/api/v1/admin/incidents/:id/ack").handler(this::adminOne);
        router.get("/api/v1/admin/acks").handler(this::adminList);
    }

    private void linkPage(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!validLink(ctx, id)) {
            return;
        }
        var existing = acknowledger.store().acknowledgement(id);
        if (existing.isPresent()) {
            html(ctx, 200, AckPages.done(existing.get(), false));
            return;
        }
        incidents.incident(id).onSuccess(found -> {
            if (found.isEmpty()) {
                html(ctx, 404, AckPages.message("Unknown incident", "ack-unknown", "There is no incident " + id + "."));
            } else if (!found.get().isOpen()) {
                html(ctx, 409, AckPages.message("Incident resolved", "ack-resolved", "Incident " + id + " is resolved"
                        + (found.get().resolvedAt() == null ? "" : " since " + found.get().resolvedAt()) + "; there is nothing to acknowledge."));
            } else {
                html(ctx, 200, AckPages.confirm(id, found.get().title().en(), ctx.request().uri()));
            }
        }).onFailure(ctx::fail);
    }

    private void linkAck(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!validLink(ctx, id)) {
            return;
        }
        String by;
        try {
            by = Acknowledger.checkBy(ctx.request().getFormAttribute("by"), "link");
        } catch (IllegalArgumentException e) {
            html(ctx, 400, AckPages.message("Not acknowledged", "ack-invalid", e.getMessage()));
            return;
        }
        acknowledger.acknowledge(id, by, "link").onSuccess(result -> {
            if (result instanceof Acknowledger.Result.Acknowledged a) {
                html(ctx, 200, AckPages.done(a.acknowledgement(), true));
            } else if (result instanceof Acknowledger.Result.Already a) {
                html(ctx, 200, AckPages.done(a.acknowledgement(), false));
            } else if (result instanceof Acknowledger.Result.Unknown) {
                html(ctx, 404, AckPages.message("Unknown incident", "ack-unknown", "There is no incident " + id + "."));
            } else {
                html(ctx, 409, AckPages.message("Incident resolved", "ack-resolved",
                        "Incident " + id + " is resolved; there is nothing to acknowledge."));
            }
        }).onFailure(ctx::fail);
    }

    private boolean validLink(RoutingContext ctx, String id) {
        AckLinks l = links.get();
        AckLinks.Verdict v = l == null ? AckLinks.Verdict.FORGED
                : l.check(id, ctx.request().getParam("exp"), ctx.request().getParam("sig"), clock.instant());
        switch (v) {
            case VALID -> {
                return true;
            }
            case EXPIRED -> html(ctx, 403, AckPages.message("Link expired", "ack-expired", "This acknowledgement link has expired."
                    + " Acknowledge with 'bongsu ack " + id + "' or the admin API, or use the link of a newer notification."));
            case FORGED -> html(ctx, 403, AckPages.message("Link not valid", "ack-forged", "This acknowledgement link is not valid:"
                    + " its signature does not match. Use the link exactly as the notification gave it; servers of a cluster need the"
                    + " same alerting.ack.secret."));
        }
        return false;
    }

    private void adminAck(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body;
        try {
            body = ctx.body() == null || ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            ApiErrors.badRequest(ctx, "body: expected a JSON object such as {\"by\": \"kim\"}");
            return;
        }
        if (body == null) {
            body = new JsonObject();
        }
        String by;
        String via;
        try {
            Object given = body.getValue("by");
            if (given != null && !(given instanceof String)) {
                throw new IllegalArgumentException("by: expected a text, found " + given.getClass().getSimpleName());
            }
            by = Acknowledger.checkBy((String) given, "admin");
            Object how = body.getValue("via", "api");
            if (!"api".equals(how) && !"cli".equals(how)) {
                throw new IllegalArgumentException("via: expected api or cli, found '" + how + "'");
            }
            via = (String) how;
        } catch (IllegalArgumentException e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        acknowledger.acknowledge(id, by, via).onSuccess(result -> {
            if (result instanceof Acknowledger.Result.Acknowledged a) {
                json(ctx, 201, answer(a.acknowledgement(), "acknowledged",
                        "acknowledged by " + a.acknowledgement().by() + " at " + a.acknowledgement().at()));
            } else if (result instanceof Acknowledger.Result.Already a) {
                json(ctx, 200, answer(a.acknowledgement(), "already_acknowledged",
                        "already acknowledged by " + a.acknowledgement().by() + " at " + a.acknowledgement().at()));
            } else if (result instanceof Acknowledger.Result.Unknown) {
                ApiErrors.send(ctx, 404, "no incident with id '" + id + "'");
            } else {
                ApiErrors.send(ctx, 409, "incident '" + id + "' is resolved; nothing to acknowledge");
            }
        }).onFailure(ctx::fail);
    }

    private void adminOne(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        var ack = acknowledger.store().acknowledgement(id);
        if (ack.isEmpty()) {
            ApiErrors.send(ctx, 404, "incident '" + id + "' is not acknowledged");
        } else {
            json(ctx, 200, AckStore.toJson(ack.get()).put("status", "acknowledged"));
        }
    }

    private void adminList(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        acknowledger.store().list().forEach(a -> out.add(AckStore.toJson(a)));
        json(ctx, 200, new JsonObject().put("acks", out));
    }

    private static JsonObject answer(Acknowledgement a, String status, String message) {
        return AckStore.toJson(a).put("status", status).put("message", message);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    private static Future<Void> html(RoutingContext ctx, int status, String page) {
        return ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .end(page);
    }
}
