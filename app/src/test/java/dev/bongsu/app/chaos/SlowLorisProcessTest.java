package dev.bongsu.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.bongsu.testkit.Tools;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The slow-connection attack of issue 12 against a real {@code bongsu demo} process (simulated fleet, probes,
 * detector, alerting with a webhook receiver here): 2,100 connections from 30 loopback addresses (arriving as a
 * stream of up to 350 a second), each dripping one byte of a never-ending request head every 2 s for 30 s,
 * reconnecting when closed. Throughout, every simulated
 * service must stay up, the status page must answer within 1 s, and no page may be sent. Run at the inherited
 * descriptor limit and with the server's limit lowered to 2,048. Prints the figures for docs/RELIABILITY.md.
 */
class SlowLorisProcessTest {
    private static final int SLOTS = 2_100;
    private static final int CLIENTS = 30;
    private static final long DRIP_MILLIS = 2_000;
    /** New connections per drip interval: the attack builds up in 6 s, well within the 10 s head deadline. */
    private static final int OPENS_PER_ROUND = 700;
    private static final Duration ATTACK = Duration.ofSeconds(30);
    private static final Duration PAGE_BOUND = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final List<String> pages = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private Process server;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        receiver.createContext("/hook", exchange -> {
            pages.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        receiver.stop(0);
    }

    @ParameterizedTest(name = "descriptor limit {0} (0: inherited)")
    @ValueSource(ints = {0, 2048})
    void slowConnectionsNeitherBlindTheProbesNorStallThePage(int descriptorLimit) throws Exception {
        int port = Tools.freeLoopbackPort();
        Path log = dir.resolve("server-" + descriptorLimit + ".log");
        server = start(descriptorLimit, port, log);
        await("the demo is up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> server.isAlive() && Files.readString(log).contains("Bongsu demo running"));
        await("every simulated service up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> states(port).values().stream().allMatch("up"::equals) && !states(port).isEmpty());
        String limits = Files.readString(log).lines().filter(l -> l.contains("public listener limits")).findFirst().orElse("");
        if (descriptorLimit > 0) {
            assertThat(limits).contains("descriptor limit " + descriptorLimit);
        }

        List<String> problems = new ArrayList<>();
        long worstPageNanos = 0;
        int checks = 0;
        try (SlowLorisAttack attack = new SlowLorisAttack(new InetSocketAddress("127.0.0.1", port), SLOTS, CLIENTS, OPENS_PER_ROUND)
                .start(DRIP_MILLIS)) {
            long end = System.nanoTime() + ATTACK.toNanos();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                String page = get(port, "/");
                long took = System.nanoTime() - t0;
                worstPageNanos = Math.max(worstPageNanos, took);
                checks++;
                if (!page.startsWith("HTTP/1.1 200 ") || took > PAGE_BOUND.toNanos()) {
                    problems.add(String.format("page at +%ds: %s in %d ms", checks, firstLine(page), took / 1_000_000));
                }
                Map<String, String> states = states(port);
                if (states.isEmpty() || !states.values().stream().allMatch("up"::equals)) {
                    problems.add("services not all up: " + states);
                }
                await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            }
            System.out.printf("slow-loris (server descriptor limit %s): %d connections opened, %d closed or refused by the server, "
                            + "%d held at most (%d at the end), %d connect failures; %d page checks, worst page %d ms; pages sent: %d; %s%n",
                    descriptorLimit == 0 ? "inherited" : descriptorLimit, attack.opened(), attack.closedByServer(), attack.maxHeld(),
                    attack.held(), attack.connectFailures(), checks, worstPageNanos / 1_000_000, pages.size(), limits.trim());
            Files.readString(log).lines().filter(l -> l.contains("public HTTP listener")).reduce((a, b) -> b)
                    .ifPresent(l -> System.out.println("  last server line: " + l.trim()));
            assertThat(attack.opened()).as("connections opened").isGreaterThanOrEqualTo(SLOTS);
        }
        assertThat(problems).as("problems during the attack; server log:%n%s", tail(log)).isEmpty();
        assertThat(pages).as("pages sent during the attack").isEmpty();
        assertThat(Files.readString(log)).as("the server never ran out of descriptors").doesNotContain("Too many open files");
        assertThat(server.isAlive()).isTrue();
    }

    private Process start(int descriptorLimit, int port, Path log) throws IOException {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true", "-cp", classPath(), "dev.bongsu.app.Main",
                "demo", "--http-port", Integer.toString(port), "--metrics-port", "0", "--interval", "2s",
                "--data", Files.createDirectories(dir.resolve("data-" + descriptorLimit)).toString(),
                "--webhook", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        List<String> cmd = new ArrayList<>();
        if (descriptorLimit > 0) {
            cmd.addAll(List.of(Tools.onPath("bash", "bash").toString(), "-c", "ulimit -n " + descriptorLimit + " && exec \"$@\"", "bash"));
        }
        cmd.addAll(java);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("BONGSU_ADMIN_TOKEN");
        return pb.start();
    }

    private static Map<String, String> states(int port) throws IOException {
        String answer = get(port, "/api/v1/status");
        int body = answer.indexOf("\r\n\r\n");
        if (!answer.startsWith("HTTP/1.1 200 ") || body < 0) {
            return Map.of();
        }
        return new JsonObject(answer.substring(body + 4)).getJsonArray("services").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(s -> s.getString("id"), s -> s.getString("state")));
    }

    /** One request on a fresh connection from 127.0.0.1 (not one of the attacking addresses); the whole answer. */
    private static String get(int port, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no answer: " + e + ")";
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\r');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.length() < 6000 ? s : "…" + s.substring(s.length() - 6000);
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
