package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.app.heartbeat.PushRoute;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.ConnectionLimits;
import dev.bongsu.model.config.HttpConfig;
import dev.bongsu.model.config.MetricsConfig;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push route behind the real public listener: served without the admin token, and a GET that carries a form
 * body (which Vert.x refuses to decode) answers like any GET instead of 500.
 */
class PushOnFrontDoorTest {
    private Vertx vertx;
    private HttpFrontDoor door;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        var cfg = new ConfigLoader(Map.of()).parse("push.yaml",
                "services:\n  - {id: a, name: A, provider: p, category: c, checks: [{type: heartbeat, period: 1m}]}\n");
        door = new HttpFrontDoor(vertx, "0123456789abcdef-admin").mount(new PushRoute(vertx.eventBus(), cfg, Clock.systemUTC())::mount);
        door.listen(new HttpConfig("127.0.0.1", 0, "http://127.0.0.1",
                new ConnectionLimits(8, 3, Duration.ofSeconds(5), Duration.ofMillis(500)), MetricsConfig.behindAdminToken())).await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void aPushIsServedOnThePublicPortWithoutTheAdminToken() throws IOException {
        assertThat(raw("POST", "/api/v1/push/a.heartbeat?status=up", null, "")).startsWith("HTTP/1.1 200 ").endsWith("{\"ok\":true}");
    }

    @Test
    void aGetWithAFormBodyIsAnsweredNotFailed() throws IOException {
        String form = "application/x-www-form-urlencoded";
        String body = "{\"status\":\"down\",\"msg\":\"fuzzed\"}";

        assertThat(raw("GET", "/api/v1/push/a.heartbeat?status=down", form, body)).startsWith("HTTP/1.1 200 ");
        assertThat(raw("GET", "/api/v1/push/no-such.heartbeat", form, body)).startsWith("HTTP/1.1 404 ");
        assertThat(raw("GET", "/api/v1/nothing", form, body)).startsWith("HTTP/1.1 404 ");
        assertThat(raw("POST", "/api/v1/push/a.heartbeat", form, "status=down")).as("a POST form is still decoded").startsWith("HTTP/1.1 200 ");
    }

    private String raw(String method, String path, String contentType, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", door.actualPort())) {
            s.setSoTimeout(20_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
            s.getOutputStream().write((head + body).getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
