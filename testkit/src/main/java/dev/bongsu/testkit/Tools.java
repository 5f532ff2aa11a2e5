package dev.bongsu.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real programs tests start (influxd, prometheus, alertmanager, …) and the loopback ports they listen on. */
public final class Tools {
    private Tools() {
    }

    /**
     * The first of {@code names} that is an executable on the PATH; otherwise the test fails with a message that
     * says how to get it (never skipped).
     *
     * @param debianPackage the Debian package that brings it, named in the failure
     */
    public static String onPath(String debianPackage, String... names) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : names) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        throw new AssertionError(names[0] + " not found on PATH: install it with `apt-get install " + debianPackage
                + "` (scripts/test installs it)");
    }

    /** A loopback port free at the time of asking. */
    public static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
