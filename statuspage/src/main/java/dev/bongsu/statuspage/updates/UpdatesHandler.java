package dev.bongsu.statuspage.updates;

import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.web.ApiErrors;
import dev.bongsu.statuspage.api.PublicJson;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/admin/incidents/:id/updates} with {@code {"status":…, "text":{"ko":…,"en":…}}}: stores a human
 * update and answers 201 with it. The bearer token and body handlers are installed in front by the app.
 */
public final class UpdatesHandler {
    /** The longest text of one update, per language. */
    public static final int MAX_TEXT = 4000;
    private static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final UpdatesStore store;
    private final IncidentReader incidents;
    private final Predicate<String> knownLive;
    private final Clock clock;
    private final Runnable changed;

    /**
     * A handler storing into {@code store}.
     *
     * @param knownLive whether an incident id is known without asking the store (open incidents)
     * @param changed   called after an update is stored, to rebuild the pages
     */
    public UpdatesHandler(UpdatesStore store, IncidentReader incidents, Predicate<String> knownLive, Clock clock, Runnable changed) {
        this.store = store;
        this.incidents = incidents;
        this.knownLive = knownLive;
        this.clock = clock;
        this.changed = changed;
    }

    /** Handles one POST. */
    public void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body;
        try {
            body = ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            ApiErrors.badRequest(ctx, "body: expected a JSON object like {\"status\":\"investigating\",\"text\":{\"ko\":\"…\",\"en\":\"…\"}}");
            return;
        }
        if (body == null) {
            ApiErrors.badRequest(ctx, "body: expected a JSON object like {\"status\":\"investigating\",\"text\":{\"ko\":\"…\",\"en\":\"…\"}}");
            return;
        }
        Object statusValue = body.getValue("status");
        if (!(statusValue instanceof String) || UpdateStatus.parse((String) statusValue).isEmpty()) {
            ApiErrors.badRequest(ctx, "status: expected one of investigating, identified, monitoring, resolved");
            return;
        }
        UpdateStatus status = UpdateStatus.parse((String) statusValue).orElseThrow();
        Object textValue = body.getValue("text");
        if (!(textValue instanceof JsonObject text)) {
            ApiErrors.badRequest(ctx, "text: expected an object {\"ko\":\"…\",\"en\":\"…\"}");
            return;
        }
        for (String lang : new String[] {"ko", "en"}) {
            Object v = text.getValue(lang);
            if (!(v instanceof String s) || s.isBlank()) {
                ApiErrors.badRequest(ctx, "text." + lang + ": expected a non-empty string");
                return;
            }
            if (s.length() > MAX_TEXT) {
                ApiErrors.badRequest(ctx, "text." + lang + ": expected at most " + MAX_TEXT + " characters, found " + s.length());
                return;
            }
        }
        LocalizedText message = new LocalizedText(text.getString("ko").strip(), text.getString("en").strip());
        if (!INCIDENT_ID.matcher(id).matches()) {
            ApiErrors.send(ctx, 404, "no such incident: " + id.replaceAll("[^A-Za-z0-9._:-]", "?"));
            return;
        }
        (knownLive.test(id) ? io.vertx.core.Future.succeededFuture(true) : incidents.incident(id).map(o -> o.isPresent()))
                .compose(known -> {
                    if (!known) {
                        ApiErrors.send(ctx, 404, "no such incident: " + id);
                        return io.vertx.core.Future.<IncidentUpdate>succeededFuture(null);
                    }
                    return store.add(id, status, message, clock.instant());
                })
                .onSuccess(u -> {
                    if (u == null) {
                        return;
                    }
                    changed.run();
                    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
                            .putHeader("Cache-Control", "no-store")
                            .end(new JsonObject().put("update", PublicJson.update(u)).encode());
                })
                .onFailure(e -> ApiErrors.send(ctx, 503, "the update could not be stored, try again: " + e.getMessage()));
    }
}
