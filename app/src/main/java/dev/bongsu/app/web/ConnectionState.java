package dev.bongsu.app.web;

import java.time.Duration;

/**
 * Where one public connection is in its life and whether it has overstayed: a complete request head is due within
 * the head timeout of the accept, the request's body within the same time of its head, and on a kept-alive
 * connection the next head within the keep-alive timeout (at most the head timeout) of the previous response's end.
 * A byte now and then resets nothing. Time is an input (nanoseconds from any fixed origin); not thread-safe (one
 * event loop owns a connection).
 */
public final class ConnectionState {
    /** What a connection is doing. */
    public enum Phase {
        /** Accepted, no request head yet. */
        AWAITING_FIRST_HEAD,
        /** A request head arrived, its body is still coming. */
        RECEIVING_BODY,
        /** The whole request arrived, the response is being produced or sent. */
        RESPONDING,
        /** A response ended; waiting for the next request head. */
        KEPT_ALIVE
    }

    /** Why a connection is closed, if it is. */
    public enum Overstay {
        /** Within its deadlines. */
        NONE,
        /** No complete request head in time after the accept. */
        HEAD,
        /** The request's body did not arrive in time. */
        BODY,
        /** No next request in time after a response. */
        KEEP_ALIVE
    }

    private final long headNanos;
    private final long keepAliveNanos;
    private Phase phase = Phase.AWAITING_FIRST_HEAD;
    private long since;

    /** A connection accepted at {@code nowNanos} under these deadlines. */
    public ConnectionState(long nowNanos, Duration requestHeadTimeout, Duration keepAliveTimeout) {
        this.headNanos = requestHeadTimeout.toNanos();
        this.keepAliveNanos = Math.min(keepAliveTimeout.toNanos(), headNanos);
        this.since = nowNanos;
    }

    /** A complete request head arrived; {@code bodyComplete} when the request has no more to send. */
    public void headArrived(long nowNanos, boolean bodyComplete) {
        phase = bodyComplete ? Phase.RESPONDING : Phase.RECEIVING_BODY;
        since = nowNanos;
    }

    /** The request's body has arrived. */
    public void bodyArrived(long nowNanos) {
        if (phase == Phase.RECEIVING_BODY) {
            phase = Phase.RESPONDING;
            since = nowNanos;
        }
    }

    /** The response ended; the connection waits for its next request. */
    public void responseEnded(long nowNanos) {
        if (phase == Phase.RECEIVING_BODY || phase == Phase.RESPONDING) {
            phase = Phase.KEPT_ALIVE;
            since = nowNanos;
        }
    }

    /** The phase now. */
    public Phase phase() {
        return phase;
    }

    /** Whether nothing is being asked or answered, so closing the connection loses no request. */
    public boolean idle() {
        return phase == Phase.AWAITING_FIRST_HEAD || phase == Phase.KEPT_ALIVE;
    }

    /** Whether the connection has overstayed at {@code nowNanos}, and how. */
    public Overstay overstay(long nowNanos) {
        long waited = nowNanos - since;
        return switch (phase) {
            case AWAITING_FIRST_HEAD -> waited >= headNanos ? Overstay.HEAD : Overstay.NONE;
            case RECEIVING_BODY -> waited >= headNanos ? Overstay.BODY : Overstay.NONE;
            case KEPT_ALIVE -> waited >= keepAliveNanos ? Overstay.KEEP_ALIVE : Overstay.NONE;
            case RESPONDING -> Overstay.NONE;
        };
    }
}
