package dev.bongsu.app.web;

import dev.bongsu.model.config.ConnectionLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps one public listener's connections within the {@link ConnectionBudget} and their deadlines: refuses a
 * connection over a cap at once (making room by closing the oldest idle connection when the total cap is reached),
 * and closes every connection that overstays its {@link ConnectionState} deadlines, checked a few times a second.
 * One guard per listener instance; every method runs on that listener's event loop.
 */
public final class ConnectionGuard {
    /** How often deadlines are checked. */
    static final long SWEEP_MILLIS = 250;

    private final Vertx vertx;
    private final ConnectionBudget budget;
    private final ConnectionLimits limits;
    private final FrontDoorLog log;
    private final LongSupplier nanos;
    private final Map<HttpConnection, Tracked> open = new LinkedHashMap<>();
    private long sweepTimer = -1;

    /** A guard for one listener; {@code nanos} is the time source (System::nanoTime). */
    public ConnectionGuard(Vertx vertx, ConnectionBudget budget, ConnectionLimits limits, FrontDoorLog log, LongSupplier nanos) {
        this.vertx = vertx;
        this.budget = budget;
        this.limits = limits;
        this.log = log;
        this.nanos = nanos;
    }

    /** Starts checking deadlines (call on the listener's event loop). */
    public void start() {
        sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
    }

    /** Stops checking deadlines. */
    public void stop() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    /** A connection was accepted: admits or refuses it. */
    public void onConnection(HttpConnection conn) {
        String client = clientOf(conn);
        long now = nanos.getAsLong();
        ConnectionBudget.Verdict verdict = budget.admit(client);
        if (verdict == ConnectionBudget.Verdict.OVER_TOTAL_CAP) {
            verdict = makeRoomFor(client);
        }
        if (verdict != ConnectionBudget.Verdict.ADMITTED) {
            conn.close();
            log.refused(verdict, now);
            return;
        }
        Tracked t = new Tracked(conn, client, new ConnectionState(now, limits.requestHeadTimeout(), limits.keepAliveTimeout()));
        open.put(conn, t);
        conn.closeHandler(v -> forget(t));
    }

    /** A complete request head arrived (call before routing it). */
    public void onRequest(HttpServerRequest request) {
        Tracked t = open.get(request.connection());
        if (t != null) {
            t.request = request;
            t.state.headArrived(nanos.getAsLong(), request.isEnded());
        }
    }

    /** Connections this listener holds now. */
    public int openConnections() {
        return open.size();
    }

    private ConnectionBudget.Verdict makeRoomFor(String client) {
        for (Tracked candidate : open.values()) {
            if (candidate.state.idle() && !candidate.released) {
                ConnectionBudget.Verdict verdict = budget.admitInPlaceOf(client, candidate.client);
                if (verdict == ConnectionBudget.Verdict.ADMITTED) {
                    candidate.released = true;
                    candidate.conn.close();
                }
                return verdict;
            }
        }
        budget.refusedOverTotal();
        return ConnectionBudget.Verdict.OVER_TOTAL_CAP;
    }

    private void sweep() {
        long now = nanos.getAsLong();
        for (Iterator<Tracked> it = open.values().iterator(); it.hasNext(); ) {
            Tracked t = it.next();
            if (t.released) {
                continue;
            }
            observe(t, now);
            ConnectionState.Overstay overstay = t.state.overstay(now);
            if (overstay != ConnectionState.Overstay.NONE) {
                it.remove();
                release(t);
                t.conn.close();
                log.overstayed(overstay, now);
            }
        }
    }

    private static void observe(Tracked t, long now) {
        HttpServerRequest r = t.request;
        if (r == null) {
            return;
        }
        if (r.response().ended() || r.response().closed()) {
            t.request = null;
            t.state.responseEnded(now);
        } else if (r.isEnded()) {
            t.state.bodyArrived(now);
        }
    }

    private void forget(Tracked t) {
        open.remove(t.conn);
        release(t);
    }

    private void release(Tracked t) {
        if (!t.released) {
            t.released = true;
            budget.release(t.client);
        }
    }

    private static String clientOf(HttpConnection conn) {
        return conn.remoteAddress() == null || conn.remoteAddress().hostAddress() == null ? "unknown" : conn.remoteAddress().hostAddress();
    }

    /** One admitted connection. */
    private static final class Tracked {
        final HttpConnection conn;
        final String client;
        final ConnectionState state;
        HttpServerRequest request;
        boolean released;

        Tracked(HttpConnection conn, String client, ConnectionState state) {
            this.conn = conn;
            this.client = client;
            this.state = state;
        }
    }
}
