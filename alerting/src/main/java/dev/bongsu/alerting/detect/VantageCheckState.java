package dev.bongsu.alerting.detect;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;

/** The health of one check seen from one vantage, with hysteresis and its latency baseline. */
final class VantageCheckState {
    private final int failuresToDown;
    private final int successesToUp;
    private final LatencyBaseline latency;

    private boolean seen;
    private long lastStartedAt;
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private long streakStart;
    private boolean failing;
    private long failingOnset;
    private ErrorClass lastError;

    VantageCheckState(int failuresToDown, int successesToUp, LatencyBaseline latency) {
        this.failuresToDown = failuresToDown;
        this.successesToUp = successesToUp;
        this.latency = latency;
    }

    /** Takes a result in; returns false when it is not newer than the latest one seen (late or duplicate). */
    boolean accept(ProbeResult r) {
        if (seen && r.startedAt() <= lastStartedAt) {
            return false;
        }
        seen = true;
        lastStartedAt = r.startedAt();
        if (r.ok()) {
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

    boolean isFresh(long nowMillis, long staleMillis) {
        return seen && nowMillis - lastStartedAt <= staleMillis;
    }

    boolean seen() {
        return seen;
    }

    boolean failing() {
        return failing;
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
