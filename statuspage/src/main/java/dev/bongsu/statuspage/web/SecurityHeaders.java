package dev.bongsu.statuspage.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Puts the security headers on every status-page response, then passes the request on. */
public final class SecurityHeaders implements Handler<RoutingContext> {
    /** No scripts at all; styles and images only from this site; never framed. */
    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence CSP_VALUE = HttpHeaders.createOptimized(CSP);
    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence FRAME_NAME = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap h = ctx.response().headers();
        h.set(CSP_NAME, CSP_VALUE);
        h.set(NOSNIFF_NAME, NOSNIFF);
        h.set(REFERRER_NAME, REFERRER);
        h.set(FRAME_NAME, DENY);
        ctx.next();
    }
}
