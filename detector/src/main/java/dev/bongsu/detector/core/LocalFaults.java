package dev.bongsu.detector.core;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.config.CheckConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The results vantages reported about themselves rather than about a check: a probe that could not run for want of
 * a local resource ({@code local_resource}) marks its vantage locally faulted for one {@linkplain Rounds round} of
 * that check. Times are probe times (epoch ms).
 */
final class LocalFaults {
    /** vantage → check id → until when its latest local-resource result holds. */
    private final Map<String, Map<String, Long>> until = new HashMap<>();
    /** vantage → the reason of its latest local-resource result. */
    private final Map<String, String> reason = new HashMap<>();
    /** vantage → one interval after the first local-resource result of its current spell. */
    private final Map<String, Long> deadline = new HashMap<>();

    /** Takes a local-resource result {@code r} of check {@code c}. */
    void record(CheckConfig c, ProbeResult r, long nowMs) {
        if (checks(r.vantage(), nowMs).isEmpty()) {
            // a probe that cannot start fails at once: every node of the same process says so within an interval
            long interval = c.interval().toMillis();
            deadline.put(r.vantage(), r.startedAt() + interval + Rounds.margin(interval));
        }
        until.computeIfAbsent(r.vantage(), v -> new HashMap<>()).merge(c.id(), r.startedAt() + Rounds.of(c), Math::max);
        reason.put(r.vantage(), r.detail());
    }

    /**
     * The checks a vantage could not probe for want of a local resource, within one interval + timeout + margin of
     * the start of that failed probe (so one round of the check): empty when the vantage's probe node is fine.
     */
    Set<String> checks(String vantage, long nowMs) {
        Map<String, Long> u = until.get(vantage);
        if (u == null) {
            return Set.of();
        }
        u.values().removeIf(t -> t < nowMs);
        return Set.copyOf(u.keySet());
    }

    /**
     * One interval + margin after the first local-resource result of the vantage's current spell: a vantage reporting
     * evidence that started later was not hit by the same exhaustion. {@link Long#MAX_VALUE} without a spell.
     */
    long deadline(String vantage) {
        return deadline.getOrDefault(vantage, Long.MAX_VALUE);
    }

    /** The detail of the latest local-resource result of a vantage, or null. */
    String reason(String vantage) {
        return reason.get(vantage);
    }

    /** Forgets a check (removed by a reload) at every vantage. */
    void forgetCheck(String checkId) {
        until.values().forEach(m -> m.remove(checkId));
    }

    /** Forgets everything about a vantage (dropped by a reload). */
    void forgetVantage(String vantage) {
        until.remove(vantage);
        reason.remove(vantage);
        deadline.remove(vantage);
    }
}
