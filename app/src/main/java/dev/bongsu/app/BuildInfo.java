package dev.bongsu.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What was built: version, commit and build time, read from {@code bongsu-version.properties} that the build fills in.
 * A value the build could not fill in (no .git directory, a run from an IDE's unfiltered classes) reads "unknown".
 */
public record BuildInfo(String version, String commit, String built) {
    private static final String RESOURCE = "/bongsu-version.properties";
    private static final String UNKNOWN = "unknown";

    /** The build information of the running Bongsu. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return of(p);
    }

    /** The build information in {@code p}; a missing or unfilled ({@code ${...}}) value reads "unknown". */
    public static BuildInfo of(Properties p) {
        return new BuildInfo(value(p, "version"), value(p, "commit"), value(p, "built"));
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }

    /** One line: {@code bongsu 0.1.0 (commit abc1234, built 2026-01-02T03:04:05Z)}. */
    public String line() {
        return "bongsu " + version + " (commit " + commit + ", built " + built + ")";
    }
}
