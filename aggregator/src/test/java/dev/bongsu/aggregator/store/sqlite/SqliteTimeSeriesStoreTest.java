package dev.bongsu.aggregator.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bongsu.aggregator.store.StoreOpenException;
import dev.bongsu.aggregator.store.StoreSaturatedException;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.StorageConfig;
import dev.bongsu.model.store.NewerSchemaException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTimeSeriesStoreTest {
    /** 2026-01-01T00:00:00Z. */
    private static final long T0 = 1_767_225_600_000L;
    private static final long MIN = 60_000;
    private static final long HOUR = 3_600_000;
    private static final long DAY = 86_400_000;

    @TempDir
    Path dir;

    private Vertx vertx;
    private final List<SqliteTimeSeriesStore> opened = new ArrayList<>();

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        for (SqliteTimeSeriesStore s : opened) {
            get(s.close());
        }
        get(vertx.close());
    }

    private StorageConfig config(Duration raw, Duration rollups) {
        return new StorageConfig(dir, "sqlite", raw, rollups, null);
    }

    private SqliteTimeSeriesStore open(StorageConfig config, Clock clock, SqliteStoreOptions options) throws Exception {
        SqliteTimeSeriesStore store = get(SqliteTimeSeriesStore.open(vertx, config, clock, options));
        opened.add(store);
        return store;
    }

    private SqliteTimeSeriesStore open() throws Exception {
        return open(config(Duration.ofDays(3650), Duration.ofDays(36500)), Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC),
                SqliteStoreOptions.defaults());
    }

    private static <T> T get(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Throwable failure(Future<?> f) {
        return f.toCompletionStage().toCompletableFuture().handle((v, t) -> t).join();
    }

    private static ProbeResult ok(String check, String vantage, long at, double totalMs) {
        return ProbeResult.success(check, service(check), vantage, at, 200, new Timings(1.25, 2.5, Timings.NOT_MEASURED, 7.125, totalMs));
    }

    private static ProbeResult fail(String check, String vantage, long at) {
        return ProbeResult.failure(check, service(check), vantage, at, ErrorClass.CONNECT_REFUSED, 0,
                Timings.total(0.5), "connection refused by 127.0.0.1:9");
    }

    private static String service(String check) {
        return check.substring(0, check.indexOf('.'));
    }

    private static Rollup rollup(String check, String vantage, long minute, int count, int ok, double p50, double p95, double max) {
        return new Rollup(check, service(check), vantage, minute, count, ok, p50, p95, p95 + 1, max,
                ok == count ? Map.of() : Map.of("http_5xx", count - ok));
    }

    @Test
    void resultsAreReadBackExactlyOldestFirst() throws Exception {
        SqliteTimeSeriesStore store = open();
        List<ProbeResult> batch = List.of(
                ok("kakao-talk.http", "seoul", T0 + 1_000, 12.5),
                fail("kakao-talk.http", "busan", T0 + 2_000),
                ok("kakao-talk.http", "seoul", T0 + 3_000, 13.75).withCertDaysLeft(41.5),
                ok("kakao-pay.http", "seoul", T0 + 1_500, 99));

        get(store.writeResults(batch));

        assertThat(get(store.results("kakao-talk.http", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + MIN), 100)))
                .containsExactly(batch.get(0), batch.get(1), batch.get(2));
        assertThat(get(store.results("kakao-talk.http", Instant.ofEpochMilli(T0 + 2_000), Instant.ofEpochMilli(T0 + 3_000), 100)))
                .containsExactly(batch.get(1));
        assertThat(get(store.results("kakao-talk.http", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + MIN), 2))).hasSize(2);
        assertThat(store.stats().written()).isEqualTo(4);
    }

    @Test
    void writingTheSameResultTwiceStoresItOnce() throws Exception {
        SqliteTimeSeriesStore store = open();
        List<ProbeResult> batch = List.of(ok("naver-map.http", "seoul", T0, 10), ok("naver-map.http", "seoul", T0 + 5_000, 11));

        get(store.writeResults(batch));
        get(store.writeResults(batch));

        assertThat(get(store.results("naver-map.http", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + MIN), 100)))
                .containsExactlyElementsOf(batch);
    }

    @Test
    void rollupsAreReadBackPerServiceAndARewriteReplacesTheMinute() throws Exception {
        SqliteTimeSeriesStore store = open();
        Rollup a = rollup("kakao-talk.http", "seoul", T0, 12, 12, 10, 20, 30);
        Rollup b = rollup("kakao-talk.tcp", "busan", T0, 12, 10, 1, 2, 3);
        Rollup c = rollup("kakao-talk.http", "seoul", T0 + MIN, 12, 11, 10.5, 20.25, 40);
        get(store.writeRollups(List.of(c, a, b, rollup("naver-map.http", "seoul", T0, 1, 1, 1, 1, 1))));

        assertThat(get(store.serviceRollups("kakao-talk", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 2 * MIN))))
                .containsExactly(a, b, c);

        Rollup recomputed = rollup("kakao-talk.http", "seoul", T0, 14, 12, 11, 21, 31);
        get(store.writeRollups(List.of(recomputed)));

        assertThat(get(store.serviceRollups("kakao-talk", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + MIN))))
                .containsExactly(recomputed, b);
    }

    @Test
    void serviceHistoryMergesChecksAndVantagesInBucketsAlignedToFrom() throws Exception {
        SqliteTimeSeriesStore store = open();
        // Three days of minutes for two checks × two vantages, written in hour-sized batches.
        Random random = new Random(7);
        Map<String, Rollup> finalRollups = new TreeMap<>();
        List<Rollup> batch = new ArrayList<>();
        for (long m = T0; m < T0 + 3 * DAY; m += MIN) {
            for (String check : List.of("kakao-bank.http", "kakao-bank.dns")) {
                for (String vantage : List.of("seoul", "tokyo")) {
                    int count = 1 + random.nextInt(12);
                    int okCount = random.nextInt(10) == 0 ? random.nextInt(count) : count;
                    Rollup r = rollup(check, vantage, m, count, okCount, random.nextInt(100_000) / 1000.0,
                            100 + random.nextInt(100_000) / 1000.0, 300 + random.nextInt(1000));
                    batch.add(r);
                    finalRollups.put(check + vantage + m, r);
                }
            }
            if (batch.size() >= 240) {
                get(store.writeRollups(batch));
                batch.clear();
            }
        }
        get(store.writeRollups(batch));
        // Late results recompute a few minutes: the stored minute is replaced, and the hourly sums follow.
        List<Rollup> rewrites = new ArrayList<>();
        for (long m = T0 + 5 * HOUR; m < T0 + 5 * HOUR + 30 * MIN; m += MIN) {
            Rollup r = rollup("kakao-bank.http", "tokyo", m, 20, 3, 50, 150, 5_000);
            rewrites.add(r);
            finalRollups.put("kakao-bank.http" + "tokyo" + m, r);
        }
        get(store.writeRollups(rewrites));

        record Query(long from, long to, long step) {
        }
        List<Query> queries = List.of(
                new Query(T0, T0 + 3 * DAY, DAY),                        // hourly table only
                new Query(T0, T0 + 3 * DAY, HOUR),
                new Query(T0 + DAY, T0 + 2 * DAY + 7 * HOUR + 13 * MIN, DAY), // hourly table, then minutes
                new Query(T0 + 17 * MIN, T0 + 9 * HOUR, 5 * MIN),           // not hour aligned: minutes only
                new Query(T0 + 17 * MIN, T0 + 2 * DAY, DAY),
                new Query(T0 - 7 * DAY, T0 + 90 * DAY, DAY));              // a 90-day view around the data
        for (Query q : queries) {
            List<ServiceBucket> actual = get(store.serviceHistory("kakao-bank",
                    Instant.ofEpochMilli(q.from), Instant.ofEpochMilli(q.to), Duration.ofMillis(q.step)));
            assertThat(actual).as("%s", q).containsExactlyElementsOf(expectedBuckets(finalRollups.values(), q.from, q.to, q.step));
        }
        assertThat(get(store.serviceHistory("naver-pay", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + DAY),
                Duration.ofHours(1)))).isEmpty();
    }

    /** The buckets computed the slow, obvious way from the rollups, at the store's microsecond precision. */
    private static List<ServiceBucket> expectedBuckets(Iterable<Rollup> rollups, long from, long to, long step) {
        TreeMap<Long, long[]> sums = new TreeMap<>();
        for (Rollup r : rollups) {
            if (r.minute() >= from && r.minute() < to) {
                long[] s = sums.computeIfAbsent((r.minute() - from) / step, k -> new long[5]);
                s[0] += r.count();
                s[1] += r.okCount();
                s[2] += Math.round(r.p50Ms() * 1000) * r.count();
                s[3] += Math.round(r.p95Ms() * 1000) * r.count();
                s[4] = Math.max(s[4], Math.round(r.maxMs() * 1000));
            }
        }
        List<ServiceBucket> out = new ArrayList<>();
        sums.forEach((i, s) -> out.add(new ServiceBucket(from + i * step, s[0], s[1],
                s[2] / 1000.0 / s[0], s[3] / 1000.0 / s[0], s[4] / 1000.0)));
        return out;
    }

    @Test
    void everythingIsStillThereAfterCloseAndReopen() throws Exception {
        SqliteTimeSeriesStore first = open();
        get(first.writeResults(List.of(ok("kakao-talk.http", "seoul", T0, 10))));
        get(first.writeRollups(List.of(rollup("kakao-talk.http", "seoul", T0, 1, 1, 10, 10, 10))));
        get(first.close());
        opened.remove(first);

        SqliteTimeSeriesStore second = open();
        get(second.writeResults(List.of(ok("kakao-talk.http", "seoul", T0 + 5_000, 11), ok("kakao-talk.http", "tokyo", T0, 12))));

        assertThat(get(second.results("kakao-talk.http", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + MIN), 10)))
                .extracting(ProbeResult::startedAt, ProbeResult::vantage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T0, "seoul"), org.assertj.core.groups.Tuple.tuple(T0, "tokyo"),
                        org.assertj.core.groups.Tuple.tuple(T0 + 5_000, "seoul"));
        assertThat(get(second.serviceRollups("kakao-talk", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + MIN)))).hasSize(1);
        assertThat(Files.exists(dir.resolve("results.db"))).isTrue();
    }

    @Test
    void pruningDeletesRawResultsAndRollupsPastTheirRetention() throws Exception {
        long now = T0 + 10 * DAY;
        SqliteTimeSeriesStore store = open(config(Duration.ofHours(2), Duration.ofDays(2)),
                Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC), SqliteStoreOptions.defaults());
        List<ProbeResult> results = new ArrayList<>();
        for (long t = now - 5 * HOUR; t < now; t += 5_000) {
            results.add(ok("kakao-map.http", "seoul", t, 10));
        }
        List<Rollup> rollups = new ArrayList<>();
        for (long m = now - 4 * DAY; m < now; m += MIN) {
            rollups.add(rollup("kakao-map.http", "seoul", m, 12, 12, 10, 20, 30));
        }
        get(store.writeResults(results));
        get(store.writeRollups(rollups));

        long deleted = get(store.prune());

        // 3 h of raw results every 5 s, 2 days of minutes, 2 days of hours.
        assertThat(deleted).isEqualTo(3 * 720 + 2 * 1440 + 2 * 24);
        Instant longAgo = Instant.ofEpochMilli(now - 30 * DAY);
        assertThat(get(store.results("kakao-map.http", longAgo, Instant.ofEpochMilli(now), 100_000)))
                .hasSize(2 * 720).allSatisfy(r -> assertThat(r.startedAt()).isGreaterThanOrEqualTo(now - 2 * HOUR));
        assertThat(get(store.serviceRollups("kakao-map", longAgo, Instant.ofEpochMilli(now))))
                .hasSize(2 * 1440).allSatisfy(r -> assertThat(r.minute()).isGreaterThanOrEqualTo(now - 2 * DAY));
        assertThat(get(store.serviceHistory("kakao-map", longAgo, Instant.ofEpochMilli(now), Duration.ofDays(1))))
                .extracting(ServiceBucket::count).containsExactly(1440L * 12, 1440L * 12);
        assertThat(store.stats().extra()).containsEntry("prunedRows", deleted);
    }

    @Test
    void aFullQueueRefusesTheBatchAtOnceAndCountsIt() throws Exception {
        SqliteTimeSeriesStore store = open(config(Duration.ofDays(1), Duration.ofDays(1)), Clock.systemUTC(),
                SqliteStoreOptions.defaults().withMaxQueuedRows(1_000));
        // Another connection holds the write lock, so the writer stalls inside its first transaction.
        try (Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + store.file())) {
            try (Statement s = blocker.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            Future<Void> first = store.writeResults(results("seoul", 500));
            Future<Void> second = store.writeResults(results("busan", 500));
            Future<Void> refused = store.writeResults(results("tokyo", 1));

            assertThat(failure(refused)).isInstanceOf(StoreSaturatedException.class)
                    .hasMessage(store.file() + ": write queue full, 1 rows refused (limit 1000 rows waiting)");
            assertThat(store.stats().dropped()).isEqualTo(1);
            assertThat(store.stats().queueDepth()).isEqualTo(1_000);
            assertThat(first.isComplete()).isFalse();

            try (Statement s = blocker.createStatement()) {
                s.execute("ROLLBACK");
            }
            get(Future.all(first, second));
        }
        assertThat(store.stats().queueDepth()).isZero();
        assertThat(store.stats().written()).isEqualTo(1_000);
        get(store.writeResults(results("tokyo", 1)));
    }

    private static List<ProbeResult> results(String vantage, int n) {
        List<ProbeResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ok("kakao-pay.http", vantage, T0 + i * 1_000L, 10));
        }
        return out;
    }

    @Test
    void futuresCompleteOnTheCallersContext() throws Exception {
        SqliteTimeSeriesStore store = open();
        Context ctx = vertx.getOrCreateContext();
        CompletableFuture<Boolean> sameContext = new CompletableFuture<>();
        ctx.runOnContext(v -> store.writeResults(results("seoul", 3))
                .compose(x -> store.results("kakao-pay.http", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + MIN), 10))
                .onComplete(ar -> sameContext.complete(ar.succeeded() && Vertx.currentContext() == ctx)));

        assertThat(sameContext.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDamagedFileIsNamedInTheError() throws Exception {
        Files.write(dir.resolve("results.db"), "this is not a database, it is a grocery list\n".repeat(200).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(this::open).isInstanceOf(StoreOpenException.class)
                .hasMessageStartingWith("cannot open " + dir.resolve("results.db").toAbsolutePath() + ": ")
                .hasMessageContaining("not a database")
                .hasMessageEndingWith("move it aside and Bongsu starts an empty one");
    }

    @Test
    void aStorageDirectoryThatIsAFileIsNamedInTheError() throws Exception {
        Path notADir = dir.resolve("data");
        Files.writeString(notADir, "oops");

        assertThatThrownBy(() -> open(new StorageConfig(notADir, "sqlite", Duration.ofDays(1), Duration.ofDays(1), null),
                Clock.systemUTC(), SqliteStoreOptions.defaults()))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageStartingWith("cannot create the storage directory " + notADir.toAbsolutePath()
                        + " for " + notADir.toAbsolutePath().resolve("results.db") + ": FileAlreadyExists")
                .hasMessageEndingWith("(storage.dir)");
    }

    @Test
    void aFileFromANewerBongsuIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("results.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (99)");
        }

        assertThatThrownBy(this::open).isInstanceOf(NewerSchemaException.class)
                .hasMessageStartingWith(dir.resolve("results.db").toAbsolutePath() + " has schema version 99 but this Bongsu knows up to 1: ");
    }

    @Test
    void writesAfterCloseFail() throws Exception {
        SqliteTimeSeriesStore store = open();
        get(store.close());
        opened.remove(store);

        assertThat(failure(store.writeResults(results("seoul", 1)))).hasMessage(store.file() + ": store is closed");
    }

    @Test
    void statsAreReadyForTheStoreStatsAddress() throws Exception {
        SqliteTimeSeriesStore store = open();
        get(store.writeResults(results("seoul", 10)));

        await().atMost(Duration.ofSeconds(5)).until(() -> store.stats().written() == 10);
        assertThat(store.stats().toJson().fieldNames())
                .contains("store", "queueDepth", "written", "writeFailures", "dropped", "lastWriteMs", "prunedRows", "fileBytes");
        assertThat(store.stats().toJson().getString("store")).isEqualTo("sqlite");
    }
}
