package dev.bongsu.model.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerTokenHandlerTest {
    private static final String TOKEN = "0123456789abcdef-token";

    static Vertx vertx;
    static HttpServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/admin").handler(new BearerTokenHandler(TOKEN)).handler(ctx -> ctx.response().end("in"));
        router.get("/off").handler(new BearerTokenHandler(null, "metrics are off")).handler(ctx -> ctx.response().end("in"));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            Bearer 0123456789abcdef-token    | 200
            bearer 0123456789abcdef-token    | 200
            BEARER 0123456789abcdef-token    | 200
            Bearer   0123456789abcdef-token  | 200
            Bearer 0123456789abcdef-toke     | 401
            Basic 0123456789abcdef-token     | 401
            Bearer0123456789abcdef-token     | 401
            Bearer                           | 401
            NONE                             | 401
            """)
    void theSchemeIsMatchedInAnyCaseAndTheTokenExactly(String authorization, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/admin"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @ParameterizedTest
    @CsvSource({"/off"})
    void withoutATokenEverythingBehindItIsOffWithItsOwnMessage(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("metrics are off");
    }
}
