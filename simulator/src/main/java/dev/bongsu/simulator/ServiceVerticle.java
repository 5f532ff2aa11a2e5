package dev.bongsu.simulator;

import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.FleetService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One simulated service: an HTTP server answering {@code GET /health} after a drawn latency, and the fault in
 * force on it. All state lives on the verticle's event loop; fault changes hop onto it and run one after the
 * other, so a close and a re-listen never overlap.
 */
final class ServiceVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger("dev.bongsu.simulator");

    private static final int RELEASE_CHECKS = 400;
    private static final long RELEASE_CHECK_MS = 5;

    private final FleetService service;
    private final String host;
    private final LatencyModel latency;
    private final String okBody;
    private final String errorBody;
    private final Set<HttpServerRequest> hung = new HashSet<>();

    private int port;
    private HttpServer server;
    private Fault fault;
    private boolean flapDown;
    private long flapTimer = -1;
    private long flapGeneration;
    private Future<Void> last = Future.succeededFuture();
    private volatile Fault current;
    private volatile int boundPort;

    /** A service listening on {@code host:port} (0 for any port); {@code latency} null answers at once. */
    ServiceVerticle(FleetService service, String host, int port, LatencyModel latency) {
        this.service = service;
        this.host = host;
        this.port = port;
        this.latency = latency;
        this.okBody = "{\"status\":\"ok\",\"service\":\"" + service.id() + "\"}";
        this.errorBody = "{\"status\":\"error\",\"service\":\"" + service.id() + "\"}";
    }

    @Override
    public Future<?> start() {
        return open();
    }

    @Override
    public Future<?> stop() {
        cancelFlap();
        releaseHung();
        return close();
    }

    FleetService service() {
        return service;
    }

    /** The port it listens on (the same after a refuse fault is cleared). */
    int port() {
        return boundPort;
    }

    /** The fault in force, or {@code null}. */
    Fault fault() {
        return current;
    }

    /** Puts {@code f} in force, replacing any other; {@code null} clears. */
    Future<Void> setFault(Fault f) {
        return serially(() -> apply(f));
    }

    /** Clears the fault if it is {@code expected} (any fault when {@code null}); completes with whether it did. */
    Future<Boolean> clearIf(Fault expected) {
        return serially(() -> {
            if (fault == null || (expected != null && !expected.equals(fault))) {
                return Future.succeededFuture(false);
            }
            return apply(null).map(true);
        });
    }

    private <T> Future<T> serially(Supplier<Future<T>> op) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> {
            Future<T> f = last.transform((ok, err) -> op.get());
            last = f.transform((ok, err) -> Future.succeededFuture());
            f.onComplete(done);
        });
        return done.future();
    }

    private Future<Void> apply(Fault f) {
        cancelFlap();
        fault = f;
        current = f;
        flapDown = false;
        if (f instanceof Fault.Flap flap) {
            flapDown = true;
            scheduleFlap(flap, flapGeneration);
        }
        return enforce();
    }

    private Future<Void> toggleFlap(long generation) {
        if (generation != flapGeneration || !(fault instanceof Fault.Flap)) {
            return Future.succeededFuture();
        }
        flapDown = !flapDown;
        scheduleFlap((Fault.Flap) fault, generation);
        LOG.fine(() -> service.id() + " flaps " + (flapDown ? "down" : "up"));
        return enforce().onFailure(e -> LOG.warning(service.id() + ": flap " + (flapDown ? "down" : "up")
                + " failed on port " + port + ": " + e.getMessage()));
    }

    /** Ends the current flap phase after its length: the down phase after {@code down}, the up phase after {@code up}. */
    private void scheduleFlap(Fault.Flap flap, long generation) {
        long phase = (flapDown ? flap.down() : flap.up()).toMillis();
        flapTimer = vertx.setTimer(phase, id -> serially(() -> toggleFlap(generation)));
    }

    private void cancelFlap() {
        flapGeneration++;
        if (flapTimer >= 0) {
            vertx.cancelTimer(flapTimer);
            flapTimer = -1;
        }
    }

    /** The fault that governs answers right now: a flap's down fault while down, nothing while up. */
    private Fault effective() {
        if (fault instanceof Fault.Flap flap) {
            return flapDown ? flap.downFault() : null;
        }
        return fault;
    }

    private Future<Void> enforce() {
        Fault e = effective();
        if (!(e instanceof Fault.Hang)) {
            releaseHung();
        }
        return e instanceof Fault.Refuse ? close() : open();
    }

    private Future<Void> open() {
        if (server != null) {
            return Future.succeededFuture();
        }
        HttpServer s = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(this::handle);
        return s.listen().map(bound -> {
            server = s;
            port = s.actualPort();
            boundPort = port;
            return null;
        });
    }

    private Future<Void> close() {
        if (server == null) {
            return Future.succeededFuture();
        }
        HttpServer s = server;
        server = null;
        return s.close().compose(v -> awaitReleased(RELEASE_CHECKS));
    }

    /**
     * Completes once the port is really unbound. The server's close completes slightly before its listening
     * socket goes, and a connect in between would be accepted and then reset instead of refused.
     */
    private Future<Void> awaitReleased(int checksLeft) {
        if (checksLeft <= 0) {
            LOG.warning(service.id() + ": port " + port + " still bound " + RELEASE_CHECKS * RELEASE_CHECK_MS + "ms after close");
            return Future.succeededFuture();
        }
        if (released()) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        vertx.setTimer(RELEASE_CHECK_MS, id -> awaitReleased(checksLeft - 1).onComplete(done));
        return done.future();
    }

    /** Whether the port can be bound (without listening), i.e. no socket listens on it any more. */
    private boolean released() {
        try (SocketChannel probe = SocketChannel.open()) {
            probe.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            probe.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void releaseHung() {
        if (hung.isEmpty()) {
            return;
        }
        // A cleared hang behaves like a restarted server: the waiting connections are dropped.
        List<HttpServerRequest> waiting = new ArrayList<>(hung);
        hung.clear();
        waiting.forEach(r -> r.connection().close());
    }

    private void handle(HttpServerRequest req) {
        if (!"/health".equals(req.path())) {
            req.response().setStatusCode(404).putHeader("content-type", "application/json")
                    .end("{\"status\":\"not found\",\"service\":\"" + service.id() + "\"}");
            return;
        }
        Fault e = effective();
        if (e instanceof Fault.Hang) {
            hung.add(req);
            req.connection().closeHandler(v -> hung.remove(req));
            return;
        }
        long delay = latency == null ? 0 : latency.sampleMillis(service.medianLatency());
        if (e instanceof Fault.Slow slow) {
            delay += slow.delay().toMillis();
        }
        int status = e instanceof Fault.ServerError error ? error.status() : 200;
        if (delay <= 0) {
            answer(req, status);
        } else {
            vertx.setTimer(delay, id -> answer(req, status));
        }
    }

    private void answer(HttpServerRequest req, int status) {
        HttpServerResponse r = req.response();
        if (r.closed() || r.ended()) {
            return;
        }
        r.setStatusCode(status).putHeader("content-type", "application/json").end(status == 200 ? okBody : errorBody);
    }
}
