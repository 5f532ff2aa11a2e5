package dev.bongsu.model.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** Reads the top-level {@code watchdog} section. */
final class WatchdogSection {
    /** The limit on one call when none is set (or {@code every} when that is shorter). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+(:\\d+)?([/?#]\\S*)?");

    private WatchdogSection() {
    }

    /** The settings, or {@code null} when the section is absent. */
    static WatchdogConfig read(ConfigNode n) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("url", "secret", "every", "timeout");
        ConfigNode urlNode = n.require("url");
        String url = urlNode.text();
        if (!URL.matcher(url).matches()) {
            // a dead man's switch URL usually carries its secret (a ping id): never echo it
            throw urlNode.secretError("an absolute http:// or https:// URL");
        }
        ConfigNode secretNode = n.get("secret");
        String secret = null;
        if (!secretNode.isMissing()) {
            secret = secretNode.text();
            if (secret.isBlank()) {
                throw secretNode.secretError("a non-empty secret (leave the key out to send the calls unsigned)");
            }
        }
        Duration every = n.get("every").durationOr(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofHours(1));
        ConfigNode timeoutNode = n.get("timeout");
        Duration timeout = timeoutNode.durationOr(every.compareTo(DEFAULT_TIMEOUT) < 0 ? every : DEFAULT_TIMEOUT,
                Duration.ofSeconds(1), Duration.ofMinutes(1));
        if (timeout.compareTo(every) > 0) {
            throw timeoutNode.problem("expected at most watchdog.every (" + every.toSeconds() + "s), found "
                    + timeout.toSeconds() + "s: a call must end before the next one is due");
        }
        return new WatchdogConfig(url, secret, every, timeout);
    }
}
