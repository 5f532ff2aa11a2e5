package dev.bongsu.statuspage.subscribe;

import dev.bongsu.model.web.ApiErrors;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The admin API of subscribers (the bearer token is checked in front by the app). The list is the export and holds
 * the addresses:
 * <ul>
 *   <li>{@code GET /api/v1/admin/subscribers} (JSON; CSV with {@code .csv}, {@code ?format=csv} or
 *       {@code Accept: text/csv});</li>
 *   <li>{@code GET /api/v1/admin/subscribers/:id}: one, or 404;</li>
 *   <li>{@code DELETE /api/v1/admin/subscribers/:id}: 204, or 404;</li>
 *   <li>{@code DELETE /api/v1/admin/subscribers?address=…}: erases every subscription of the address,
 *       {@code {"deleted":n}}.</li>
 * </ul>
 */
public final class SubscriberAdminHandlers {
    private static final Logger LOG = Logger.getLogger(SubscriberAdminHandlers.class.getName());

    private final SubscriberStore store;

    /** Handlers over {@code store}. */
    public SubscriberAdminHandlers(SubscriberStore store) {
        this.store = store;
    }

    /** {@code GET /api/v1/admin/subscribers[.csv]}. */
    public void list(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        boolean csv = ctx.request().path().endsWith(".csv") || "csv".equals(ctx.request().getParam("format"))
                || (accept != null && accept.contains("text/csv") && !accept.contains("application/json"));
        if (csv) {
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Disposition", "attachment; filename=\"subscribers.csv\"")
                    .end(SubscriberExport.csv(store.all()));
            return;
        }
        json(ctx, 200, SubscriberExport.json(store.all()));
    }

    /** {@code GET /api/v1/admin/subscribers/:id}. */
    public void one(RoutingContext ctx) {
        Optional<Subscriber> s = store.byId(ctx.pathParam("id"));
        if (s.isEmpty()) {
            ApiErrors.send(ctx, 404, "no subscriber with this id");
            return;
        }
        json(ctx, 200, new JsonObject().put("subscriber", SubscriberExport.json(s.get())));
    }

    /** {@code DELETE /api/v1/admin/subscribers/:id}. */
    public void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        store.delete(id).onSuccess(found -> {
            if (!found) {
                ApiErrors.send(ctx, 404, "no subscriber with this id");
                return;
            }
            LOG.info("subscribers: subscriber " + id + " deleted through the admin API");
            ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
        }).onFailure(e -> failed(ctx, e));
    }

    /** {@code DELETE /api/v1/admin/subscribers?address=…}: the right to be forgotten. */
    public void deleteAddress(RoutingContext ctx) {
        String address = ctx.request().getParam("address");
        if (address == null || address.isBlank()) {
            ApiErrors.badRequest(ctx, "address: required, the e-mail address or webhook URL to erase, e.g. ?address=reader%40example.com");
            return;
        }
        store.deleteAddress(address).onSuccess(n -> {
            LOG.info("subscribers: an address was erased through the admin API (" + n + " subscriptions)");
            json(ctx, 200, new JsonObject().put("deleted", n));
        }).onFailure(e -> failed(ctx, e));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }

    private static void failed(RoutingContext ctx, Throwable e) {
        LOG.warning("subscribers: " + ctx.request().method() + " " + ctx.request().path() + " failed: " + e);
        ApiErrors.send(ctx, 503, "the subscribers store could not be changed, try again");
    }
}
