package dev.bongsu.app;

import dev.bongsu.app.reload.ConfigFile;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE [--http-port N]} options of the commands that run a server, and the loading they share. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true, description = "the YAML configuration")
    private Path config;

    @Option(names = "--http-port", paramLabel = "N", description = "override http.port (0 for any free port)")
    private Integer httpPort;

    /**
     * The configuration file, read (and read again on every reload) with the port override applied; load it with
     * {@link ConfigFile#load()}, which throws with the location of invalid input.
     */
    ConfigFile file() {
        if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
            throw new UserException("--http-port: expected 0 to 65535, found " + httpPort, Main.EXIT_CONFIG);
        }
        return new ConfigFile(config, ConfigLoader.fromSystemEnvironment(),
                cfg -> httpPort == null ? cfg : cfg.withHttp(cfg.http().withPort(httpPort)), java.time.Clock.systemUTC());
    }

    /** The validated configuration with the port override applied; invalid input throws with its location. */
    BongsuConfig load() {
        BongsuConfig cfg = ConfigLoader.fromSystemEnvironment().load(config);
        if (httpPort == null) {
            return cfg;
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new UserException("--http-port: expected 0 to 65535, found " + httpPort, Main.EXIT_CONFIG);
        }
        return cfg.withHttp(cfg.http().withPort(httpPort));
    }
}
