package dev.bongsu.app.reload;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * The configuration file of a running process: read once into bytes, hashed and validated from those same bytes, so
 * the hash always names the configuration that runs. Blocking (file I/O): call off the event loop.
 */
public final class ConfigFile {
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final Path file;
    private final ConfigLoader loader;
    private final UnaryOperator<BongsuConfig> overrides;
    private final Clock clock;

    /**
     * @param file      the YAML file
     * @param loader    validates it (and resolves {@code ${NAME}})
     * @param overrides command-line overrides applied after every load (e.g. {@code --http-port})
     * @param clock     stamps {@link LoadedConfig#loadedAt()}
     */
    public ConfigFile(Path file, ConfigLoader loader, UnaryOperator<BongsuConfig> overrides, Clock clock) {
        this.file = file;
        this.loader = loader;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** The file. */
    public Path path() {
        return file;
    }

    /** Reads, hashes and validates the file; an invalid one throws a {@link ConfigException} naming file:line. */
    public LoadedConfig load() {
        byte[] bytes = read();
        BongsuConfig cfg = loader.parse(file.toString(), new String(bytes, StandardCharsets.UTF_8));
        return new LoadedConfig(overrides.apply(cfg), hash(bytes), file, clock.instant());
    }

    /** The short hash of some bytes: 12 hex digits of their SHA-256. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private byte[] read() {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(name, 0, "", "file is larger than 4 MiB; is it the right file?");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "", "file does not exist");
        } catch (IOException e) {
            throw new ConfigException(name, 0, "", "cannot read file: " + e.getMessage());
        }
    }
}
