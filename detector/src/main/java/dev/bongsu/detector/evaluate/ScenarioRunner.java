package dev.bongsu.detector.evaluate;

import dev.bongsu.detector.core.Detector;
import dev.bongsu.detector.core.DetectorOutput;
import dev.bongsu.detector.core.IncidentIds;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Replays a scenario through the real {@link Detector} in virtual time and judges what it raised. */
public final class ScenarioRunner {
    private static final Duration TICK = Duration.ofSeconds(1);

    private final ProbeGenerator generator = new ProbeGenerator();

    /** Runs one scenario. */
    public ScenarioResult run(Scenario s) {
        Detector detector = new Detector(ServiceConfigs.of(s), s.vantages(), DetectorConfig.defaults(),
                IncidentIds.timeSortable(new Random(42)));
        List<ScenarioResult.Timed> timed = new ArrayList<>();
        List<ProbeGenerator.NodeStats> stats = generator.nodeStats(s);
        List<ProbeGenerator.Delivery> deliveries = generator.deliveries(s);
        int nextStats = 0;
        int nextDelivery = 0;
        Duration nextTick = TICK;
        // Ticks, probe nodes' load reports and result batches, merged in time order: time never runs backwards.
        while (true) {
            Duration statsAt = nextStats < stats.size() ? stats.get(nextStats).at() : null;
            Duration deliveryAt = nextDelivery < deliveries.size() ? deliveries.get(nextDelivery).at() : null;
            Duration tickAt = nextTick.compareTo(s.duration()) <= 0 ? nextTick : null;
            Duration at = earliest(earliest(statsAt, deliveryAt), tickAt);
            if (at == null) {
                break;
            }
            if (at.equals(statsAt)) {
                nodeStats(detector, stats.get(nextStats++), timed);
            } else if (at.equals(deliveryAt)) {
                ProbeGenerator.Delivery d = deliveries.get(nextDelivery++);
                record(timed, at, detector.onResults(d.results(), ProbeGenerator.EPOCH.plus(at)));
            } else {
                record(timed, at, detector.tick(ProbeGenerator.EPOCH.plus(at)));
                nextTick = nextTick.plus(TICK);
            }
        }
        return Judge.judge(s, timed);
    }

    private static Duration earliest(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /** Tells the detector a probe node's load, as a probe node's stats message would. */
    private static void nodeStats(Detector detector, ProbeGenerator.NodeStats s, List<ScenarioResult.Timed> timed) {
        record(timed, s.at(), detector.onProbeNodeStats(s.vantage(), s.node(), s.overloaded(), s.lagP99Ms(),
                ProbeGenerator.EPOCH.plus(s.at())));
    }

    private static void record(List<ScenarioResult.Timed> timed, Duration at, DetectorOutput out) {
        for (IncidentTransition t : out.transitions()) {
            timed.add(new ScenarioResult.Timed(at, t));
        }
    }
}
