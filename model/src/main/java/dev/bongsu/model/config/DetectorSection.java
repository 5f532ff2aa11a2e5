package dev.bongsu.model.config;

import java.time.Duration;
import java.util.List;

/** Reads the {@code detector} section. */
final class DetectorSection {
    private DetectorSection() {
    }

    static DetectorConfig read(ConfigNode n) {
        DetectorConfig d = DetectorConfig.defaults();
        n.allowOnly("quorum", "failuresToDown", "successesToUp", "staleAfterIntervals", "correlationWindow",
                "correlationAttributes", "latency", "flapping", "probeFault", "confirmFor", "confirmTogether", "stragglerWait");
        ConfigNode latency = n.get("latency").allowOnly("window", "minSamples", "factor", "madK", "minIncreaseMs");
        ConfigNode flapping = n.get("flapping").allowOnly("window", "changes");
        ConfigNode probeFault = n.get("probeFault").allowOnly("ratio", "minChecks");
        ConfigNode quorum = n.get("quorum");
        int q = quorum.isMissing() || "majority".equals(quorum.text()) ? 0 : quorumNumber(quorum);
        List<String> attributes = d.correlationAttributes();
        ConfigNode attrs = n.get("correlationAttributes");
        if (!attrs.isMissing()) {
            attributes = attrs.texts();
            for (int i = 0; i < attributes.size(); i++) {
                if (!ServiceConfig.ATTRIBUTES.contains(attributes.get(i))) {
                    throw attrs.items().get(i).error("one of " + String.join(", ", ServiceConfig.ATTRIBUTES));
                }
            }
        }
        return new DetectorConfig(
                q,
                n.get("failuresToDown").integerOr(d.failuresToDown(), 1, 100),
                n.get("successesToUp").integerOr(d.successesToUp(), 1, 100),
                n.get("staleAfterIntervals").numberOr(d.staleAfterIntervals(), 1.5, 1000),
                n.get("correlationWindow").durationOr(d.correlationWindow(), Duration.ZERO, Duration.ofHours(6)),
                attributes,
                latency.get("window").durationOr(d.latencyWindow(), Duration.ofMinutes(1), Duration.ofDays(7)),
                latency.get("minSamples").integerOr(d.latencyMinSamples(), 3, 100_000),
                latency.get("factor").numberOr(d.latencyFactor(), 1.0, 100),
                latency.get("madK").numberOr(d.latencyMadK(), 0, 100),
                latency.get("minIncreaseMs").numberOr(d.latencyMinIncreaseMs(), 0, 600_000),
                flapping.get("window").durationOr(d.flapWindow(), Duration.ofSeconds(10), Duration.ofDays(1)),
                flapping.get("changes").integerOr(d.flapChanges(), 2, 1000),
                probeFault.get("ratio").numberOr(d.probeFaultRatio(), 0.05, 1.0),
                probeFault.get("minChecks").integerOr(d.probeFaultMinChecks(), 1, 100_000),
                optionalDuration(n.get("confirmFor")),
                n.get("confirmTogether").integerOr(d.confirmTogether(), 2, 1000),
                optionalDuration(n.get("stragglerWait")));
    }

    /** An unset duration stays null: its default derives from each check's interval. */
    private static Duration optionalDuration(ConfigNode n) {
        return n.isMissing() ? null : n.durationOr(Duration.ZERO, Duration.ZERO, Duration.ofHours(1));
    }

    private static int quorumNumber(ConfigNode quorum) {
        try {
            return quorum.integer(1, 1000);
        } catch (ConfigException e) {
            throw quorum.error("'majority' or a whole number of vantages from 1 to 1000");
        }
    }
}
