package dev.bongsu.app.reload;

import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * Reloads the configuration on SIGHUP ({@code kill -HUP PID}, {@code systemctl reload bongsu}). The signal thread only
 * hands the reload to the reloader, which runs it on its own event-loop context and logs the outcome.
 */
public final class HangupSignal {
    private static final Logger LOG = Logger.getLogger("reload");

    private HangupSignal() {
    }

    /** Installs the handler; on a platform without SIGHUP (Windows) logs that only the API and file watching reload. */
    public static void install(ConfigReloader reloader) {
        try {
            Signal.handle(new Signal("HUP"), signal -> reloader.reload("SIGHUP"));
            LOG.fine("SIGHUP reloads " + reloader.file().path());
        } catch (IllegalArgumentException e) {
            LOG.warning("this platform has no SIGHUP: reload with POST /api/v1/admin/reload or reload.watch instead");
        }
    }
}
