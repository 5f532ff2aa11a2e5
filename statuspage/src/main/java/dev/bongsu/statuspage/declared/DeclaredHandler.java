package dev.bongsu.statuspage.declared;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.BadParameter;
import dev.bongsu.statuspage.api.PublicJson;
import dev.bongsu.statuspage.publicview.IncidentTimeline;
import dev.bongsu.statuspage.publicview.PublicIncident;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.render.Lang;
import dev.bongsu.statuspage.render.Texts;
import dev.bongsu.statuspage.subscribe.PublicAnnouncements;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.updates.UpdateStatus;
import dev.bongsu.statuspage.updates.UpdatesStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The admin API of declared incidents (the bearer token and body handlers are installed in front by the app):
 * <ul>
 *   <li>{@code POST /api/v1/admin/incidents} declares one: 201 with the incident;</li>
 *   <li>{@code PATCH /api/v1/admin/incidents/:id} changes its title, services or impact: 200;</li>
 *   <li>{@code POST /api/v1/admin/incidents/:id/resolve} resolves it, with an optional text: 200 (409 when resolved).</li>
 * </ul>
 * The operator's texts are stored as team updates; subscribers are told through {@link PublicAnnouncements}.
 */
public final class DeclaredHandler {
    private static final Logger LOG = Logger.getLogger(DeclaredHandler.class.getName());

    private final Supplier<BongsuConfig> config;
    private final OperatorIncidents store;
    private final UpdatesStore updates;
    private final Supplier<PublicView> view;
    private final Clock clock;
    private final Runnable changed;
    private volatile PublicAnnouncements announcements = PublicAnnouncements.NONE;

    /** A handler over these stores; services are checked against the current {@code config}; {@code changed} rebuilds the pages. */
    public DeclaredHandler(Supplier<BongsuConfig> config, OperatorIncidents store, UpdatesStore updates, Supplier<PublicView> view, Clock clock,
                           Runnable changed) {
        this.config = config;
        this.store = store;
        this.updates = updates;
        this.view = view;
        this.clock = clock;
        this.changed = changed;
    }

    /** Where subscribers are told about declared incidents (none until set). */
    public void announcements(PublicAnnouncements a) {
        this.announcements = a;
    }

    /** {@code POST /api/v1/admin/incidents}. */
    public void open(RoutingContext ctx) {
        DeclaredBody body;
        try {
            body = DeclaredBody.open(ctx.body(), config.get());
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        var at = now();
        store.declare(body.title(), body.services(), body.impact(), at)
                .compose(d -> updates.add(d.id(), body.status(), body.text(), at).map(u -> d))
                .onSuccess(d -> {
                    LOG.info("status page: incident " + d.id() + " declared by the operator (" + d.impact().wireName() + ", "
                            + d.services() + ")");
                    announce(d, "opened", "incident:" + d.id() + ":opened", body.text());
                    answer(ctx, d, 201);
                })
                .onFailure(e -> failed(ctx, e));
    }

    /** {@code PATCH /api/v1/admin/incidents/:id}. */
    public void change(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!OperatorIncidents.isDeclaredId(id) || store.declared(id).isEmpty()) {
            notDeclared(ctx, id);
            return;
        }
        DeclaredBody body;
        try {
            body = DeclaredBody.change(ctx.body(), config.get());
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        store.change(id, body.title(), body.services(), body.impact(), now()).onSuccess(d -> {
            if (d.isEmpty()) {
                notDeclared(ctx, id);
                return;
            }
            DeclaredIncident c = d.get();
            String names = String.join(", ", c.services());
            announce(c, "updated", "incident:" + c.id() + ":updated:" + c.version(), new LocalizedText(
                    Texts.t(Lang.KO, "tl.declared.updated", view.get().names(c.services(), Lang.KO), Texts.t(Lang.KO, "impact." + c.impact().wireName())),
                    Texts.t(Lang.EN, "tl.declared.updated", view.get().names(c.services(), Lang.EN), Texts.t(Lang.EN, "impact." + c.impact().wireName()))));
            LOG.info("status page: declared incident " + id + " changed (" + c.impact().wireName() + ", " + names + ")");
            answer(ctx, c, 200);
        }).onFailure(e -> failed(ctx, e));
    }

    /** {@code POST /api/v1/admin/incidents/:id/resolve}. */
    public void resolve(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Optional<DeclaredIncident> current = OperatorIncidents.isDeclaredId(id) ? store.declared(id) : Optional.empty();
        if (current.isEmpty()) {
            notDeclared(ctx, id);
            return;
        }
        if (!current.get().isOpen()) {
            ApiErrors.send(ctx, 409, "incident '" + id + "' is resolved already");
            return;
        }
        DeclaredBody body;
        try {
            body = DeclaredBody.resolve(ctx.body());
        } catch (BadParameter e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        var at = now();
        store.resolve(id, at).compose(d -> {
            if (d.isEmpty() || body.text() == null) {
                return Future.succeededFuture(d);
            }
            return updates.add(id, UpdateStatus.RESOLVED, body.text(), at).map(u -> d);
        }).onSuccess(d -> {
            if (d.isEmpty()) {
                ApiErrors.send(ctx, 409, "incident '" + id + "' is resolved already");
                return;
            }
            LOG.info("status page: declared incident " + id + " resolved by the operator");
            announce(d.get(), "resolved", "incident:" + id + ":resolved", body.text());
            answer(ctx, d.get(), 200);
        }).onFailure(e -> failed(ctx, e));
    }

    /** Now, to the millisecond: what the stores keep, so that the stored and the answered times are the same. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private void announce(DeclaredIncident d, String event, String key, LocalizedText text) {
        PublicNotice n = new PublicNotice(key, d.id(), "incident." + event, d.services(), d.title(), text, "/incidents/" + d.id(),
                d.updatedAt());
        announcements.announce(n).onFailure(e -> LOG.warning("status page: subscribers could not be told about " + key + ": " + e));
    }

    private void answer(RoutingContext ctx, DeclaredIncident d, int status) {
        changed.run();
        PublicView v = view.get();
        PublicIncident pi = v.incident(d.asIncident(), updates.updatesFor(d.id())).orElseThrow();
        JsonObject doc = PublicJson.incidentRecord(v, pi, IncidentTimeline.of(v, pi, List.of()), clock.instant());
        ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store")
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Location", "/api/v1/incidents/" + d.id())
                .end(new JsonObject().put("incident", doc).encode());
    }

    private static void notDeclared(RoutingContext ctx, String id) {
        String shown = id.matches("[A-Za-z0-9._:-]{1,128}") ? "'" + id + "'" : "with this id";
        ApiErrors.send(ctx, 404, "no declared incident " + shown + ": only incidents the operator declared (op-…) can be changed "
                + "or resolved here; detected incidents take team updates at …/updates");
    }

    static void failed(RoutingContext ctx, Throwable e) {
        // the cause may name a file or a path: it goes to the log, never to the client
        LOG.warning("status page: " + ctx.request().method() + " " + ctx.request().path() + " could not be stored: " + e);
        if (!ctx.response().ended()) {
            ApiErrors.send(ctx, 503, "could not be stored, try again");
        }
    }
}
