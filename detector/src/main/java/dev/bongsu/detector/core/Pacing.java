package dev.bongsu.detector.core;

import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.ServiceConfig;

import java.time.Duration;
import java.util.List;

/**
 * How long evidence must hold before an incident opens: a service failing alone is confirmed once its failing
 * probes span {@code confirmFor} at a quorum of vantages (default max(3 × interval, 2 × interval + timeout) of its slowest check); a
 * correlated incident whose top cause is not complete waits up to {@code stragglerWait} (default interval +
 * timeout) after its earliest member's onset. Heartbeat checks take no part in either default: a missed
 * heartbeat is confirmed by its grace, and a daily heartbeat must not make a service's other checks wait for days.
 */
final class Pacing {
    private final DetectorConfig cfg;

    Pacing(DetectorConfig cfg) {
        this.cfg = cfg;
    }

    /**
     * How long one check of a service failing alone must keep failing: the service's confirmation period, or
     * nothing for a heartbeat, whose grace was its confirmation (the push side reports a miss only after it).
     */
    long confirmForMillis(ServiceConfig s, CheckConfig c) {
        return Heartbeats.is(c) ? 0 : confirmForMillis(s);
    }

    /** The confirmation period of a service failing alone; heartbeat periods do not count. */
    long confirmForMillis(ServiceConfig s) {
        if (cfg.confirmFor() != null) {
            return cfg.confirmFor().toMillis();
        }
        long out = 0;
        for (CheckConfig c : probed(s)) {
            long i = c.interval().toMillis();
            out = Math.max(out, Math.max(3 * i, 2 * i + c.timeout().toMillis()));
        }
        return out;
    }

    /** How long after the earliest onset a correlated incident with an incomplete cause may wait for stragglers. */
    long stragglerWaitMillis(ServiceConfig s) {
        if (cfg.stragglerWait() != null) {
            return cfg.stragglerWait().toMillis();
        }
        long out = 0;
        for (CheckConfig c : probed(s)) {
            out = Math.max(out, c.interval().plus(c.timeout()).toMillis());
        }
        return out;
    }

    /** Services sharing a cause that are confirmed together at once. */
    int together() {
        return cfg.confirmTogether();
    }

    /**
     * Whether a service failing alone has failed long enough (its failing probes span {@code confirmFor} at a
     * quorum), or keeps flapping, to open its incident.
     */
    boolean confirmedAlone(ServiceTrack t, long nowMs) {
        return t.failing() && (t.flapping || t.failedLongEnough);
    }

    /** The checks of a service that vantages probe (not its heartbeats). */
    static List<CheckConfig> probed(ServiceConfig s) {
        return s.checks().stream().filter(c -> !Heartbeats.is(c)).toList();
    }

    Duration correlationWindow() {
        return cfg.correlationWindow();
    }
}
