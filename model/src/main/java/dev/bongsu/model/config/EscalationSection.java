package dev.bongsu.model.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a route's {@code escalate} steps and the {@code alerting.ack} section. */
final class EscalationSection {
    /** Longest delay of an escalation step. */
    static final Duration MAX_AFTER = Duration.ofDays(7);

    private EscalationSection() {
    }

    /**
     * Reads {@code escalate: [{after: 10m, receivers: [...]}, ...]}: each step's {@code after} later than the one
     * before, receivers known.
     */
    static List<EscalationStep> steps(ConfigNode list, Set<String> receiverNames) {
        if (!list.isMissing() && !list.isList()) {
            throw list.error("a list of steps such as [{after: 10m, receivers: [second-oncall]}]");
        }
        List<EscalationStep> out = new ArrayList<>();
        Duration previous = null;
        for (ConfigNode step : list.items()) {
            if (!step.isMapping()) {
                throw step.error("a step such as {after: 10m, receivers: [second-oncall]}");
            }
            step.allowOnly("after", "receivers");
            ConfigNode afterNode = step.require("after");
            Duration after = afterNode.duration(Duration.ofSeconds(1), MAX_AFTER);
            if (previous != null && after.compareTo(previous) <= 0) {
                throw afterNode.error("a delay longer than the previous step's (" + Durations.format(previous) + ")");
            }
            ConfigNode receiversNode = step.require("receivers");
            List<String> receivers = receiversNode.texts();
            List<ConfigNode> nodes = receiversNode.oneOrMany();
            if (receivers.isEmpty()) {
                throw receiversNode.error("at least one receiver name");
            }
            for (int i = 0; i < receivers.size(); i++) {
                if (!receiverNames.contains(receivers.get(i))) {
                    throw nodes.get(i).error("a receiver name (" + String.join(", ", receiverNames) + ")");
                }
            }
            out.add(new EscalationStep(after, receivers));
            previous = after;
        }
        return out;
    }

    /** Reads {@code alerting.ack: {secret, linkValidity}}. */
    static AckConfig ack(ConfigNode n) {
        AckConfig d = AckConfig.defaults();
        n.allowOnly("secret", "linkValidity");
        String secret = null;
        if (!n.get("secret").isMissing()) {
            secret = n.get("secret").text();
            if (secret.length() < 16) {
                throw n.get("secret").secretError("a secret of at least 16 characters");
            }
        }
        return new AckConfig(secret, n.get("linkValidity").durationOr(d.linkValidity(), Duration.ofMinutes(5), Duration.ofDays(90)));
    }
}
