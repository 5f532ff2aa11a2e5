package dev.bongsu.model.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}; answers 401 (no or wrong token) or
 * 404 (admin API disabled because no token is configured) with a JSON error.
 */
public final class BearerTokenHandler implements Handler<RoutingContext> {
    private final byte[] token;

    /** A handler for this token; {@code null} disables everything behind it. */
    public BearerTokenHandler(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (token == null) {
            ApiErrors.send(ctx, 404, "the admin API is disabled: set admin.token in the config");
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bongsu-admin\"");
            ApiErrors.send(ctx, 401, "missing bearer token: send 'Authorization: Bearer <admin token>'");
            return;
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bongsu-admin\", error=\"invalid_token\"");
            ApiErrors.send(ctx, 401, "invalid bearer token");
            return;
        }
        ctx.next();
    }
}
