package dev.bongsu.alerting;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.alerting.notify.Notifiers;
import dev.bongsu.alerting.outbox.Outbox;
import dev.bongsu.alerting.silence.Silence;
import dev.bongsu.alerting.silence.SilenceRequest;
import dev.bongsu.alerting.silence.Silences;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.web.ApiErrors;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The alerting admin API under {@code /api/v1/admin}: silences, a test notification per receiver, outbox
 * status and rows. The app puts the bearer-token check and a body handler in front.
 */
public final class AlertingAdminRoutes {
    private static final String BASE = "/api/v1/admin";
    private static final Set<String> ROW_STATES = Set.of("pending", "sent", "dead", "suppressed", "coalesced");

    private final Outbox outbox;
    private final Silences silences;
    private volatile Notifiers notifiers;
    private final Clock clock;
    private final String publicUrl;

    /** Routes over the alerting parts. */
    public AlertingAdminRoutes(Outbox outbox, Silences silences, Notifiers notifiers, Clock clock, String publicUrl) {
        this.outbox = outbox;
        this.silences = silences;
        this.notifiers = notifiers;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** Test sends and receiver lists use the notifiers of a reloaded configuration from now on. */
    public void useNotifiers(Notifiers next) {
        notifiers = next;
    }

    /** Adds the routes to the app's root router. */
    public void mount(Router router) {
        router.get(BASE + "/silences").handler(this::listSilences);
        router.post(BASE + "/silences").handler(this::createSilence);
        router.delete(BASE + "/silences/:id").handler(this::expireSilence);
        router.post(BASE + "/receivers/:name/test").handler(this::testReceiver);
        router.get(BASE + "/outbox").handler(this::outboxStatus);
        router.get(BASE + "/outbox/notifications").handler(this::outboxRows);
    }

    private void listSilences(RoutingContext ctx) {
        String state = ctx.request().getParam("state");
        if (state != null && !Set.of("active", "pending", "expired").contains(state)) {
            ApiErrors.badRequest(ctx, "state: expected active, pending or expired, found '" + state + "'");
            return;
        }
        Instant now = clock.instant();
        JsonArray out = new JsonArray();
        for (Silence s : silences.list()) {
            if (state == null || state.equals(s.stateAt(now))) {
                out.add(json(s, now));
            }
        }
        json(ctx, 200, new JsonObject().put("silences", out));
    }

    private void createSilence(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            ApiErrors.badRequest(ctx, "body: expected a JSON object");
            return;
        }
        if (body == null) {
            ApiErrors.badRequest(ctx, "body: expected a JSON object with matchers, endsAt or duration, author and comment");
            return;
        }
        SilenceRequest request;
        try {
            request = SilenceRequest.parse(body, clock.instant());
        } catch (IllegalArgumentException e) {
            ApiErrors.badRequest(ctx, e.getMessage());
            return;
        }
        silences.create(request.matchers(), request.startsAt(), request.endsAt(), request.author(), request.comment())
                .onSuccess(s -> json(ctx, 201, json(s, clock.instant())))
                .onFailure(ctx::fail);
    }

    private void expireSilence(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        silences.expire(id).onSuccess(found -> {
            if (found.isEmpty()) {
                ApiErrors.send(ctx, 404, "no silence with id '" + id + "'");
            } else {
                json(ctx, 200, json(found.get(), clock.instant()));
            }
        }).onFailure(ctx::fail);
    }

    private void testReceiver(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Notifier notifier = notifiers.get(name).orElse(null);
        if (notifier == null) {
            ApiErrors.send(ctx, 404, "no receiver named '" + name + "'; receivers: " + String.join(", ", notifiers.names()));
            return;
        }
        Instant now = clock.instant();
        String id = "test-" + now.toEpochMilli();
        Incident incident = new Incident(id, 1, IncidentKind.SERVICE, IncidentState.OPEN, Severity.INFO, List.of(), List.of(),
                now, now, null, new LocalizedText("Bongsu 테스트 알림", "Bongsu test notification"), null, null, List.of());
        Notification n = new Notification(name, TransitionType.OPENED, incident, incident.transitionKey(), publicUrl + "/incidents/" + id,
                "This is a test notification from the Bongsu admin API; no incident is open.", 0, now, null);
        notifier.send(n).onSuccess(outcome -> json(ctx, outcome.isDelivered() ? 200 : 502, new JsonObject()
                .put("receiver", name)
                .put("outcome", outcome.status().name().toLowerCase(java.util.Locale.ROOT))
                .put("reason", outcome.reason())
                .put("transitionKey", n.idempotencyKey()))).onFailure(ctx::fail);
    }

    private void outboxStatus(RoutingContext ctx) {
        outbox.status().onSuccess(s -> json(ctx, 200, s)).onFailure(ctx::fail);
    }

    private void outboxRows(RoutingContext ctx) {
        String status = ctx.request().getParam("status", "dead");
        if (!ROW_STATES.contains(status)) {
            ApiErrors.badRequest(ctx, "status: expected one of pending, sent, dead, suppressed, coalesced, found '" + status + "'");
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(ctx.request().getParam("limit", "50"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 1000) {
            ApiErrors.badRequest(ctx, "limit: expected a whole number from 1 to 1000, found '" + ctx.request().getParam("limit") + "'");
            return;
        }
        outbox.rows(status, limit).onSuccess(rows -> json(ctx, 200, new JsonObject().put("status", status).put("notifications", rows)))
                .onFailure(ctx::fail);
    }

    private static JsonObject json(Silence s, Instant now) {
        return s.toJson().put("state", s.stateAt(now));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
