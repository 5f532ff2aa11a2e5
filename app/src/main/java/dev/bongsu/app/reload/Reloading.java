package dev.bongsu.app.reload;

import io.vertx.core.Vertx;
import java.util.List;

/** Sets up reloading for a process: the reloader, SIGHUP, and the file watcher while {@code reload.watch} is on. */
public final class Reloading {
    private Reloading() {
    }

    /**
     * A reloader for {@code file}, which the process runs as {@code running}, reconfiguring {@code steps} in order;
     * SIGHUP reloads, and the file is watched while the running configuration says {@code reload: {watch: true}}
     * (a reload that turns it on or off starts or stops the watcher).
     */
    public static ConfigReloader start(Vertx vertx, ConfigFile file, LoadedConfig running, List<ConfigReloader.Step> steps) {
        ConfigReloader reloader = new ConfigReloader(vertx, file, running, steps);
        ConfigWatcher watcher = new ConfigWatcher(vertx, reloader);
        reloader.onReloaded(now -> follow(watcher, now));
        follow(watcher, running);
        HangupSignal.install(reloader);
        return reloader;
    }

    private static void follow(ConfigWatcher watcher, LoadedConfig now) {
        if (now.config().ops().reload().watch()) {
            watcher.start();
        } else {
            watcher.stop();
        }
    }
}
