package dev.bongsu.app.cluster;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bongsu nodes in separate JVMs for multi-process tests: {@code java -cp <test classpath> dev.bongsu.app.Main ...}
 * with a small heap and the C1 compiler only (two cores are shared), output to one log file each; every process is
 * killed by {@link #close()}.
 */
public final class ClusterProcesses implements AutoCloseable {
    private static final Pattern HTTP_PORT = Pattern.compile("status page and API on http://127\\.0\\.0\\.1:(\\d+)/");
    private final Path dir;
    private final Map<String, Process> processes = new LinkedHashMap<>();

    public ClusterProcesses(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code bongsu ARGS...} as a JVM named {@code name}; its output goes to {@code name.log}. */
    public Process start(String name, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1",
                "-Djava.net.preferIPv4Stack=true", "-cp", classPath(), "dev.bongsu.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(name).toFile());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            processes.put(name, p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The log file of a process. */
    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** The log of a process so far. */
    public String output(String name) {
        try {
            return Files.exists(log(name)) ? Files.readString(log(name), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log(name) + ": " + e.getMessage() + ")";
        }
    }

    /**
     * The HTTP port the process {@code name} logged last ("status page and API on http://127.0.0.1:PORT/", from
     * {@code run}, {@code demo} and {@code server}), waiting for it at most {@code within}; a process that exits with
     * a {@code bongsu: …} error fails at once with its log.
     */
    public int httpPort(String name, Duration within) {
        int[] port = new int[1];
        await(name + " listens").atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
            String log = output(name);
            if (log.startsWith("bongsu: ") || log.contains("\nbongsu: ")) {
                throw new AssertionError(name + " did not start:\n" + log);
            }
            Matcher m = HTTP_PORT.matcher(log);
            int last = -1;
            while (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
            port[0] = last;
            return last > 0;
        });
        return port[0];
    }

    /** Every log, for a failure message. */
    public String allOutput() {
        StringBuilder sb = new StringBuilder();
        processes.keySet().forEach(n -> sb.append("==== ").append(n).append(" ====\n").append(tail(interesting(output(n)), 8000)));
        return sb.toString();
    }

    /** {@code kill -9}. */
    void kill(String name) {
        Process p = processes.get(name);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroyForcibly);
        for (Process p : processes.values()) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The log without Hazelcast's routine lines, keeping membership changes. */
    private static String interesting(String log) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.split("\n")) {
            boolean hazelcast = line.contains("[5.3.8]") && !line.contains("Members {") && !line.contains("Merg")
                    && !line.contains("Removing Member") && !line.contains("SHUTTING");
            if (!hazelcast && !line.startsWith("\tat ")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test class path; under Surefire's manifest-only jar the real one is in surefire.test.class.path. */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
