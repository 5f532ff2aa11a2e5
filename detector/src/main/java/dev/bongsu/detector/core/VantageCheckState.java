package dev.bongsu.detector.core;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;

/** The health of one check seen from one vantage: consecutive-result hysteresis and the latency baseline. */
final class VantageCheckState {
    private int failuresToDown;
    private int successesToUp;
    private LatencyBaseline latency;

    private boolean seen;
    private long lastStartedAt;
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private long streakStart;
    private boolean failing;
    private long failingOnset;
    private ErrorClass lastError;
    private boolean lastOk;
    private long okStreakStart;

    VantageCheckState(int failuresToDown, int successesToUp, LatencyBaseline latency) {
        this.failuresToDown = failuresToDown;
        this.successesToUp = successesToUp;
        this.latency = latency;
    }

    /** Takes a result in; returns false, changing nothing, when it is not newer than the latest one taken. */
    boolean accept(ProbeResult r) {
        if (seen && r.startedAt() <= lastStartedAt) {
            return false;
        }
        seen = true;
        lastStartedAt = r.startedAt();
        lastOk = r.ok();
        if (r.ok()) {
            if (consecutiveSuccesses == 0) {
                okStreakStart = r.startedAt();
            }
            consecutiveFailures = 0;
            consecutiveSuccesses++;
            if (failing && consecutiveSuccesses >= successesToUp) {
                failing = false;
            }
            latency.add(r.startedAt(), r.latencyMs());
        } else {
            consecutiveSuccesses = 0;
            if (consecutiveFailures == 0) {
                streakStart = r.startedAt();
            }
            consecutiveFailures++;
            lastError = r.error();
            if (!failing && consecutiveFailures >= failuresToDown) {
                failing = true;
                failingOnset = streakStart;
            }
        }
        return true;
    }

    /**
     * Applies the thresholds of a reloaded configuration from now on: a streak already long enough for the new
     * threshold counts at once. {@code freshLatency}, when not null, replaces the latency baseline (the check now
     * probes another target, so its old latencies say nothing).
     */
    void retune(int failuresToDown, int successesToUp, LatencyBaseline freshLatency) {
        this.failuresToDown = failuresToDown;
        this.successesToUp = successesToUp;
        if (freshLatency != null) {
            latency = freshLatency;
        }
        if (!failing && consecutiveFailures > 0 && consecutiveFailures >= failuresToDown) {
            failing = true;
            failingOnset = streakStart;
        } else if (failing && consecutiveSuccesses > 0 && consecutiveSuccesses >= successesToUp) {
            failing = false;
        }
    }

    /** Starts out failing since {@code onset}, as restored from a previous run; no result is taken yet. */
    void seedFailing(long onset) {
        failing = true;
        failingOnset = onset;
        streakStart = onset;
    }

    /** Whether the latest result is recent enough to be believed at {@code nowMillis}. */
    boolean isFresh(long nowMillis, long staleMillis) {
        return seen && nowMillis - lastStartedAt <= staleMillis;
    }

    boolean seen() {
        return seen;
    }

    long lastStartedAt() {
        return lastStartedAt;
    }

    /** Whether the latest result passed. */
    boolean lastOk() {
        return lastOk;
    }

    /**
     * Whether this vantage passed the check at a time when {@code failing} (another vantage, failing it) was
     * failing it: its current run of passes overlaps the other's current run of failures.
     */
    boolean contradicts(VantageCheckState failing) {
        return seen && lastOk && !failing.lastOk && okStreakStart <= failing.lastStartedAt
                && lastStartedAt >= failing.streakStart;
    }

    /** Whether this vantage counts the check as failing (after {@code failuresToDown}, until {@code successesToUp}). */
    boolean failing() {
        return failing;
    }

    /** Whether this vantage sees the check slow against its own baseline (and not failing). */
    boolean slow() {
        return !failing && latency.anomalous();
    }

    /** Start of the current failure streak when the latest result failed; {@link Long#MAX_VALUE} otherwise. */
    long failingSince() {
        return seen && !lastOk ? streakStart : Long.MAX_VALUE;
    }

    /** Start of the failure streak that made this vantage count the check as failing. */
    long failingOnset() {
        return failingOnset;
    }

    ErrorClass lastError() {
        return lastError;
    }

    LatencyBaseline latency() {
        return latency;
    }
}
