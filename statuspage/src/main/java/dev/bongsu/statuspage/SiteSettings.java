package dev.bongsu.statuspage;

import java.time.Duration;

/**
 * How often the status page rebuilds.
 *
 * @param debounce       wait after a state change before rebuilding, so a burst of changes costs one build
 * @param historyRefresh how often the uptime bars and 24-hour charts are read again from the history store
 * @param fullRefresh    how often everything is rebuilt even without a change (durations, day boundaries)
 */
public record SiteSettings(Duration debounce, Duration historyRefresh, Duration fullRefresh) {
    /** The defaults: 200 ms, 60 s, 30 s. */
    public static SiteSettings defaults() {
        return new SiteSettings(Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
}
