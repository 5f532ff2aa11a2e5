package dev.bongsu.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.CheckType;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ProbeSettings;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.config.Thresholds;
import dev.bongsu.probes.check.Checkers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeVerticleTest {
    private Vertx vertx;
    private int port;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final List<ResultBatch> batches = new CopyOnWriteArrayList<>();
    private final List<JsonObject> stats = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        vertx.eventBus().<ResultBatch>consumer(Addresses.RESULTS, m -> batches.add(m.body()));
        vertx.eventBus().<JsonObject>consumer(Addresses.PROBE_STATS, m -> stats.add(m.body()));
        port = vertx.createHttpServer().requestHandler(req -> {
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            long delay = req.path().equals("/slow") ? 700 : 1;
            vertx.setTimer(delay, t -> {
                open.decrementAndGet();
                req.response().end("ok");
            });
        }).listen(0, "127.0.0.1").await().actualPort();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private CheckConfig check(String id, String path, long intervalMs) {
        HttpTarget t = new HttpTarget(URI.create("http://127.0.0.1:" + port + path), "GET", Map.of(), null, StatusSet.SUCCESS,
                null, null, true, 5, 65_536, true);
        return new CheckConfig(id, "http", id.split("\\.")[0], CheckType.HTTP, Duration.ofMillis(intervalMs),
                Duration.ofMillis(Math.min(intervalMs, 2_000)), true, t, Thresholds.DEFAULTS, Map.of());
    }

    private Set<String> checkIdsSeen() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        batches.forEach(b -> b.results().forEach(r -> ids.add(r.checkId())));
        return ids;
    }

    @Test
    void publishesBatchesStampedWithTheVantageAndStats() {
        List<CheckConfig> checks = IntStream.range(0, 20).mapToObj(i -> check("svc" + i + ".http", "/ok", 2_000)).toList();
        ProbeVerticle v = new ProbeVerticle("seoul-kt", checks, new ProbeSettings(5, Duration.ofMillis(100), 100));
        vertx.deployVerticle(v).await();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> checkIdsSeen().size() == 20 && !stats.isEmpty());
        assertThat(batches).allSatisfy(b -> {
            assertThat(b.vantage()).isEqualTo("seoul-kt");
            assertThat(b.results()).hasSizeBetween(1, 5).allSatisfy(r -> assertThat(r.vantage()).isEqualTo("seoul-kt"));
        });
        assertThat(batches.stream().flatMap(b -> b.results().stream())).allMatch(ProbeResult::ok);
        JsonObject s = stats.get(0);
        assertThat(s.getString("vantage")).isEqualTo("seoul-kt");
        assertThat(s.getString("node")).isEqualTo(v.nodeId());
        assertThat(s.getInteger("checks")).isEqualTo(20);
        assertThat(s.getLong("probesTotal")).isPositive();
        assertThat(s.fieldNames()).contains("inFlight", "skippedOverlap", "lagP50Ms", "lagP99Ms", "lagMaxMs");
        assertThat(s.getLong("lagP99Ms")).isLessThan(1_000);
    }

    @Test
    void neverRunsMoreThanMaxInFlightProbesAndSkipsOverlappingRuns() {
        List<CheckConfig> checks = IntStream.range(0, 12).mapToObj(i -> check("slow" + i + ".http", "/slow", 2_000)).toList();
        ProbeVerticle v = new ProbeVerticle("busan", checks, new ProbeSettings(100, Duration.ofMillis(50), 3));
        vertx.deployVerticle(v).await();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> checkIdsSeen().size() == 12 && !stats.isEmpty());
        assertThat(maxOpen.get()).isLessThanOrEqualTo(3);
        assertThat(stats.get(0).getLong("skippedOverlap") + stats.get(0).getLong("missedRuns")).isPositive();
    }

    @Test
    void reassignedChecksReplaceTheRunningOnes() {
        List<CheckConfig> first = IntStream.range(0, 5).mapToObj(i -> check("a" + i + ".http", "/ok", 500)).toList();
        List<CheckConfig> second = IntStream.range(0, 3).mapToObj(i -> check("b" + i + ".http", "/ok", 500)).toList();
        ProbeVerticle v = new ProbeVerticle("tokyo", first, new ProbeSettings(10, Duration.ofMillis(50), 100), "node-1",
                Checkers::standard, System::currentTimeMillis);
        vertx.deployVerticle(v).await();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> checkIdsSeen().size() == 5);

        v.assign(second);
        assertThat(v.assignment()).isEqualTo(second);
        // wait until any run of the old checks that was in flight has arrived, then only the new ones may appear
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> checkIdsSeen().containsAll(Set.of("b0.http", "b1.http", "b2.http")));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() > 0);
        int mark = batches.size();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() > mark + 5);
        assertThat(batches.subList(mark + 1, batches.size()).stream().flatMap(b -> b.results().stream()).map(ProbeResult::checkId))
                .allMatch(id -> id.startsWith("b"));
    }
}
