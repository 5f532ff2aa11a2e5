package dev.bongsu.model.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} (the scheme in any case, as RFC 9110
 * requires); answers 401 (no or wrong token) or 404 (disabled because no token is configured) with a JSON error.
 */
public final class BearerTokenHandler implements Handler<RoutingContext> {
    private static final String SCHEME = "Bearer";

    private final byte[] token;
    private final String disabledMessage;

    /** A handler for this token; {@code null} disables everything behind it. */
    public BearerTokenHandler(String token) {
        this(token, "the admin API is disabled: set admin.token in the config");
    }

    /** The same, saying {@code disabledMessage} when no token is configured. */
    public BearerTokenHandler(String token, String disabledMessage) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.disabledMessage = disabledMessage;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (token == null) {
            ApiErrors.send(ctx, 404, disabledMessage);
            return;
        }
        String credentials = bearerCredentials(ctx.request().getHeader("Authorization"));
        if (credentials == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bongsu-admin\"");
            ApiErrors.send(ctx, 401, "missing bearer token: send 'Authorization: Bearer <admin token>'");
            return;
        }
        if (!MessageDigest.isEqual(credentials.getBytes(StandardCharsets.UTF_8), token)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bongsu-admin\", error=\"invalid_token\"");
            ApiErrors.send(ctx, 401, "invalid bearer token");
            return;
        }
        ctx.next();
    }

    /** The credentials of a {@code Bearer} authorization (scheme matched without regard to case), or {@code null}. */
    static String bearerCredentials(String header) {
        if (header == null || header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        String credentials = header.substring(SCHEME.length()).trim();
        return credentials.isEmpty() ? null : credentials;
    }
}
