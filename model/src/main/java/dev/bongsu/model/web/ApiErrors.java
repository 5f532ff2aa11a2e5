package dev.bongsu.model.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON error answers: {@code {"error":{"status":400,"message":"…"}}}. */
public final class ApiErrors {
    private ApiErrors() {
    }

    /** Ends the request with a JSON error. */
    public static void send(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended()) {
            return;
        }
        answer(ctx.response(), status, message);
    }

    /** Ends {@code response} with a JSON error (for answers given before routing, on the bare request). */
    public static Future<Void> answer(HttpServerResponse response, int status, String message) {
        return response
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("error", new JsonObject().put("status", status).put("message", message)).encode());
    }

    /** Ends the request with 400 and a message saying which parameter was wrong. */
    public static void badRequest(RoutingContext ctx, String message) {
        send(ctx, 400, message);
    }
}
