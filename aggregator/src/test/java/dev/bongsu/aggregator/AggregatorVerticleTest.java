package dev.bongsu.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.aggregator.store.sqlite.SqliteStoreOptions;
import dev.bongsu.aggregator.store.sqlite.SqliteTimeSeriesStore;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.ResultBatch;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.Timings;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.StorageConfig;
import dev.bongsu.testkit.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatorVerticleTest {
    /** 2026-01-01T00:00:00Z. */
    private static final long T0 = 1_767_225_600_000L;
    private static final long MIN = 60_000;
    private static final AggregatorOptions FAST = new AggregatorOptions(Duration.ofMinutes(2), 20, Duration.ofMinutes(5),
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private Vertx vertx;
    private SqliteTimeSeriesStore store;
    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));
    private final List<JsonObject> stats = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        vertx.eventBus().<JsonObject>consumer(Addresses.STORE_STATS, m -> stats.add(m.body()));
        store = get(SqliteTimeSeriesStore.open(vertx,
                new StorageConfig(dir, "sqlite", Duration.ofDays(2), Duration.ofDays(400), null), clock, SqliteStoreOptions.defaults()));
    }

    @AfterEach
    void tearDown() throws Exception {
        // Undeploying first flushes the aggregator into the store, which must close while Vert.x still runs.
        for (String id : List.copyOf(vertx.deploymentIDs())) {
            get(vertx.undeploy(id));
        }
        get(store.close());
        get(vertx.close());
    }

    private static <T> T get(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static ProbeResult ok(long at, double ms) {
        return ProbeResult.success("kakao-talk.http", "kakao-talk", "seoul", at, 200, Timings.total(ms));
    }

    private static ProbeResult fail(long at) {
        return ProbeResult.failure("kakao-talk.http", "kakao-talk", "seoul", at, ErrorClass.HTTP_5XX, 503, Timings.total(5), "503");
    }

    private void publish(ProbeResult... results) {
        vertx.eventBus().publish(Addresses.RESULTS, new ResultBatch("seoul", List.of(results)));
    }

    private List<Rollup> rollups() throws Exception {
        return get(store.serviceRollups("kakao-talk", Instant.ofEpochMilli(T0 - 10 * MIN), Instant.ofEpochMilli(T0 + 10 * MIN)));
    }

    private long storedResults() throws Exception {
        return get(store.results("kakao-talk.http", Instant.ofEpochMilli(T0 - 10 * MIN), Instant.ofEpochMilli(T0 + 10 * MIN), 1000)).size();
    }

    @Test
    void resultsAreStoredAndTheirMinuteIsRolledUpOnceItCloses() throws Exception {
        AggregatorVerticle aggregator = new AggregatorVerticle(store, clock, FAST);
        get(vertx.deployVerticle(aggregator));

        clock.set(Instant.ofEpochMilli(T0 + 30_000));
        publish(ok(T0 + 1_000, 10), ok(T0 + 2_000, 20), fail(T0 + 3_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> storedResults() == 3);
        assertThat(aggregator.windows().window("kakao-talk.http", "seoul", clock.millis()).orElseThrow().count()).isEqualTo(3);
        assertThat(rollups()).isEmpty();

        clock.set(Instant.ofEpochMilli(T0 + 3 * MIN));
        await().atMost(Duration.ofSeconds(10)).until(() -> !rollups().isEmpty());
        assertThat(rollups()).containsExactly(
                new Rollup("kakao-talk.http", "kakao-talk", "seoul", T0, 3, 2, 10, 20, 20, 20, Map.of("http_5xx", 1)));

        // A probe node that was cut off delivers a result of that minute late: the minute is recomputed.
        publish(ok(T0 + 4_000, 40));
        await().atMost(Duration.ofSeconds(10)).until(() -> storedResults() == 4);
        // It waits for the rebuild delay, so a store that buffers writes has flushed the late result first.
        assertThat(rollups().get(0).count()).isEqualTo(3);
        clock.set(Instant.ofEpochMilli(T0 + 3 * MIN + 5_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> rollups().get(0).count() == 4);
        assertThat(rollups()).containsExactly(
                new Rollup("kakao-talk.http", "kakao-talk", "seoul", T0, 4, 3, 10, 40, 40, 40, Map.of("http_5xx", 1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> !stats.isEmpty() && stats.get(stats.size() - 1).getLong("lateResults") == 1);
        JsonObject last = stats.get(stats.size() - 1);
        assertThat(last.getString("store")).isEqualTo("sqlite");
        assertThat(last.getLong("written")).isGreaterThanOrEqualTo(5);
        assertThat(last.getLong("resultsReceived")).isEqualTo(4);
        assertThat(last.getLong("dropped")).isZero();
        assertThat(last.fieldNames()).contains("queueDepth", "writeFailures", "lastWriteMs", "rebuiltMinutes", "openMinutes");
    }

    @Test
    void stoppingFlushesOpenMinutesAndARestartWithinTheMinuteRebuildsItWhole() throws Exception {
        AggregatorOptions noRebuildDelay = new AggregatorOptions(FAST.grace(), FAST.windowResults(), FAST.windowAge(),
                FAST.tick(), FAST.statsInterval(), Duration.ZERO);
        String first = get(vertx.deployVerticle(new AggregatorVerticle(store, clock, noRebuildDelay)));
        publish(ok(T0 + 1_000, 10), ok(T0 + 2_000, 30));
        await().atMost(Duration.ofSeconds(10)).until(() -> storedResults() == 2);

        get(vertx.undeploy(first));
        assertThat(rollups()).extracting(Rollup::count).containsExactly(2);

        // Restarted in the same minute: it sees only the later results, so it rebuilds the minute from the store.
        clock.set(Instant.ofEpochMilli(T0 + 40_000));
        get(vertx.deployVerticle(new AggregatorVerticle(store, clock, noRebuildDelay)));
        publish(ok(T0 + 45_000, 20));
        await().atMost(Duration.ofSeconds(10)).until(() -> storedResults() == 3);
        clock.set(Instant.ofEpochMilli(T0 + 3 * MIN));

        await().atMost(Duration.ofSeconds(10)).until(() -> rollups().get(0).count() == 3);
        assertThat(rollups()).containsExactly(
                new Rollup("kakao-talk.http", "kakao-talk", "seoul", T0, 3, 3, 20, 30, 30, 30, Map.of()));
    }
}
