package dev.bongsu.model.config;

import java.time.Duration;

/** Reads the top-level {@code watchdog} section. */
final class WatchdogSection {
    private WatchdogSection() {
    }

    /** The settings, or {@code null} when the section is absent. */
    static WatchdogConfig read(ConfigNode n) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("url", "secret", "every", "timeout");
        return new WatchdogConfig(n.require("url").nonEmptyText(), n.get("secret").isMissing() ? null : n.get("secret").nonEmptyText(),
                n.get("every").durationOr(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1)),
                n.get("timeout").durationOr(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }
}
