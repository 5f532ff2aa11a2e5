package dev.bongsu.model.config;

import java.time.Duration;

/**
 * A heartbeat check: the watched job calls {@code /api/v1/push/{check}} at least every {@code period}; a call that is
 * {@code grace} late (or one that says {@code status=down}) makes the check fail. Never probed by a vantage: its
 * results are recorded as seen from the {@link #VANTAGE} vantage.
 *
 * @param period how often the job is expected to call
 * @param grace  how late a call may be before the check fails
 * @param token  the secret the job sends (usually {@code ${ENV_VAR}} in the file), or {@code null} for none
 */
public record HeartbeatTarget(Duration period, Duration grace, String token) implements CheckTarget {
    /** The vantage name heartbeat results carry. */
    public static final String VANTAGE = "push";

    @Override
    public String describe() {
        return "heartbeat every " + period + " (grace " + grace + ")";
    }

    @Override
    public String toString() {
        return "HeartbeatTarget[period=" + period + ", grace=" + grace + ", token=(hidden)]";
    }
}
