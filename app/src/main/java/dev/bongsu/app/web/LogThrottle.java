package dev.bongsu.app.web;

import java.time.Duration;

/**
 * At most one log line per interval for a kind of event that a client can cause at will; counts what it held back
 * so the next line can say so. Time is an input (nanoseconds from any fixed origin). Thread-safe.
 */
public final class LogThrottle {
    private final long intervalNanos;
    private long lastNanos;
    private boolean logged;
    private long held;

    /** A throttle allowing one line per {@code interval}. */
    public LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Whether a line may be logged at {@code nowNanos}; returns -1 when not (the event is counted), else how many
     * events were held back since the last line.
     */
    public synchronized long tryLog(long nowNanos) {
        if (logged && nowNanos - lastNanos < intervalNanos) {
            held++;
            return -1;
        }
        long heldBack = held;
        held = 0;
        logged = true;
        lastNanos = nowNanos;
        return heldBack;
    }
}
