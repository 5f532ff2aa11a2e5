package dev.bongsu.app.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive that {@code mvn package} built, unpacked into an empty directory and run the way a user runs it:
 * {@code bin/bongsu} with nothing but Java and a few basic tools on PATH, from another working directory.
 * Run by failsafe after {@code package} ({@code mvn verify}).
 */
class ReleaseArchiveIT {
    private static final Path ARCHIVE = Path.of(System.getProperty("bongsu.releaseArchive", "target/bongsu-0.1.0-SNAPSHOT.tar.gz"));
    private static final String VERSION = System.getProperty("bongsu.version", "0.1.0-SNAPSHOT");
    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);

    @TempDir
    static Path unpacked;
    @TempDir
    static Path tools;
    private static Path home;

    @TempDir
    Path work;

    @BeforeAll
    static void unpackTheArchive() throws Exception {
        assertThat(ARCHIVE).as("the release archive: run 'mvn package' first").isRegularFile();
        Process tar = new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", unpacked.toString()).inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf " + ARCHIVE).isTrue();
        home = unpacked.resolve("bongsu-" + VERSION);
        // The launcher may use only these besides java: PATH holds nothing else.
        for (String tool : List.of("sh", "dirname", "readlink", "sed", "head", "cut")) {
            Files.createSymbolicLink(tools.resolve(tool), locate(tool));
        }
    }

    @AfterAll
    static void removeTheToolLinks() throws IOException {
        // JUnit warns about every link to outside its temporary directory that it deletes itself.
        try (var links = Files.list(tools)) {
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        }
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarTheUnitsTheExamplesAndTheDocs() {
        assertThat(home.resolve("bin/bongsu")).isExecutable();
        assertThat(home.resolve("lib/bongsu.jar")).isRegularFile();
        assertThat(home.resolve("conf/jvm-options")).isRegularFile();
        assertThat(home.resolve("systemd")).isDirectoryContaining("glob:**/bongsu-run.service")
                .isDirectoryContaining("glob:**/bongsu-server.service")
                .isDirectoryContaining("glob:**/bongsu-probe@.service")
                .isDirectoryContaining("glob:**/bongsu.env");
        assertThat(home.resolve("examples/bongsu.yaml")).isRegularFile();
        assertThat(home.resolve("grafana/dashboards")).isDirectory();
        assertThat(home.resolve("docs/INSTALL.md")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
    }

    @Test
    void theDemoRunsFromTheUnpackedArchiveAndServesTheStatusPage() throws Exception {
        Path log = work.resolve("demo.log");
        Process demo = launcher(javaPath(), List.of("demo", "--http-port", "0", "--metrics-port", "0", "--data", work.resolve("data").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Pattern statusPage = Pattern.compile("status page\\s+(http://127\\.0\\.0\\.1:\\d+)/");
            String base = await("the demo prints its status page address (log: " + log + ")").atMost(START_DEADLINE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(demo.isAlive()).as("demo still running; its output:\n%s", read(log)).isTrue();
                        Matcher m = statusPage.matcher(read(log));
                        return m.find() ? m.group(1) : null;
                    }, url -> url != null);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            await("the status page answers 200").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } finally {
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theLauncherFindsItsArchiveThroughSymlinks() throws Exception {
        Path links = Files.createDirectories(work.resolve("usr/local/bin"));
        Path absolute = Files.createSymbolicLink(links.resolve("bongsu"), home.resolve("bin/bongsu"));
        Path relative = Files.createSymbolicLink(links.resolve("bongsu-relative"), links.relativize(home.resolve("bin/bongsu")));
        Path chained = Files.createSymbolicLink(links.resolve("bongsu-chained"), Path.of("bongsu"));

        try {
            for (Path link : List.of(absolute, relative, chained)) {
                Result r = run(new ProcessBuilder(link.toString(), "--version"), javaPath());
                assertThat(r.status()).as(link + ": " + r.output()).isZero();
                assertThat(r.output()).startsWith("bongsu " + VERSION + " (commit ");
            }
        } finally {
            for (Path link : List.of(chained, relative, absolute)) {
                Files.delete(link);
            }
        }
    }

    @Test
    void optionsInBongsuJavaOptsComeAfterTheDefaultsSoTheyWin() throws Exception {
        ProcessBuilder pb = launcher(javaPath(), List.of("--version"));
        pb.environment().put("BONGSU_JAVA_OPTS", "-Xmx300m -XX:+PrintCommandLineFlags");
        Result r = run(pb, null);

        assertThat(r.status()).as(r.output()).isZero();
        assertThat(r.output()).contains("-XX:MaxHeapSize=314572800", "-XX:+UseG1GC", "-XX:MaxDirectMemorySize=536870912",
                "bongsu " + VERSION);
    }

    @Test
    void withoutJavaTheLauncherSaysWhatIsNeeded() throws Exception {
        Result r = run(launcher(tools.toString(), List.of("--version")), null);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.output()).startsWith("bongsu: Java 17 or newer is needed: no java on PATH and JAVA_HOME is not set");
    }

    @Test
    void aJavaOlderThanSeventeenIsRefusedWithItsVersion() throws Exception {
        Path old = Files.createDirectories(work.resolve("old-java/bin"));
        Path java = old.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        java.toFile().setExecutable(true);
        ProcessBuilder pb = launcher(tools.toString(), List.of("--version"));
        pb.environment().put("JAVA_HOME", old.getParent().toString());

        Result r = run(pb, null);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.output()).startsWith("bongsu: Java 17 or newer is needed, " + java + " is Java 11.0.22");
    }

    @Test
    void theSystemdUnitsPassSystemdAnalyzeVerify() throws Exception {
        Path analyze = locate("systemd-analyze");
        // verify checks that ExecStart exists: point the units at the unpacked archive instead of /opt/bongsu.
        List<String> units = new ArrayList<>();
        for (String unit : List.of("bongsu-run.service", "bongsu-server.service", "bongsu-probe@.service")) {
            String text = Files.readString(home.resolve("systemd").resolve(unit)).replace("/opt/bongsu", home.toString());
            String name = unit.replace("@.", "@seoul-kt.");
            Files.writeString(work.resolve(name), text);
            units.add(name);
        }
        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no"));
        command.addAll(units);

        Result r = run(new ProcessBuilder(command).directory(work.toFile()), System.getenv("PATH"));

        assertThat(r.status()).as(r.output()).isZero();
        assertThat(r.output()).as("no warnings (unknown keys, bad values)").isEmpty();
    }

    private static ProcessBuilder launcher(String path, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/bongsu").toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", path);
        env.put("HOME", unpacked.toString());
        return pb;
    }

    private Result run(ProcessBuilder pb, String path) throws Exception {
        if (path != null) {
            pb.environment().clear();
            pb.environment().put("PATH", path);
        }
        if (pb.directory() == null) {
            pb.directory(work.toFile());
        }
        Path out = Files.createTempFile(work, "out", ".txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(pb.command() + " did not end within 60 s: " + read(out));
        }
        return new Result(p.exitValue(), read(out));
    }

    private record Result(int status, String output) {
    }

    private static String javaPath() {
        return JAVA_BIN + ":" + tools;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Path locate(String tool) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(tool + " is not installed (scripts/test installs what the tests need)");
    }
}
