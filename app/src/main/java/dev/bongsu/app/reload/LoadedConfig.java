package dev.bongsu.app.reload;

import dev.bongsu.model.config.BongsuConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A configuration a process runs, with where it came from.
 *
 * @param config   the validated configuration (with command-line overrides applied)
 * @param hash     the first 12 hex digits of the SHA-256 of the file's bytes, as {@code sha256sum FILE | cut -c1-12}
 *                 prints them; the same file gives the same hash on every node
 * @param file     the file, or {@code null} when the configuration was not read from one (the demo)
 * @param loadedAt when it was read
 */
public record LoadedConfig(BongsuConfig config, String hash, Path file, Instant loadedAt) {
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    /** {@code {hash, file, loadedAt}} for the admin API. */
    public JsonObject toJson() {
        return new JsonObject().put("hash", hash).put("file", file == null ? null : file.toString()).put("loadedAt", loadedAt.toString());
    }
}
