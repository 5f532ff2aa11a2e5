package dev.bongsu.alerting.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real HTTP receiver on 127.0.0.1, port 0, that records every request and answers as told. */
public final class RecordingReceiver implements AutoCloseable {
    /** One received request; header names lower-case. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        /** A header by lower-case name. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer: status, headers, body; {@code silent} never answers. */
    public record Reply(int status, Map<String, String> headers, String body, boolean silent) {
        /** 200 with an empty JSON object. */
        public static Reply ok() {
            return new Reply(200, Map.of(), "{}", false);
        }

        /** This status with a body. */
        public static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body, false);
        }

        /** No answer at all. */
        public static Reply hang() {
            return new Reply(0, Map.of(), "", true);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> answer = r -> Reply.ok();

    private RecordingReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a free loopback port (or the given one). */
    public static RecordingReceiver start(Vertx vertx, int port) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
        RecordingReceiver r = new RecordingReceiver(server);
        server.requestHandler(r::handle);
        server.listen().await();
        return r;
    }

    /** Starts a receiver on a free loopback port. */
    public static RecordingReceiver start(Vertx vertx) {
        return start(vertx, 0);
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            Map<String, String> headers = new LinkedHashMap<>();
            req.headers().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
            Request r = new Request(req.method().name(), req.uri(), headers, body.toString());
            Reply reply = answer.apply(r);
            // Only requests that are answered successfully count as received deliveries for ordering checks.
            requests.add(r);
            if (reply.silent()) {
                return;
            }
            var resp = req.response().setStatusCode(reply.status());
            reply.headers().forEach(resp::putHeader);
            resp.end(reply.body());
        });
    }

    /** Sets how to answer from now on. */
    public RecordingReceiver answer(Function<Request, Reply> how) {
        this.answer = how;
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The port. */
    public int port() {
        return server.actualPort();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        server.close().await();
    }
}
