package dev.bongsu.app.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * What the public listener tells operators about the clients it turns away: at most one line per interval for each
 * kind (refused connections, connections closed at a deadline, malformed requests), never one per connection, with
 * the counts since the last line. Shared by every listener instance; time is an input.
 */
public final class FrontDoorLog {
    private static final Logger LOG = Logger.getLogger("http");

    private final ConnectionBudget budget;
    private final LogThrottle refusals;
    private final LogThrottle overstays;
    private final LogThrottle malformed;
    private final AtomicLong headOverstays = new AtomicLong();
    private final AtomicLong bodyOverstays = new AtomicLong();
    private final AtomicLong keepAliveCloses = new AtomicLong();
    private final AtomicLong malformedRequests = new AtomicLong();
    private final Duration headTimeout;

    /** A log about {@code budget}'s listener, one line of each kind per {@code interval}. */
    public FrontDoorLog(ConnectionBudget budget, Duration headTimeout, Duration interval) {
        this.budget = budget;
        this.headTimeout = headTimeout;
        this.refusals = new LogThrottle(interval);
        this.overstays = new LogThrottle(interval);
        this.malformed = new LogThrottle(interval);
    }

    /** A connection was refused (or an idle one shed) at {@code nowNanos}. */
    public void refused(ConnectionBudget.Verdict why, long nowNanos) {
        long held = refusals.tryLog(nowNanos);
        if (held >= 0) {
            ConnectionBudget.Snapshot s = budget.snapshot();
            LOG.warning("public HTTP listener refusing connections (" + (why == ConnectionBudget.Verdict.OVER_CLIENT_CAP
                    ? "a client reached http.maxConnectionsPerClient = " + budget.maxPerClient()
                    : "http.maxConnections = " + budget.maxTotal() + " reached")
                    + "): " + s.open() + " open, " + s.refusedTotal() + " refused over the total cap and " + s.refusedClient()
                    + " over the per-client cap since start, " + s.shed() + " idle connections closed to make room; "
                    + held + " similar events not logged since the last line");
        }
    }

    /** A connection was closed at {@code nowNanos} for overstaying. */
    public void overstayed(ConnectionState.Overstay how, long nowNanos) {
        switch (how) {
            case HEAD -> headOverstays.incrementAndGet();
            case BODY -> bodyOverstays.incrementAndGet();
            case KEEP_ALIVE -> keepAliveCloses.incrementAndGet();
            case NONE -> {
                return;
            }
        }
        if (how != ConnectionState.Overstay.KEEP_ALIVE && overstays.tryLog(nowNanos) >= 0) {
            LOG.warning("public HTTP listener closed slow connections: " + headOverstays.get() + " without a complete request head and "
                    + bodyOverstays.get() + " without a complete body within http.requestHeadTimeout = " + headTimeout.toMillis()
                    + "ms since start (slow clients, or a slow-connection attack)");
        }
    }

    /** A malformed request from {@code client} was answered with a 4xx at {@code nowNanos}. */
    public void malformed(String client, String what, long nowNanos) {
        malformedRequests.incrementAndGet();
        long held = malformed.tryLog(nowNanos);
        if (held >= 0) {
            LOG.warning("malformed request from " + client + ": " + what + " (" + held + " more malformed requests not logged since the last line)");
        }
    }

    /** Connections closed without a complete head in time, since start. */
    public long headOverstays() {
        return headOverstays.get();
    }

    /** Idle kept-alive connections closed, since start. */
    public long keepAliveCloses() {
        return keepAliveCloses.get();
    }

    /** Malformed requests answered, since start. */
    public long malformedRequests() {
        return malformedRequests.get();
    }
}
