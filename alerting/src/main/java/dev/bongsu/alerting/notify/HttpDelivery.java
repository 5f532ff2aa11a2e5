package dev.bongsu.alerting.notify;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;

/** Posts a body to a receiver with a hard time limit and turns the answer into an outcome. */
public final class HttpDelivery {
    private final Vertx vertx;
    private final WebClient client;
    private final HttpOutcomes outcomes;

    /** A delivery helper over a shared web client. */
    public HttpDelivery(Vertx vertx, WebClient client, HttpOutcomes outcomes) {
        this.vertx = vertx;
        this.client = client;
        this.outcomes = outcomes;
    }

    /** POSTs {@code body} to {@code url} with the headers; never fails, the outcome says what happened. */
    public Future<DeliveryOutcome> post(String url, Map<String, String> headers, Buffer body, Duration timeout, Redactor redactor) {
        Promise<DeliveryOutcome> result = Promise.promise();
        HttpRequest<Buffer> request;
        try {
            request = client.postAbs(url);
        } catch (RuntimeException e) {
            return Future.succeededFuture(DeliveryOutcome.failed("invalid URL: " + redactor.redact(String.valueOf(e.getMessage()))));
        }
        MultiMap h = request.headers();
        headers.forEach(h::set);
        request.connectTimeout(timeout.toMillis()).idleTimeout(timeout.toMillis());
        // The whole attempt, not only each read, is bounded: a receiver trickling bytes must not hold a slot.
        long timer = vertx.setTimer(Math.max(1, timeout.toMillis()),
                id -> result.tryComplete(DeliveryOutcome.retry("timed out after " + timeout.toMillis() + " ms", null)));
        request.sendBuffer(body).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                var r = ar.result();
                result.tryComplete(outcomes.of(r.statusCode(), r.getHeader("Retry-After"), r.bodyAsString(), redactor));
            } else {
                result.tryComplete(outcomes.of(ar.cause(), redactor));
            }
        });
        return result.future();
    }
}
