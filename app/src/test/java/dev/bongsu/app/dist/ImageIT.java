package dev.bongsu.app.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image archive that {@code mvn package} built with Jib: its configuration, and Bongsu's demo run from its
 * unpacked layers as the image's user, in a chroot with {@code /proc} and {@code /dev} as a container runtime gives them
 * (needs root for unshare and chroot, as there is no Docker daemon to run it in).
 */
class ImageIT {
    private static final Path IMAGE = Path.of(System.getProperty("bongsu.image", "target/bongsu-image.tar"));

    @TempDir
    static Path dir;
    private static Path root;
    private static JsonObject config;

    @BeforeAll
    static void unpackTheImage() throws Exception {
        assertThat(IMAGE).as("the image archive: run 'mvn package' first").isRegularFile();
        Path archive = Files.createDirectories(dir.resolve("archive"));
        run(List.of("tar", "-xf", IMAGE.toString(), "-C", archive.toString()));
        JsonObject manifest = new JsonArray(Files.readString(archive.resolve("manifest.json"))).getJsonObject(0);
        config = new JsonObject(Files.readString(archive.resolve(manifest.getString("Config")))).getJsonObject("config");
        root = Files.createDirectories(dir.resolve("root"));
        for (Object layer : manifest.getJsonArray("Layers")) {
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", archive.resolve((String) layer).toString(), "-C", root.toString()));
        }
    }

    @Test
    void theImageRunsBongsuAsANonRootUserWithTheSharedJvmOptions() {
        assertThat(config.getString("User")).isEqualTo("10001:10001");
        assertThat(config.getJsonArray("Entrypoint").getList())
                .containsExactly("/opt/java/bin/java", "-cp", "@/app/jib-classpath-file", "dev.bongsu.app.Main");
        assertThat(config.getJsonArray("Env").getList()).contains("JDK_JAVA_OPTIONS=@/opt/bongsu/conf/jvm-options");
        assertThat(config.getJsonArray("Cmd").getList()).containsExactly("run", "--config", "/etc/bongsu/bongsu.yaml");
        assertThat(config.getJsonObject("ExposedPorts").fieldNames()).containsExactlyInAnyOrder("8080/tcp", "9464/tcp");
        assertThat(config.getJsonObject("Volumes").fieldNames()).containsExactly("/var/lib/bongsu");
        assertThat(root.resolve("opt/bongsu/conf/jvm-options")).hasSameTextualContentAs(Path.of("..", "dist", "conf", "jvm-options"));
        assertThat(root.resolve("opt/java/bin/java")).isExecutable();
    }

    @Test
    void theDirectoriesBongsuWritesAreWritableForItsUser() throws Exception {
        for (String writable : List.of("tmp", "var/lib/bongsu")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(writable)))).as(writable).isEqualTo("rwxrwxrwx");
        }
    }

    @Test
    void optionsAddedAfterTheSharedOnesInJdkJavaOptionsWin() throws Exception {
        Path log = dir.resolve("image-version.log");
        Process p = inTheImage(List.of("--version"), "@/opt/bongsu/conf/jvm-options -Xmx300m -XX:+PrintCommandLineFlags", log);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("-XX:MaxHeapSize=314572800", "-XX:MaxDirectMemorySize=536870912", "-XX:+UseG1GC",
                "bongsu " + System.getProperty("bongsu.version", "0.1.0-SNAPSHOT") + " (commit ");
    }

    @Test
    void theDemoRunsInTheImageAndServesTheStatusPage() throws Exception {
        Path log = dir.resolve("image-demo.log");
        Process demo = inTheImage(List.of("demo", "--http-port", "0", "--metrics-port", "0", "--data", "/var/lib/bongsu/data"), null, log);
        try {
            Pattern statusPage = Pattern.compile("status page\\s+(http://127\\.0\\.0\\.1:\\d+)/");
            String base = await("the demo in the image prints its status page address").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(demo.isAlive()).as("demo still running; its output:\n%s", Files.readString(log)).isTrue();
                        Matcher m = statusPage.matcher(Files.readString(log));
                        return m.find() ? m.group(1) : null;
                    }, url -> url != null);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            await("the image's /healthz answers 200").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            assertThat(Files.readString(log)).contains("Picked up JDK_JAVA_OPTIONS: @/opt/bongsu/conf/jvm-options")
                    .doesNotContain("Exception");
        } finally {
            // chroot's change of user clears unshare's signal on parent death: stop Bongsu itself.
            demo.descendants().forEach(ProcessHandle::destroy);
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Starts the image's entrypoint with {@code args} as a container runtime would: as the image's user, with only the
     * image's environment ({@code jdkJavaOptions} replacing its JDK_JAVA_OPTIONS when given), {@code /proc} and {@code /dev}.
     */
    private static Process inTheImage(List<String> args, String jdkJavaOptions, Path log) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("running the image needs root for unshare and chroot (CI runs as root); run the tests as root "
                    + "or build without the image (-Djib.skip=true)");
        }
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--fork", "--kill-child=SIGTERM", "sh", "-c",
                "root=$1; shift; mkdir -p \"$root/proc\" \"$root/dev\" && mount -t proc proc \"$root/proc\" "
                        + "&& mount --rbind /dev \"$root/dev\" && cd \"$root\" && exec \"$@\"", "sh", root.toString(), "env", "-i"));
        for (Object variable : config.getJsonArray("Env")) {
            String v = (String) variable;
            command.add(jdkJavaOptions != null && v.startsWith("JDK_JAVA_OPTIONS=") ? "JDK_JAVA_OPTIONS=" + jdkJavaOptions : v);
        }
        command.addAll(List.of(Files.isExecutable(Path.of("/usr/sbin/chroot")) ? "/usr/sbin/chroot" : "/usr/bin/chroot", "--userspec=" + config.getString("User"), "."));
        command.addAll(config.getJsonArray("Entrypoint").stream().map(String.class::cast).toList());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("tar.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as(command + ": " + Files.readString(dir.resolve("tar.log"))).isTrue();
    }
}
