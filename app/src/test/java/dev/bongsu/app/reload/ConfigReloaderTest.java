package dev.bongsu.app.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.config.ConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reloader with recording parts: validation first, restart-only refusals, order, rollback, watching. */
class ConfigReloaderTest {
    static final String ONE_SERVICE = """
            http: {port: 8080}
            services:
              - id: alpha-chat
                name: AlphaChat
                provider: alpha
                category: messenger
                checks: [{type: tcp, host: 127.0.0.1, port: 1, interval: 1s}]
            """;
    static final String TWO_SERVICES = ONE_SERVICE + """
              - id: alpha-bank
                name: AlphaBank
                provider: alpha
                category: bank
                checks: [{type: tcp, host: 127.0.0.1, port: 2, interval: 1s}]
            """;

    @TempDir
    Path dir;

    private Vertx vertx;
    private Path file;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        file = dir.resolve("bongsu.yaml");
        write(ONE_SERVICE);
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private void write(String yaml) throws Exception {
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }

    private ConfigFile configFile() {
        return new ConfigFile(file, new ConfigLoader(Map.of()), UnaryOperator.identity(), Clock.systemUTC());
    }

    private ConfigReloader.Step recording(String name) {
        return new ConfigReloader.Step(name, cfg -> {
            calls.add(name + ":" + cfg.services().size());
            return Future.succeededFuture();
        });
    }

    private ConfigReloader reloader(ConfigReloader.Step... steps) {
        ConfigFile f = configFile();
        return new ConfigReloader(vertx, f, f.load(), List.of(steps));
    }

    @Test
    void aValidFileIsHandedToEveryPartInOrderAndThenRuns() throws Exception {
        ConfigReloader reloader = reloader(recording("detector"), recording("probes"));
        String before = reloader.running().hash();
        write(TWO_SERVICES);

        ReloadOutcome outcome = reloader.reload("test").await();

        assertThat(outcome).isInstanceOf(ReloadOutcome.Applied.class);
        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(calls).containsExactly("detector:2", "probes:2");
        assertThat(reloader.running().config().services()).hasSize(2);
        assertThat(reloader.running().hash()).isNotEqualTo(before)
                .isEqualTo(ConfigFile.hash(Files.readAllBytes(file)));
        assertThat(outcome.toJson().getString("status")).isEqualTo("reloaded");
        assertThat(outcome.toJson().getJsonObject("changes").getJsonObject("services").getLong("added")).isEqualTo(1);
        assertThat(outcome.toJson().getJsonArray("lines").getList()).contains("+ service alpha-bank (1 check)");
    }

    @Test
    void anInvalidFileChangesNothingAndNamesFileAndLine() throws Exception {
        ConfigReloader reloader = reloader(recording("detector"));
        LoadedConfig before = reloader.running();
        write(ONE_SERVICE.replace("interval: 1s", "interval: soon"));

        ReloadOutcome outcome = reloader.reload("test").await();

        assertThat(outcome).isInstanceOf(ReloadOutcome.Invalid.class);
        assertThat(outcome.httpStatus()).isEqualTo(400);
        assertThat(outcome.toJson().getJsonObject("error").getString("message")).startsWith(file + ":7: ").contains("interval");
        assertThat(calls).isEmpty();
        assertThat(reloader.running()).isSameAs(before);
    }

    @Test
    void aChangeOnlyARestartTakesIsRefusedWithWhatChanged() throws Exception {
        ConfigReloader reloader = reloader(recording("detector"));
        LoadedConfig before = reloader.running();
        write(TWO_SERVICES.replace("port: 8080", "port: 8081"));

        ReloadOutcome outcome = reloader.reload("test").await();

        assertThat(outcome).isInstanceOf(ReloadOutcome.NeedsRestart.class);
        assertThat(outcome.httpStatus()).isEqualTo(409);
        assertThat(outcome.toJson().getJsonObject("error").getString("message"))
                .isEqualTo("needs a restart: http.port changed 8080 -> 8081");
        assertThat(calls).isEmpty();
        assertThat(reloader.running()).isSameAs(before);
    }

    @Test
    void aPartThatFailsPutsTheEarlierPartsBackOnTheRunningConfiguration() throws Exception {
        ConfigReloader.Step failing = new ConfigReloader.Step("alerting", cfg -> Future.failedFuture("receiver oncall is broken"));
        ConfigReloader reloader = reloader(recording("metrics"), recording("detector"), failing, recording("probes"));
        LoadedConfig before = reloader.running();
        write(TWO_SERVICES);

        ReloadOutcome outcome = reloader.reload("test").await();

        assertThat(outcome).isInstanceOf(ReloadOutcome.Failed.class);
        assertThat(outcome.summary()).contains("alerting could not take the new configuration: receiver oncall is broken",
                "put metrics, detector back on the previous configuration");
        assertThat(calls).containsExactly("metrics:2", "detector:2", "detector:1", "metrics:1");
        assertThat(reloader.running()).isSameAs(before);
    }

    @Test
    void reloadsAskedForTogetherRunOneAfterTheOther() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        ConfigReloader.Step slow = new ConfigReloader.Step("detector", cfg -> {
            order.add("start " + cfg.services().size());
            return vertx.timer(200).map(t -> {
                order.add("end " + cfg.services().size());
                return null;
            });
        });
        ConfigReloader reloader = reloader(slow);
        write(TWO_SERVICES);

        Future<ReloadOutcome> first = reloader.reload("first");
        Future<ReloadOutcome> second = reloader.reload("second");
        Future.all(first, second).await();

        assertThat(order).containsExactly("start 2", "end 2");
        assertThat(second.result().toJson().getString("status")).isEqualTo("unchanged");
    }

    @Test
    void theWatcherReloadsAnEditedFileAndSurvivesAnInvalidEdit() throws Exception {
        ConfigReloader reloader = reloader(recording("detector"));
        ConfigWatcher watcher = new ConfigWatcher(vertx, reloader, 100);
        watcher.start();
        try {
            write(ONE_SERVICE.replace("interval: 1s", "interval: soon"));
            await("the invalid edit is tried").atMost(Duration.ofSeconds(20))
                    .until(() -> reloader.lastOutcome() instanceof ReloadOutcome.Invalid);
            assertThat(reloader.lastOutcome().summary()).contains(file + ":7: ");
            assertThat(reloader.running().config().services()).hasSize(1);

            write(TWO_SERVICES);
            await("the valid edit is reloaded").atMost(Duration.ofSeconds(20))
                    .until(() -> reloader.running().config().services().size() == 2);
            assertThat(calls).containsExactly("detector:2");
        } finally {
            watcher.stop();
        }
    }
}
