package dev.bongsu.probes.check;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.CheckConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;

/**
 * One probe in progress: it owns the hard deadline, the open connection and the phase timings, completes
 * exactly once (the first outcome wins), and on completion cancels the deadline and closes the connection.
 * Used on one event loop only.
 */
public final class ProbeAttempt {
    private final Vertx vertx;
    private final CheckConfig check;
    private final String vantage;
    private final long startedAtMs;
    private final long startNanos = System.nanoTime();
    private final long timeoutMs;
    private final Promise<ProbeResult> promise = Promise.promise();
    private final long timerId;
    private ProbePhase phase = ProbePhase.RESOLVE;
    private String where;
    private java.net.InetAddress peerAddress;
    private int peerPort;
    private NetSocket socket;
    private boolean done;
    private double dnsMs = Timings.NOT_MEASURED;
    private double connectMs = Timings.NOT_MEASURED;
    private double tlsMs = Timings.NOT_MEASURED;
    private double firstByteMs = Timings.NOT_MEASURED;

    /** Starts the clock and the deadline of one probe of {@code check}. */
    public ProbeAttempt(Vertx vertx, CheckConfig check, String vantage, long startedAtMs) {
        this.vertx = vertx;
        this.check = check;
        this.vantage = vantage;
        this.startedAtMs = startedAtMs;
        this.timeoutMs = Math.max(1, check.timeout().toMillis());
        this.timerId = vertx.setTimer(timeoutMs, id -> onDeadline());
    }

    /** The result, once the probe finished or hit its deadline. */
    public Future<ProbeResult> future() {
        return promise.future();
    }

    /** Whether the outcome is decided; later events are ignored. */
    public boolean done() {
        return done;
    }

    /** The check being probed. */
    public CheckConfig check() {
        return check;
    }

    /** Enters a phase, naming the peer ({@code host:port} or query) it talks to. */
    public void enter(ProbePhase next, String peer) {
        this.phase = next;
        this.where = peer;
    }

    /** Enters a phase talking to {@code address:port}; the name is built only if a detail needs it. */
    public void enter(ProbePhase next, java.net.InetAddress address, int port) {
        this.phase = next;
        this.where = null;
        this.peerAddress = address;
        this.peerPort = port;
    }

    /** Enters a phase with the same peer. */
    public void enter(ProbePhase next) {
        this.phase = next;
    }

    /** Milliseconds remaining until the deadline, at least 1. */
    public long remainingMs() {
        return Math.max(1, timeoutMs - (long) elapsedMs());
    }

    /** Milliseconds since the probe started. */
    public double elapsedMs() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** Milliseconds since {@code nanos} (a {@link System#nanoTime()} reading). */
    public static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    /** Adds time spent resolving names (summed over redirects). */
    public void addDns(double ms) {
        dnsMs = add(dnsMs, ms);
    }

    /** Adds time spent connecting. */
    public void addConnect(double ms) {
        connectMs = add(connectMs, ms);
    }

    /** Adds time spent in TLS handshakes. */
    public void addTls(double ms) {
        tlsMs = add(tlsMs, ms);
    }

    /** Sets the time from request written to first response byte. */
    public void firstByte(double ms) {
        firstByteMs = ms;
    }

    /**
     * Hands the probe its connection, so completion closes it; a connection arriving after the outcome is
     * decided is closed at once. A previous connection (an earlier redirect hop) is closed.
     */
    public boolean attach(NetSocket s) {
        if (done) {
            s.close();
            return false;
        }
        if (socket != null && socket != s) {
            socket.close();
        }
        socket = s;
        return true;
    }

    /** Completes with success. */
    public void succeed(int statusCode) {
        finish(ProbeResult.success(check.id(), check.serviceId(), vantage, startedAtMs, statusCode, timings()));
    }

    /** Completes with success and the certificate's remaining days. */
    public void succeed(int statusCode, double certDaysLeft) {
        finish(ProbeResult.success(check.id(), check.serviceId(), vantage, startedAtMs, statusCode, timings())
                .withCertDaysLeft(certDaysLeft));
    }

    /** Completes with a classified failure. */
    public void fail(ErrorClass error, int statusCode, String detail) {
        fail(error, statusCode, detail, null);
    }

    /** Completes with a classified failure and, when known, the certificate's remaining days. */
    public void fail(ErrorClass error, int statusCode, String detail, Double certDaysLeft) {
        finish(ProbeResult.failure(check.id(), check.serviceId(), vantage, startedAtMs, error, statusCode, timings(), detail)
                .withCertDaysLeft(certDaysLeft));
    }

    /** Completes with the classification of an I/O failure in the current phase. */
    public void fail(Throwable cause) {
        Failure f = Failures.classify(cause, phase, where());
        fail(f.error(), 0, f.detail());
    }

    private void onDeadline() {
        if (!done) {
            fail(phase.onTimeout(), 0, phase.timeoutDetail(where(), timeoutMs));
        }
    }

    /** Whom the probe talks to, for details; built only when a detail needs it. */
    private String where() {
        if (where == null) {
            where = peerAddress != null ? Connector.peer(peerAddress, peerPort) : check.target().describe();
        }
        return where;
    }

    private void finish(ProbeResult result) {
        if (done) {
            return;
        }
        done = true;
        vertx.cancelTimer(timerId);
        if (socket != null) {
            socket.close();
        }
        promise.complete(result);
    }

    private Timings timings() {
        return new Timings(dnsMs, connectMs, tlsMs, firstByteMs, elapsedMs());
    }

    private static double add(double sum, double ms) {
        return sum == Timings.NOT_MEASURED ? ms : sum + ms;
    }
}
