package dev.bongsu.model.config;

import java.util.Objects;

/**
 * How Bongsu itself is operated: reloading its file and telling an outside dead man's switch it is alive.
 *
 * @param reload   the {@code reload} section
 * @param watchdog the {@code watchdog} section, or {@code null} when none is configured
 */
public record OperationsConfig(ReloadConfig reload, WatchdogConfig watchdog) {
    public OperationsConfig {
        Objects.requireNonNull(reload, "reload");
    }

    /** No file watching and no watchdog. */
    public static OperationsConfig defaults() {
        return new OperationsConfig(ReloadConfig.defaults(), null);
    }
}
