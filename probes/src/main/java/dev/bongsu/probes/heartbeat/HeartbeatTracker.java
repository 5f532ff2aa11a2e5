package dev.bongsu.probes.heartbeat;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of every heartbeat check, with time as an input: a push {@code up} is a passing result, a push
 * {@code down} a failing one ({@code heartbeat_down}, with the job's message), and a check whose deadline (its last
 * push, or the start, plus period plus grace) has passed fails as {@code heartbeat_missed}, again every period while
 * no push comes, so that it stays fresh and failing. Results carry the {@link HeartbeatTarget#VANTAGE} vantage. Not
 * thread-safe: one owner drives it.
 */
public final class HeartbeatTracker {
    private final Map<String, Watch> watches = new LinkedHashMap<>();

    /** A tracker for the heartbeat checks among {@code checks} (others are ignored), started at {@code startMs}. */
    public HeartbeatTracker(Collection<CheckConfig> checks, long startMs) {
        for (CheckConfig c : heartbeatsOf(checks)) {
            watches.put(c.id(), new Watch(c, startMs));
        }
    }

    /** Whether {@code checkId} is a heartbeat check this tracker watches. */
    public boolean watches(String checkId) {
        return watches.containsKey(checkId);
    }

    /** How many checks are watched. */
    public int size() {
        return watches.size();
    }

    /**
     * Takes a push of {@code checkId} at {@code nowMs}; its result, or empty for a check that is not watched.
     *
     * @param up      whether the job said it is up
     * @param message the job's words (used for a down push; may be {@code null})
     */
    public Optional<ProbeResult> push(String checkId, boolean up, String message, long nowMs) {
        Watch w = watches.get(checkId);
        if (w == null) {
            return Optional.empty();
        }
        w.pushed(nowMs);
        CheckConfig c = w.check;
        if (up) {
            return Optional.of(ProbeResult.success(c.id(), c.serviceId(), HeartbeatTarget.VANTAGE, nowMs, 0, Timings.total(0)));
        }
        String detail = message == null || message.isBlank() ? "the job reported down" : "the job reported down: " + message;
        return Optional.of(ProbeResult.failure(c.id(), c.serviceId(), HeartbeatTarget.VANTAGE, nowMs, ErrorClass.HEARTBEAT_DOWN, 0,
                Timings.total(0), detail));
    }

    /** The {@code heartbeat_missed} results due at {@code nowMs}: checks past their deadline, once per period. */
    public List<ProbeResult> due(long nowMs) {
        List<ProbeResult> out = new ArrayList<>();
        for (Watch w : watches.values()) {
            if (nowMs >= w.nextMissedMs) {
                out.add(w.missed(nowMs));
                w.nextMissedMs = nowMs + w.periodMs();
            }
        }
        return out;
    }

    /**
     * Takes a new set of checks at {@code nowMs}: a new heartbeat check starts its deadline now, a removed one is
     * forgotten, one that stays keeps its last push (and is judged by its new period and grace from then on).
     */
    public void reconfigure(Collection<CheckConfig> checks, long nowMs) {
        Map<String, Watch> next = new LinkedHashMap<>();
        for (CheckConfig c : heartbeatsOf(checks)) {
            Watch old = watches.get(c.id());
            next.put(c.id(), old == null ? new Watch(c, nowMs) : old.reconfigured(c));
        }
        watches.clear();
        watches.putAll(next);
    }

    /** The heartbeat checks among {@code checks}. */
    public static List<CheckConfig> heartbeatsOf(Collection<CheckConfig> checks) {
        return checks.stream().filter(c -> c.type() == CheckType.HEARTBEAT && c.target() instanceof HeartbeatTarget).toList();
    }

    /** Says a duration the way the results' details do: {@code 150 s}, {@code 25 min}, {@code 3 h}. */
    static String words(long ms) {
        long s = Math.max(0, ms) / 1_000;
        if (s < 600) {
            return s + " s";
        }
        if (s < 2 * 3_600) {
            return s / 60 + " min";
        }
        return s / 3_600 + " h";
    }

    /** One heartbeat check: when it was last pushed (or started) and when its next missed result is due. */
    private static final class Watch {
        private final CheckConfig check;
        private final HeartbeatTarget target;
        private long lastMs;
        private boolean everPushed;
        private long nextMissedMs;

        Watch(CheckConfig check, long startMs) {
            this.check = check;
            this.target = (HeartbeatTarget) check.target();
            this.lastMs = startMs;
            this.nextMissedMs = deadline();
        }

        long periodMs() {
            return target.period().toMillis();
        }

        /** The moment this check fails without a push: last push (or start) + period + grace. */
        long deadline() {
            return lastMs + target.period().toMillis() + target.grace().toMillis();
        }

        void pushed(long nowMs) {
            lastMs = nowMs;
            everPushed = true;
            nextMissedMs = deadline();
        }

        /** This check under its new settings, with its history: judged by its new deadline, or still failing on schedule. */
        Watch reconfigured(CheckConfig c) {
            Watch w = new Watch(c, lastMs);
            w.everPushed = everPushed;
            boolean missing = nextMissedMs > deadline();
            w.nextMissedMs = missing ? nextMissedMs : w.deadline();
            return w;
        }

        ProbeResult missed(long nowMs) {
            String since = everPushed ? "no heartbeat for " + words(nowMs - lastMs)
                    : "no heartbeat since monitoring started " + words(nowMs - lastMs) + " ago";
            return ProbeResult.failure(check.id(), check.serviceId(), HeartbeatTarget.VANTAGE, nowMs, ErrorClass.HEARTBEAT_MISSED, 0,
                    Timings.total(0), since + " (expected every " + words(periodMs()) + ", grace " + words(target.grace().toMillis()) + ")");
        }
    }
}
