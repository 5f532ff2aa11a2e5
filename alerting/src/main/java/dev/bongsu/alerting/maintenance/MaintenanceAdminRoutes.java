package dev.bongsu.alerting.maintenance;

import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.maintenance.MaintenancePhase;
import dev.bongsu.model.maintenance.MaintenanceScope;
import dev.bongsu.model.web.ApiErrors;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The admin API of scheduled maintenance under {@code /api/v1/admin/maintenance} (the app puts the bearer-token check
 * and a body handler in front): create, list, change, cancel and complete. Windows from the configuration file are
 * listed but changed only there.
 */
public final class MaintenanceAdminRoutes {
    private static final String BASE = "/api/v1/admin/maintenance";
    private static final Logger LOG = Logger.getLogger(MaintenanceAdminRoutes.class.getName());
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final MaintenanceStore store;
    private final List<ServiceConfig> services;
    private final Clock clock;

    /** Routes over {@code store}, checking scopes against {@code services}. */
    public MaintenanceAdminRoutes(MaintenanceStore store, List<ServiceConfig> services, Clock clock) {
        this.store = store;
        this.services = List.copyOf(services);
        this.clock = clock;
    }

    /** Adds the routes to the app's root router. */
    public void mount(Router router) {
        router.get(BASE).handler(this::list);
        router.post(BASE).handler(this::create);
        router.get(BASE + "/:id").handler(this::one);
        router.put(BASE + "/:id").handler(ctx -> change(ctx, false));
        router.patch(BASE + "/:id").handler(ctx -> change(ctx, true));
        router.delete(BASE + "/:id").handler(this::cancel);
        router.post(BASE + "/:id/complete").handler(this::complete);
    }

    private void list(RoutingContext ctx) {
        Instant now = clock.instant();
        JsonArray out = new JsonArray();
        store.maintenances().forEach(w -> out.add(json(w, now)));
        answer(ctx, 200, new JsonObject().put("maintenance", out));
    }

    private void one(RoutingContext ctx) {
        found(ctx).ifPresent(w -> answer(ctx, 200, json(w, clock.instant())));
    }

    private void create(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        Instant now = clock.instant();
        MaintenanceWindow w;
        try {
            w = MaintenanceRequest.read(body, null, false, "mnt-" + UUID.randomUUID().toString().substring(0, 13), services, now);
        } catch (IllegalArgumentException e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        store.save(w).onSuccess(saved -> {
            LOG.info("maintenance " + saved.id() + " created: " + saved.start() + " to " + saved.end());
            answer(ctx, 201, json(saved, clock.instant()));
        }).onFailure(e -> failed(ctx, e));
    }

    private void change(RoutingContext ctx, boolean partial) {
        java.util.Optional<MaintenanceWindow> current = changeable(ctx);
        if (current.isEmpty()) {
            return;
        }
        if (current.get().cancelled()) {
            ApiErrors.send(ctx, 409, "maintenance '" + current.get().id() + "' is cancelled; create a new one");
            return;
        }
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        MaintenanceWindow w;
        try {
            w = MaintenanceRequest.read(body, current.get(), partial, current.get().id(), services, clock.instant());
        } catch (IllegalArgumentException e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        store.save(w).onSuccess(saved -> answer(ctx, 200, json(saved, clock.instant()))).onFailure(e -> failed(ctx, e));
    }

    private void cancel(RoutingContext ctx) {
        java.util.Optional<MaintenanceWindow> current = changeable(ctx);
        if (current.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        MaintenanceWindow w = current.get();
        MaintenancePhase phase = MaintenancePhase.of(w, now);
        if (phase == MaintenancePhase.CANCELLED || phase == MaintenancePhase.COMPLETED) {
            ApiErrors.send(ctx, 409, "maintenance '" + w.id() + "' is already " + phase.wireName());
            return;
        }
        // kept, marked cancelled: an announced maintenance must not silently vanish from the page and the feed
        MaintenanceWindow cancelled = new MaintenanceWindow(w.id(), w.name(), w.match(), w.start(), w.end(), w.days(), w.at(), w.duration(),
                w.timeZone(), w.title(), w.description(), w.isPublic(), w.createdAt(), now, now, w.version() + 1);
        store.save(cancelled).onSuccess(saved -> answer(ctx, 200, json(saved, clock.instant()))).onFailure(e -> failed(ctx, e));
    }

    private void complete(RoutingContext ctx) {
        java.util.Optional<MaintenanceWindow> current = changeable(ctx);
        if (current.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        MaintenanceWindow w = current.get();
        if (MaintenancePhase.of(w, now) != MaintenancePhase.IN_PROGRESS) {
            ApiErrors.send(ctx, 409, "maintenance '" + w.id() + "' is " + MaintenancePhase.of(w, now).wireName()
                    + ", not in progress: only a running maintenance can be completed (cancel one that has not begun)");
            return;
        }
        MaintenanceWindow done = new MaintenanceWindow(w.id(), w.name(), w.match(), w.start(), now, w.days(), w.at(), w.duration(),
                w.timeZone(), w.title(), w.description(), w.isPublic(), w.createdAt(), now, null, w.version() + 1);
        store.save(done).onSuccess(saved -> answer(ctx, 200, json(saved, clock.instant()))).onFailure(e -> failed(ctx, e));
    }

    private java.util.Optional<MaintenanceWindow> found(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        java.util.Optional<MaintenanceWindow> w = ID.matcher(id).matches() ? store.find(id) : java.util.Optional.empty();
        if (w.isEmpty()) {
            ApiErrors.send(ctx, 404, "no maintenance " + (ID.matcher(id).matches() ? "'" + id + "'" : "with this id"));
        }
        return w;
    }

    private java.util.Optional<MaintenanceWindow> changeable(RoutingContext ctx) {
        java.util.Optional<MaintenanceWindow> w = found(ctx);
        if (w.isPresent() && store.configured(w.get().id())) {
            ApiErrors.send(ctx, 409, "maintenance '" + w.get().id() + "' is defined in the configuration file (alerting.maintenance): "
                    + "change it there");
            return java.util.Optional.empty();
        }
        return w;
    }

    private static JsonObject body(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            ApiErrors.badRequest(ctx, "body: expected a JSON object");
            return null;
        }
        if (body == null) {
            ApiErrors.badRequest(ctx, "body: expected a JSON object with title, start, end and services");
        }
        return body;
    }

    private JsonObject json(MaintenanceWindow w, Instant now) {
        JsonObject o = MaintenanceRecords.toJson(w)
                .put("source", store.configured(w.id()) ? "config" : "api")
                .put("phase", MaintenancePhase.of(w, now).wireName())
                .put("services", new JsonArray(MaintenanceScope.services(w, services)))
                .put("url", "/maintenance/" + w.id());
        w.occurrence(now).ifPresent(occ -> o.put("next", new JsonObject().put("start", occ.start().toString()).put("end", occ.end().toString())));
        return o;
    }

    private static void failed(RoutingContext ctx, Throwable e) {
        LOG.warning("maintenance: " + ctx.request().method() + " " + ctx.request().path() + " could not be stored: " + e);
        if (!ctx.response().ended()) {
            ApiErrors.send(ctx, 503, "the maintenance could not be stored, try again");
        }
    }

    private static void answer(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
