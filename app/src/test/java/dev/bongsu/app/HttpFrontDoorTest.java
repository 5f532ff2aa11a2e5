package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.config.ConnectionLimits;
import dev.bongsu.model.config.HttpConfig;
import dev.bongsu.model.config.MetricsConfig;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public listener against real sockets: protocol answers (505, 400 without a stack trace, no h2c), head and
 * keep-alive deadlines that a trickle of bytes does not extend, per-client and total caps, and /metrics kept off the
 * public port.
 */
class HttpFrontDoorTest {
    private static final String TOKEN = "0123456789abcdef-token";
    private static final ConnectionLimits LIMITS = new ConnectionLimits(8, 3, Duration.ofSeconds(1), Duration.ofMillis(500));

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<Socket> sockets = new ArrayList<>();
    private Vertx vertx;
    private HttpFrontDoor door;

    @BeforeEach
    void start() {
        Logger.getLogger("").addHandler(capture);
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws IOException {
        Logger.getLogger("").removeHandler(capture);
        for (Socket s : sockets) {
            s.close();
        }
        vertx.close().await();
    }

    private void listen(String token, MetricsConfig metrics) {
        door = new HttpFrontDoor(vertx, token)
                .mount(router -> router.get("/").handler(ctx -> ctx.response().end("home")))
                // Decodes the query as some pages do, throwing on a broken escape.
                .mount(router -> router.get("/q").handler(ctx -> ctx.response()
                        .end("lang=" + new io.netty.handler.codec.http.QueryStringDecoder(ctx.request().uri()).parameters().get("lang"))))
                .metrics(router -> router.get("/metrics").handler(ctx -> ctx.response().end("bongsu_up 1\n")));
        door.listen(new HttpConfig("127.0.0.1", 0, "http://127.0.0.1", LIMITS, metrics)).await();
    }

    private void listen() {
        listen(TOKEN, MetricsConfig.behindAdminToken());
    }

    @Test
    void anUnsupportedHttpVersionGets505() throws IOException {
        listen();

        String answer = exchange("127.0.0.1", "GET / HTTP/9.9\r\nHost: x\r\n\r\n");

        assertThat(answer).matches("(?s)HTTP/\\S+ 505 .*");
    }

    @Test
    void aBrokenPercentEscapeIs400WithOneThrottledLogLineAndNoStackTrace() throws IOException {
        listen();

        for (int i = 0; i < 20; i++) {
            assertThat(exchange("127.0.0.1", "GET /x%zz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        }

        assertThat(logged).filteredOn(r -> r.getThrown() != null).as("stack traces logged").isEmpty();
        assertThat(logged).filteredOn(r -> String.valueOf(r.getMessage()).contains("malformed")).hasSize(1);
    }

    @Test
    void aBrokenEscapeInTheQueryIs400() throws IOException {
        listen();

        assertThat(exchange("127.0.0.1", "GET /q?lang=%zz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(exchange("127.0.0.1", "GET /q?lang=%6Bo HTTP/1.1\r\nHost: x\r\n\r\n")).endsWith("lang=[ko]");
        assertThat(logged).filteredOn(r -> r.getThrown() != null).as("stack traces logged").isEmpty();
    }

    @Test
    void aMultipartBodyToTheApiIs415() throws IOException {
        listen();
        String body = "{}";

        String answer = exchange("127.0.0.1", "POST /api/v1/admin/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: multipart/form-data; boundary=\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 415 ");
    }

    @Test
    void cleartextHttp2UpgradeIsNotOffered() throws IOException {
        listen();

        String answer = exchange("127.0.0.1", "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 ").doesNotContainIgnoringCase("upgrade: h2c").endsWith("home");
    }

    @Test
    void aByteEveryFewHundredMillisecondsDoesNotKeepAConnectionPastTheHeadDeadline() throws Exception {
        listen();
        Socket s = connect("127.0.0.1");
        OutputStream out = s.getOutputStream();
        long start = System.nanoTime();

        boolean closed = false;
        String head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        for (int i = 0; i < 40 && !closed; i++) {
            try {
                out.write(head.charAt(Math.min(i, head.length() - 1)));
                out.flush();
            } catch (SocketException e) {
                closed = true;
            }
            closed = closed || closedWithin(s, Duration.ofMillis(200));
        }

        assertThat(closed).as("closed by the server").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheKeepAliveTimeout() throws Exception {
        listen();
        Socket s = connect("127.0.0.1");
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] buf = new byte[4096];
        int n = s.getInputStream().read(buf);
        assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200 ").endsWith("home");

        assertThat(closedWithin(s, Duration.ofSeconds(3))).as("closed after keep-alive").isTrue();
    }

    @Test
    void aClientOverItsShareIsRefusedAtOnceWhileAnotherIsServed() throws Exception {
        listen();
        for (int i = 0; i < 3; i++) {
            connect("127.0.0.2");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> door.connections().heldBy("127.0.0.2") == 3);

        Socket fourth = connect("127.0.0.2");

        assertThat(closedWithin(fourth, Duration.ofSeconds(1))).as("refused at once").isTrue();
        assertThat(exchange("127.0.0.3", "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        assertThat(door.connections().snapshot().refusedClient()).isEqualTo(1);
    }

    @Test
    void atTheTotalCapTheOldestIdleConnectionMakesRoomForANewClient() throws Exception {
        listen();
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            idle.add(connect("127.0.0." + (10 + i / 2)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> door.connections().snapshot().open() == 8);

        assertThat(exchange("127.0.0.30", "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ");

        assertThat(closedWithin(idle.get(0), Duration.ofSeconds(1))).as("the oldest idle connection was shed").isTrue();
        assertThat(door.connections().snapshot().shed()).isEqualTo(1);
        assertThat(door.connections().snapshot().open()).isLessThanOrEqualTo(8);
    }

    @Test
    void metricsOnThePublicPortNeedTheAdminToken() throws IOException {
        listen();

        assertThat(exchange("127.0.0.1", "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 401 ");
        assertThat(exchange("127.0.0.1", "GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ").endsWith("bongsu_up 1\n");
    }

    @Test
    void withoutAnAdminTokenMetricsAreNotOnThePublicPortAtAll() throws IOException {
        listen(null, MetricsConfig.behindAdminToken());

        assertThat(exchange("127.0.0.1", "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404 ").contains("metrics.port");
    }

    @Test
    void metricsWithAListenerOfTheirOwnAreServedThereOnly() throws IOException {
        listen(TOKEN, new MetricsConfig("127.0.0.1", 0));

        assertThat(door.metricsPort()).isNotEqualTo(door.actualPort());
        assertThat(exchange("127.0.0.1", door.metricsPort(), "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ").endsWith("bongsu_up 1\n");
        assertThat(exchange("127.0.0.1", "GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n"))
                .startsWith("HTTP/1.1 404 ");
    }

    private Socket connect(String from) throws IOException {
        return connect(from, door.actualPort());
    }

    private Socket connect(String from, int port) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return s;
    }

    private String exchange(String from, String request) throws IOException {
        return exchange(from, door.actualPort(), request);
    }

    /** Sends a request with {@code Connection: close} semantics and reads the whole answer. */
    private String exchange(String from, int port, String request) throws IOException {
        try (Socket s = connect(from, port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.replace("Host: x\r\n", "Host: x\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Whether the server closed {@code s} within {@code wait} (end of stream or reset). */
    private static boolean closedWithin(Socket s, Duration wait) throws IOException {
        s.setSoTimeout((int) wait.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }
}
