package dev.bongsu.aggregator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.Timings;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.testkit.Tools;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MetricsVerticle}'s per-check series on {@code /metrics}, following a reloaded configuration. */
class MetricsVerticleReloadTest {
    static final String BEFORE = """
            vantages: [seoul-kt, busan-skb]
            services:
              - id: kakaotalk
                name: KakaoTalk
                provider: kakao
                category: messenger
                checks:
                  - {type: http, url: "https://127.0.0.1:8443/health"}
                  - {type: tcp, host: 127.0.0.1, port: 5222}
            """;
    static final String AFTER = """
            vantages: [seoul-kt, tokyo-aws]
            services:
              - id: kakaotalk
                name: KakaoTalk
                provider: kakao
                category: messenger
                checks:
                  - {type: http, url: "https://127.0.0.1:8443/health"}
                  - {type: dns, query: talk.kakao.com}
            """;

    Vertx vertx;
    HttpServer server;
    MetricsVerticle verticle;

    static BongsuConfig config(String yaml) {
        return new ConfigLoader(Map.of()).parse("reload.yaml", yaml);
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        verticle = new MetricsVerticle(config(BEFORE), null);
        vertx.deployVerticle(verticle).await();
        Router router = Router.router(vertx);
        verticle.mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The per-check series lines of a scrape. */
    List<String> checkLines() throws Exception {
        return scrape().lines().filter(l -> l.startsWith("bongsu_check_")).toList();
    }

    void publish(String vantage, String... checks) {
        long now = System.currentTimeMillis();
        List<ProbeResult> results = java.util.Arrays.stream(checks).map(c -> ProbeResult.success(c, "kakaotalk", vantage, now, 200,
                new Timings(1, 2, 3, 4, 10)).withCertDaysLeft(30.0)).toList();
        vertx.eventBus().publish(Addresses.RESULTS, new ResultBatch(vantage, results));
    }

    static String up(String check, String vantage) {
        return "bongsu_check_up{check=\"" + check + "\",service=\"kakaotalk\",vantage=\"" + vantage + "\"} 1.0";
    }

    @Test
    void removedChecksAndVantagesLoseTheirSeriesAtOnceAndNewOnesGetThemWithTheirFirstResult() throws Exception {
        publish("seoul-kt", "kakaotalk.http", "kakaotalk.tcp");
        publish("busan-skb", "kakaotalk.http", "kakaotalk.tcp");
        await().atMost(Duration.ofSeconds(20)).until(() -> scrape().contains(up("kakaotalk.tcp", "busan-skb")));

        verticle.reconfigure(config(AFTER)).await();

        assertThat(checkLines()).contains(up("kakaotalk.http", "seoul-kt")).noneMatch(l -> l.contains("kakaotalk.tcp") || l.contains("busan-skb"));
        publish("tokyo-aws", "kakaotalk.http", "kakaotalk.dns");
        publish("busan-skb", "kakaotalk.http");
        await().atMost(Duration.ofSeconds(20)).until(() -> scrape().contains("bongsu_check_results_unconfigured_total 1.0"));
        assertThat(scrape()).contains(up("kakaotalk.dns", "tokyo-aws"), up("kakaotalk.http", "tokyo-aws"));
        assertThat(checkLines()).noneMatch(l -> l.contains("busan-skb"));
    }

    @Test
    void thePerCheckSeriesPassPromtoolCheckMetrics(@TempDir Path tmp) throws Exception {
        publish("seoul-kt", "kakaotalk.http", "kakaotalk.tcp");
        await().atMost(Duration.ofSeconds(20)).until(() -> scrape().contains("bongsu_check_cert_expiry_timestamp_seconds{"));
        Path input = tmp.resolve("metrics.txt");
        Files.writeString(input, scrape(), StandardCharsets.UTF_8);

        Process p = new ProcessBuilder(Tools.onPath("prometheus", "promtool"), "check", "metrics").redirectInput(input.toFile())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).as("promtool check metrics output").isEmpty();
        assertThat(p.exitValue()).isZero();
    }
}
