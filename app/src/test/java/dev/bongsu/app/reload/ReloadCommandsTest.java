package dev.bongsu.app.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.app.Main;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.web.BearerTokenHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bongsu check-config --diff OLD NEW} and {@code bongsu reload} against a real admin API on loopback. */
class ReloadCommandsTest {
    private static final String TOKEN = "reload-cli-token-0123456789";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bongsu(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path file(String name, String yaml) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void checkConfigDiffPrintsOneLinePerChangeAndTheRestartOnes() throws Exception {
        Path old = file("old.yaml", ConfigReloaderTest.ONE_SERVICE);
        Path next = file("new.yaml", ConfigReloaderTest.TWO_SERVICES.replace("port: 8080", "port: 8081")
                .replace("port: 1, interval: 1s", "port: 3, interval: 1s"));

        int status = bongsu("check-config", "--diff", old.toString(), next.toString());

        assertThat(status).as(err.toString()).isEqualTo(0);
        assertThat(out.toString().lines().toList()).containsExactly(
                "+ service alpha-bank (1 check)",
                "~ check alpha-chat.tcp: port changed 1 -> 3",
                "+ check alpha-bank.tcp (tcp)",
                "~ http: publicUrl changed http://127.0.0.1:8080 -> http://127.0.0.1:8081",
                "! needs a restart: http.port changed 8080 -> 8081");
    }

    @Test
    void checkConfigDiffOfAnInvalidFileNamesItsLine() throws Exception {
        Path old = file("old.yaml", ConfigReloaderTest.ONE_SERVICE);
        Path next = file("new.yaml", ConfigReloaderTest.ONE_SERVICE.replace("interval: 1s", "interval: soon"));

        int status = bongsu("check-config", "--diff", old.toString(), next.toString());

        assertThat(status).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).contains(next + ":7: ");
    }

    @Test
    void reloadPrintsWhatChangedAndExitsOneWhenTheRunningProcessRefuses() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(Router.router(vertx)).listen(0, "127.0.0.1").await();
            int port = server.actualPort();
            server.close().await();
            String header = "http: {host: 127.0.0.1, port: " + port + "}\nadmin: {token: \"" + TOKEN + "\"}\n";
            Path config = file("bongsu.yaml", header + ConfigReloaderTest.ONE_SERVICE.replace("http: {port: 8080}\n", ""));
            ConfigFile configFile = new ConfigFile(config, new ConfigLoader(Map.of()), UnaryOperator.identity(), Clock.systemUTC());
            ConfigReloader reloader = new ConfigReloader(vertx, configFile, configFile.load(),
                    List.of(new ConfigReloader.Step("detector", cfg -> Future.succeededFuture())));
            Router router = Router.router(vertx);
            router.route("/api/v1/admin/*").handler(new BearerTokenHandler(TOKEN));
            new ReloadRoutes(reloader).mount(router);
            vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await();

            Files.writeString(config, header + ConfigReloaderTest.TWO_SERVICES.replace("http: {port: 8080}\n", ""), StandardCharsets.UTF_8);
            assertThat(bongsu("reload", "--config", config.toString(), "--token-env", "BONGSU_RELOAD_TEST_UNSET"))
                    .as(err.toString()).isEqualTo(0);
            assertThat(out.toString()).startsWith("reloaded: configuration ").contains("  + service alpha-bank (1 check)");

            Files.writeString(config, header + ConfigReloaderTest.TWO_SERVICES.replace("http: {port: 8080}\n", "")
                    .replace("interval: 1s", "interval: soon"), StandardCharsets.UTF_8);
            assertThat(bongsu("reload", "--url", "http://127.0.0.1:" + port, "--config", file("token.yaml", header
                    + ConfigReloaderTest.ONE_SERVICE.replace("http: {port: 8080}\n", "")).toString(), "--token-env", "BONGSU_RELOAD_TEST_UNSET"))
                    .isEqualTo(1);
            assertThat(err.toString()).startsWith("bongsu: reload refused (HTTP 400): " + config + ":");
        } finally {
            vertx.close().await();
        }
    }
}
