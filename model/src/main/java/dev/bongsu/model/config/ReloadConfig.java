package dev.bongsu.model.config;

/**
 * The top-level {@code reload} section.
 *
 * @param watch whether a change of the config file reloads it without a signal or API call
 */
public record ReloadConfig(boolean watch) {
    /** Reload only on SIGHUP, the admin API or {@code bongsu reload}. */
    public static ReloadConfig defaults() {
        return new ReloadConfig(false);
    }
}
