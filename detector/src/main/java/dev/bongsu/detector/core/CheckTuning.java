package dev.bongsu.detector.core;

import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.Thresholds;

/**
 * The detector's settings as they apply to one check at one vantage: the thresholds and latency baseline of its
 * {@link VantageCheckState}, and how long its results are believed. A reload makes a new one; {@link #retune} carries
 * a state kept across the reload over to it.
 */
final class CheckTuning {
    private final DetectorConfig cfg;

    /** The tuning the detector's settings {@code cfg} give. */
    CheckTuning(DetectorConfig cfg) {
        this.cfg = cfg;
    }

    /** A new state of {@code c} at {@code vantage}, with the thresholds and latency baseline in force there. */
    VantageCheckState newState(CheckConfig c, String vantage) {
        Thresholds t = thresholds(c, vantage);
        return new VantageCheckState(t.failuresToDown(), t.successesToUp(), latency(c, t));
    }

    /**
     * Gives a kept state the thresholds and latency settings in force now; a check whose target changed starts a new
     * latency baseline, the others keep theirs.
     */
    void retune(VantageCheckState s, CheckConfig c, String vantage, boolean retargeted) {
        Thresholds t = thresholds(c, vantage);
        s.retune(t.failuresToDown(), t.successesToUp(), retargeted ? latency(c, t) : null);
        if (!retargeted) {
            s.latency().retune(cfg.latencyWindow().toMillis(), cfg.latencyMinSamples(), recentSize(t),
                    cfg.latencyFactor(), cfg.latencyMadK(), cfg.latencyMinIncreaseMs());
        }
    }

    /**
     * How long a result is believed: {@code staleAfterIntervals} × interval + timeout; a heartbeat's see
     * {@link Heartbeats#staleAfterMillis}.
     */
    long staleAfter(CheckConfig c) {
        return Heartbeats.is(c) ? Heartbeats.staleAfterMillis(c)
                : (long) (cfg.staleAfterIntervals() * c.interval().toMillis()) + c.timeout().toMillis();
    }

    /** The thresholds in force for a check at a vantage: the check's, then (heartbeats) 1 and 1, then the detector's. */
    private Thresholds thresholds(CheckConfig c, String vantage) {
        Thresholds t = c.thresholdsFor(vantage);
        t = t == null ? Thresholds.DEFAULTS : t;
        if (Heartbeats.is(c)) {
            t = t.orElse(Heartbeats.THRESHOLDS);
        }
        return t.orElse(cfg.thresholds());
    }

    private static int recentSize(Thresholds t) {
        return Math.max(3, 2 * t.failuresToDown() - 1);
    }

    /** A new latency baseline; none for a heartbeat, which has no latency. */
    private LatencyBaseline latency(CheckConfig c, Thresholds t) {
        return Heartbeats.is(c) ? LatencyBaseline.off() : new LatencyBaseline(cfg.latencyWindow().toMillis(),
                cfg.latencyMinSamples(), recentSize(t), cfg.latencyFactor(), cfg.latencyMadK(), cfg.latencyMinIncreaseMs());
    }
}
