package dev.bongsu.app.reload;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin API of reloading: {@code POST /api/v1/admin/reload} reloads the file and answers with what changed
 * (200), the validation error naming file:line (400), what needs a restart (409) or a part's failure (500);
 * {@code GET /api/v1/admin/config} says which configuration runs ({@code hash}, {@code file}, {@code loadedAt}) and
 * how the last reload went ({@code lastReload: {ok, summary}}, {@code null} before the first).
 * The admin token is checked by the root router.
 */
public final class ReloadRoutes {
    /** The reload path. */
    public static final String RELOAD = "/api/v1/admin/reload";
    /** The running configuration's path. */
    public static final String CONFIG = "/api/v1/admin/config";

    private final ConfigReloader reloader;

    /** Routes for this reloader. */
    public ReloadRoutes(ConfigReloader reloader) {
        this.reloader = reloader;
    }

    /** Adds the routes. */
    public void mount(Router router) {
        router.post(RELOAD).handler(this::reload);
        router.get(CONFIG).handler(this::config);
    }

    private void reload(RoutingContext ctx) {
        reloader.reload("admin API").onSuccess(outcome -> answer(ctx, outcome.httpStatus(), outcome.toJson().encodePrettily()))
                .onFailure(ctx::fail);
    }

    private void config(RoutingContext ctx) {
        ReloadOutcome last = reloader.lastOutcome();
        answer(ctx, 200, reloader.running().toJson()
                .put("lastReload", last == null ? null : new io.vertx.core.json.JsonObject()
                        .put("ok", last instanceof ReloadOutcome.Applied).put("summary", last.summary()))
                .encodePrettily());
    }

    private static void answer(RoutingContext ctx, int status, String body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
