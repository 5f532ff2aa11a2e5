package dev.bongsu.detector.core;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HeartbeatTarget;
import dev.bongsu.model.config.Thresholds;

/**
 * The detector's rules for heartbeat checks, which a job pushes instead of a vantage probing them: their results
 * come from the {@link HeartbeatTarget#VANTAGE push} vantage alone, one per push or per missed deadline, and the push
 * side has already waited out the grace before it reports a miss.
 */
final class Heartbeats {
    /** A heartbeat result stays fresh this share of its period beyond period + grace … */
    static final double MARGIN_PERIODS = 0.25;
    /** … and at least this long (ms): the push side reports a missed deadline on its next once-a-second tick. */
    static final long MIN_MARGIN_MS = 2_000;
    /** Unless set on the check: failing after one failure (a missed deadline or a push saying down), up after one push. */
    static final Thresholds THRESHOLDS = new Thresholds(1, 1);

    private Heartbeats() {
    }

    /** Whether the check is a heartbeat (pushed, not probed). */
    static boolean is(CheckConfig c) {
        return c.type() == CheckType.HEARTBEAT;
    }

    /** Whether the vantage is {@code push}, which is no place probes run from. */
    static boolean isPush(String vantage) {
        return HeartbeatTarget.VANTAGE.equals(vantage);
    }

    /** Whether results of {@code vantage} are evidence about {@code c}: heartbeats from {@code push}, the rest from elsewhere. */
    static boolean seenFrom(CheckConfig c, String vantage) {
        return is(c) == isPush(vantage);
    }

    /**
     * How long a heartbeat result is believed: period + grace (the check's interval + timeout) and a margin, by
     * when the push side has reported the next push or the miss.
     */
    static long staleAfterMillis(CheckConfig c) {
        long period = c.interval().toMillis();
        return period + c.timeout().toMillis() + Math.max((long) (MARGIN_PERIODS * period), MIN_MARGIN_MS);
    }
}
