package dev.bongsu.model.maintenance;

import dev.bongsu.model.config.MaintenanceWindow;
import java.util.List;

/**
 * The scheduled maintenance as the status page reads it: every window, from YAML and from the admin API, cancelled
 * ones included (the page decides what the public sees). Implemented by alerting's maintenance store, so the page
 * needs no alerting classes.
 */
public interface MaintenanceReader {
    /** Every window, safe to call from any thread. */
    List<MaintenanceWindow> maintenances();

    /** Calls {@code listener} (on any thread) after every change, so readers can rebuild. */
    void onChange(Runnable listener);

    /** No maintenance at all. */
    MaintenanceReader NONE = new MaintenanceReader() {
        @Override
        public List<MaintenanceWindow> maintenances() {
            return List.of();
        }

        @Override
        public void onChange(Runnable listener) {
        }
    };

    /** A fixed list (YAML windows only, or tests). */
    static MaintenanceReader of(List<MaintenanceWindow> windows) {
        List<MaintenanceWindow> copy = List.copyOf(windows);
        return new MaintenanceReader() {
            @Override
            public List<MaintenanceWindow> maintenances() {
                return copy;
            }

            @Override
            public void onChange(Runnable listener) {
            }
        };
    }
}
