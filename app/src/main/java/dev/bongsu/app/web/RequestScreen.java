package dev.bongsu.app.web;

import dev.bongsu.model.web.ApiErrors;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.LongSupplier;

/**
 * The first look at every request of the public listener, before routing: tells the {@link ConnectionGuard} its
 * head arrived, answers an HTTP version other than 1.0 and 1.1 with 505, a path or query with a broken percent-escape
 * with 400 and a multipart body to the JSON API with 415 (one rate-limited log line each, no stack trace), and hands
 * everything else to the router.
 */
public final class RequestScreen implements Handler<HttpServerRequest> {
    private final ConnectionGuard guard;
    private final Handler<HttpServerRequest> next;
    private final FrontDoorLog log;
    private final LongSupplier nanos;

    /** A screen in front of {@code next}. */
    public RequestScreen(ConnectionGuard guard, Handler<HttpServerRequest> next, FrontDoorLog log, LongSupplier nanos) {
        this.guard = guard;
        this.next = next;
        this.log = log;
        this.nanos = nanos;
    }

    @Override
    public void handle(HttpServerRequest request) {
        guard.onRequest(request);
        if (request.version() == null) {
            // Only reachable because a WebSocket handshake handler is set; without one Vert.x answers 501 itself.
            reject(request, 505, "HTTP version not supported: use HTTP/1.1", "unsupported HTTP version");
            return;
        }
        String path = request.path();
        if (path != null && !validEscapes(path)) {
            reject(request, 400, "malformed percent-escape in the path", "malformed percent-escape in the path");
            return;
        }
        String query = request.query();
        if (query != null && !validEscapes(query)) {
            reject(request, 400, "malformed percent-escape in the query", "malformed percent-escape in the query");
            return;
        }
        String type = request.getHeader("Content-Type");
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, 10) && path != null && path.startsWith("/api/")) {
            reject(request, 415, "the API takes application/json bodies", "multipart body sent to the API");
            return;
        }
        next.handle(request);
    }

    private void reject(HttpServerRequest request, int status, String answer, String logged) {
        log.malformed(client(request), logged, nanos.getAsLong());
        ApiErrors.answer(request.response().putHeader("Connection", "close"), status, answer)
                .onComplete(ignored -> request.connection().close());
    }

    /** Whether every {@code %} of {@code path} (or a query) starts a two-digit hexadecimal escape. */
    static boolean validEscapes(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
