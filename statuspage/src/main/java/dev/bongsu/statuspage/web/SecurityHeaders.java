package dev.bongsu.statuspage.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the security headers on every status-page response, then passes the request on. Every page is kept out of
 * frames ({@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}) except the embeddable widget, which gets
 * {@link #embeddable its own policy}.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    /** No scripts at all; styles and images only from this site; never framed. */
    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence FRAME_NAME = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");

    private final CharSequence csp;
    private final boolean deny;

    /** The headers of every page that must never be framed. */
    public SecurityHeaders() {
        this(CSP, true);
    }

    private SecurityHeaders(String csp, boolean deny) {
        this.csp = HttpHeaders.createOptimized(csp);
        this.deny = deny;
    }

    /**
     * The headers of the embeddable widget: no scripts, no forms, only the style {@code styleSource} allows (a hash
     * source of its inline stylesheet), and framing allowed from {@code frameAncestors} (e.g. {@code *}); no
     * X-Frame-Options, which would forbid what the policy allows.
     */
    public static SecurityHeaders embeddable(String styleSource, String frameAncestors) {
        return new SecurityHeaders(embedCsp(styleSource, frameAncestors), false);
    }

    /** The widget's Content-Security-Policy. */
    public static String embedCsp(String styleSource, String frameAncestors) {
        return "default-src 'none'; style-src " + styleSource + "; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors " + frameAncestors;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap h = ctx.response().headers();
        h.set(CSP_NAME, csp);
        h.set(NOSNIFF_NAME, NOSNIFF);
        h.set(REFERRER_NAME, REFERRER);
        if (deny) {
            h.set(FRAME_NAME, DENY);
        } else {
            h.remove(FRAME_NAME);
        }
        ctx.next();
    }
}
