package dev.bongsu.app.reload;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * {@code reload: {watch: true}}: looks at the configuration file every {@link #POLL_MS} ms and reloads it once a
 * change has held still for one more look (an editor that writes in steps or renames a new file into place is seen
 * once, complete). Polls the file's modification time and size instead of a directory watch, so it works the same
 * with every editor, on network file systems and through symbolic links. An invalid edit is logged with its
 * file:line by the reloader and the process keeps running; the next edit is tried again.
 */
public final class ConfigWatcher {
    /** Time between two looks at the file. */
    public static final long POLL_MS = 2_000;
    private static final Logger LOG = Logger.getLogger("reload");

    private final Vertx vertx;
    private final ConfigReloader reloader;
    private final long pollMs;
    private Stamp seen;
    private Stamp pending;
    private long timer = -1;

    /** A watcher of the reloader's file, looking every {@link #POLL_MS} ms. */
    public ConfigWatcher(Vertx vertx, ConfigReloader reloader) {
        this(vertx, reloader, POLL_MS);
    }

    /** A watcher looking every {@code pollMs} ms. */
    public ConfigWatcher(Vertx vertx, ConfigReloader reloader, long pollMs) {
        this.vertx = vertx;
        this.reloader = reloader;
        this.pollMs = pollMs;
    }

    /** Starts watching (again); the file as it is now counts as seen. */
    public synchronized void start() {
        if (timer >= 0) {
            return;
        }
        seen = stamp(reloader.file().path());
        timer = vertx.setPeriodic(pollMs, id -> vertx.executeBlocking(() -> {
            look();
            return null;
        }, false));
        LOG.info("watching " + reloader.file().path() + " for changes (reload.watch)");
    }

    /** Stops watching. */
    public synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
            LOG.info("no longer watching " + reloader.file().path());
        }
    }

    /** Whether it is watching. */
    public synchronized boolean watching() {
        return timer >= 0;
    }

    private synchronized void look() {
        Stamp now = stamp(reloader.file().path());
        if (Objects.equals(now, seen)) {
            pending = null;
            return;
        }
        if (!Objects.equals(now, pending)) {
            pending = now;
            return;
        }
        seen = now;
        pending = null;
        reloader.reload("file watch");
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toMillis(), a.size(), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    /** What is compared between looks: a rename into place changes the file key even with the same time and size. */
    private record Stamp(long modifiedMs, long size, Object fileKey) {
    }
}
