package dev.bongsu.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.Alerting;
import dev.bongsu.model.IncidentReader;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.web.BearerTokenHandler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SilenceCommandTest {
    private static final String TOKEN = "admin-token-0123456789";
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
        Alerting alerting = Alerting.create(vertx, cfg, Clock.systemUTC(), "test", IncidentReader.none());
        vertx.deployVerticle(alerting.verticle()).await();
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create());
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(TOKEN));
        alerting.adminRoutes().mount(router);
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
    void addListExpire() {
        Run add = run("silence", "add", "--url", url, "--token", TOKEN, "--author", "kim", "--comment", "DB migration", "--duration", "2h",
                "provider=kakao", "category=~bank|pay");
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).matches("(?s)sil-\\S+ active from \\S+ until \\S+: provider=kakao,category=~bank\\|pay\\n");
        String id = add.out().split(" ")[0];

        Run list = run("silence", "list", "--url", url, "--token", TOKEN, "--state", "active");
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains(id, "kim", "provider=kakao", "# DB migration");

        Run expire = run("silence", "expire", "--url", url, "--token", TOKEN, id);
        assertThat(expire.status()).isZero();
        assertThat(expire.out()).startsWith(id + " expired since ");
        assertThat(run("silence", "list", "--url", url, "--token", TOKEN, "--state", "active").out()).doesNotContain(id);
    }

    @Test
    void errorsAreOneLineWithTheApisMessage() {
        Run wrongToken = run("silence", "list", "--url", url, "--token", "not-the-token-at-all");
        assertThat(wrongToken.status()).isEqualTo(1);
        assertThat(wrongToken.err()).isEqualTo("bongsu: HTTP 401: invalid bearer token\n");

        Run badMatcher = run("silence", "add", "--url", url, "--token", TOKEN, "--comment", "x", "colour=red");
        assertThat(badMatcher.status()).isEqualTo(1);
        assertThat(badMatcher.err()).startsWith("bongsu: HTTP 400: matchers[0]: unknown label 'colour'");

        Run down = run("silence", "list", "--url", "http://127.0.0.1:1", "--token", TOKEN);
        assertThat(down.status()).isEqualTo(1);
        assertThat(down.err()).startsWith("bongsu: cannot reach http://127.0.0.1:1");
    }
}
