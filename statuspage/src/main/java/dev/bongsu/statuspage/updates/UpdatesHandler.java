package dev.bongsu.statuspage.updates;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.api.PublicJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The admin API of team updates (the bearer token and body handlers are installed in front by the app):
 * <ul>
 *   <li>{@code POST /api/v1/admin/incidents/:id/updates} with {@code {"status":…, "text":{"ko":…,"en":…}}}: 201;</li>
 *   <li>{@code PUT …/updates/:updateId} with both fields, {@code PATCH …/updates/:updateId} with either: 200;</li>
 *   <li>{@code DELETE …/updates/:updateId}: 204.</li>
 * </ul>
 * Only public incidents take updates: an unknown id or a probe fault (never shown) answers 404.
 */
public final class UpdatesHandler {
    /** The longest text of one update, per language. */
    public static final int MAX_TEXT = UpdateBody.MAX_TEXT;
    private static final Logger LOG = Logger.getLogger(UpdatesHandler.class.getName());
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final UpdatesStore store;
    private final IncidentReader incidents;
    private final Predicate<String> knownPublic;
    private final Clock clock;
    private final Runnable changed;

    /**
     * A handler storing into {@code store}.
     *
     * @param knownPublic whether an incident id is known to be public without asking the store (in the last build)
     * @param changed     called after an update is stored, edited or deleted, to rebuild the pages
     */
    public UpdatesHandler(UpdatesStore store, IncidentReader incidents, Predicate<String> knownPublic, Clock clock, Runnable changed) {
        this.store = store;
        this.incidents = incidents;
        this.knownPublic = knownPublic;
        this.clock = clock;
        this.changed = changed;
    }

    /** {@code POST …/updates}. */
    public void create(RoutingContext ctx) {
        UpdateBody body;
        try {
            body = UpdateBody.read(ctx.body(), false);
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        String id = ctx.pathParam("id");
        publicIncident(ctx, id)
                .compose(ok -> ok ? store.add(id, body.status(), body.text(), clock.instant()).map(Optional::of) : Future.succeededFuture(null))
                .onSuccess(u -> answer(ctx, u, 201, null))
                .onFailure(e -> storeFailed(ctx, e));
    }

    /** {@code PUT …/updates/:updateId} (both fields) and {@code PATCH …} (either field). */
    public void edit(RoutingContext ctx) {
        UpdateBody body;
        try {
            body = UpdateBody.read(ctx.body(), "PATCH".equals(ctx.request().method().name()));
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        String id = ctx.pathParam("id");
        String updateId = ctx.pathParam("updateId");
        publicIncident(ctx, id).compose(ok -> {
            if (!ok) {
                return Future.<Optional<IncidentUpdate>>succeededFuture(null);
            }
            Optional<IncidentUpdate> current = store.find(updateId).filter(u -> u.incidentId().equals(id));
            if (current.isEmpty()) {
                return Future.succeededFuture(Optional.<IncidentUpdate>empty());
            }
            return store.edit(id, updateId, body.status() != null ? body.status() : current.get().status(),
                    body.text() != null ? body.text() : current.get().text(), clock.instant());
        }).onSuccess(u -> answer(ctx, u, 200, updateId)).onFailure(e -> storeFailed(ctx, e));
    }

    /** {@code DELETE …/updates/:updateId}. */
    public void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String updateId = ctx.pathParam("updateId");
        publicIncident(ctx, id)
                .compose(ok -> ok ? store.delete(id, updateId, clock.instant()) : Future.<Optional<IncidentUpdate>>succeededFuture(null))
                .onSuccess(u -> answer(ctx, u, 204, updateId))
                .onFailure(e -> storeFailed(ctx, e));
    }

    /** Whether the incident takes updates; when not, a 404 has been sent. */
    private Future<Boolean> publicIncident(RoutingContext ctx, String id) {
        if (!ID.matcher(id).matches()) {
            ApiErrors.send(ctx, 404, "no public incident with this id");
            return Future.succeededFuture(false);
        }
        Future<Boolean> known = knownPublic.test(id) ? Future.succeededFuture(true)
                : incidents.incident(id).map(o -> o.isPresent() && o.get().kind() != IncidentKind.PROBE_FAULT);
        return known.map(ok -> {
            if (!ok) {
                ApiErrors.send(ctx, 404, "no public incident '" + id + "': the id is unknown, or it is a probe fault, which "
                        + "the public never sees and which takes no updates");
            }
            return ok;
        });
    }

    /** {@code null}: already answered; empty: no such update; else the stored update. */
    private void answer(RoutingContext ctx, Optional<IncidentUpdate> u, int status, String updateId) {
        if (u == null || ctx.response().ended()) {
            return;
        }
        if (u.isEmpty()) {
            String shown = ID.matcher(updateId).matches() ? "'" + updateId + "'" : "with this id";
            ApiErrors.send(ctx, 404, "no update " + shown + " in incident '" + ctx.pathParam("id") + "'");
            return;
        }
        changed.run();
        ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store");
        if (status == 204) {
            ctx.response().end();
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("update", PublicJson.update(u.get())).encode());
    }

    private void storeFailed(RoutingContext ctx, Throwable e) {
        // the cause may name a file or a path: it goes to the log, never to the client
        LOG.warning("status page updates: " + ctx.request().method() + " " + ctx.request().path() + " could not be stored: " + e);
        if (!ctx.response().ended()) {
            ApiErrors.send(ctx, 503, "the update could not be stored, try again");
        }
    }
}
