package dev.bongsu.statuspage.snapshot;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes a {@link Snapshot}: gzip when the client takes it, 304 when its ETag matches. */
public final class Responder {
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    /** Vary of answers that only depend on the encoding. */
    public static final CharSequence VARY_PLAIN = HttpHeaders.createOptimized("Accept-Encoding");
    /** Vary of pages chosen by Accept-Language. */
    public static final CharSequence VARY_LANG = HttpHeaders.createOptimized("Accept-Encoding, Accept-Language");
    /** Vary of API answers that come as JSON or CSV by Accept. */
    public static final CharSequence VARY_ACCEPT = HttpHeaders.createOptimized("Accept-Encoding, Accept");

    private Responder() {
    }

    /** Sends the snapshot with this Vary header. */
    public static void send(RoutingContext ctx, Snapshot s, CharSequence vary) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse res = ctx.response();
        boolean gzip = acceptsGzip(req.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? s.gzipEtag() : s.etag();
        MultiMap h = res.headers();
        h.set(HttpHeaders.ETAG, etag);
        h.set(HttpHeaders.CACHE_CONTROL, s.cacheControl());
        h.set(HttpHeaders.VARY, vary);
        if (matches(req.getHeader(HttpHeaders.IF_NONE_MATCH), s)) {
            res.setStatusCode(304).end();
            return;
        }
        h.set(HttpHeaders.CONTENT_TYPE, s.contentType());
        if (gzip) {
            h.set(HttpHeaders.CONTENT_ENCODING, GZIP);
            res.end(s.gzippedBuffer());
        } else {
            // "identity" keeps a server-wide compressor from compressing the bytes a second time
            h.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
            res.end(s.bodyBuffer());
        }
    }

    private static boolean matches(String ifNoneMatch, Snapshot s) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(s.etag()) || tag.equals(s.gzipEtag())) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim();
                    if (q.startsWith("q=") && q.substring(2).trim().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
