package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.Alerting;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentQuery;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.Severity;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.web.BearerTokenHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AckCommandTest {
    private static final String TOKEN = "admin-token-0123456789";
    private static final Instant T0 = Instant.parse("2026-10-15T06:33:00Z");
    private static final Incident OPEN = new Incident("01J-KAKAO", 1, IncidentKind.SERVICE, IncidentState.OPEN, Severity.CRITICAL,
            List.of("kakaotalk"), List.of("seoul-kt"), T0, T0, null, new LocalizedText("카카오톡 중단", "KakaoTalk down"), null, null, List.of());
    private Vertx vertx;
    private String url;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        BongsuConfig cfg = new ConfigLoader(Map.of()).parse("t.yaml", """
                storage: {dir: "%s"}
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                """.formatted(dir));
        IncidentReader incidents = new IncidentReader() {
            @Override
            public Future<List<Incident>> incidents(IncidentQuery query) {
                return Future.succeededFuture(List.of(OPEN));
            }

            @Override
            public Future<Optional<Incident>> incident(String id) {
                return Future.succeededFuture(Optional.ofNullable(id.equals(OPEN.id()) ? OPEN : null));
            }
        };
        Alerting alerting = Alerting.create(vertx, cfg, Clock.systemUTC(), "test", incidents);
        vertx.deployVerticle(alerting.verticle()).await();
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create());
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(TOKEN));
        alerting.ackRoutes().mount(router);
        int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
        url = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void acknowledgesOnceAndListsIt() {
        Run ack = run("ack", "--url", url, "--token", TOKEN, "--by", "kim", "01J-KAKAO");
        assertThat(ack.status()).as(ack.err()).isZero();
        assertThat(ack.out()).matches("incident 01J-KAKAO acknowledged by kim at \\S+Z\\n");

        Run again = run("ack", "--url", url, "--token", TOKEN, "--by", "lee", "01J-KAKAO");
        assertThat(again.status()).isZero();
        assertThat(again.out()).startsWith("incident 01J-KAKAO already acknowledged by kim at ");

        Run list = run("ack", "--url", url, "--token", TOKEN, "--list");
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains("01J-KAKAO", "kim", "cli");
    }

    @Test
    void errorsAreOneLine() {
        Run unknown = run("ack", "--url", url, "--token", TOKEN, "no-such-incident");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("bongsu: HTTP 404: no incident with id 'no-such-incident'\n");

        Run noId = run("ack", "--url", url, "--token", TOKEN);
        assertThat(noId.status()).isEqualTo(2);
        assertThat(noId.err()).isEqualTo("bongsu: ack: give the incident ID (or --list)\n");

        Run wrongToken = run("ack", "--url", url, "--token", "not-the-token-at-all", "01J-KAKAO");
        assertThat(wrongToken.status()).isEqualTo(1);
        assertThat(wrongToken.err()).isEqualTo("bongsu: HTTP 401: invalid bearer token\n");
    }
}
