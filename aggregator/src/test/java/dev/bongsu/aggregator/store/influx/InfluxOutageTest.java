package dev.bongsu.aggregator.store.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.testkit.InfluxProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills influxd under load, starts it again, and finds every result exactly once. */
class InfluxOutageTest {
    private static final Duration FLUSH = Duration.ofMillis(50);
    private static final InfluxTuning FAST_RETRIES = new InfluxTuning(1L << 30, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(3));

    /** The other test's points, left out when counting this one's. */
    private static final String NOT_RESTART_TEST = " WHERE \"vantage\" != 'restart-test'";

    @TempDir
    static Path tmp;
    static InfluxProcess influx;
    static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        influx = InfluxProcess.start(tmp);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            vertx.close().await();
        } finally {
            influx.close();
        }
    }

    /** Results with a unique sequence number in the latency field, so loss and duplication both show. */
    static List<ProbeResult> batch(int firstSeq, int n, long now) {
        List<ProbeResult> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int seq = firstSeq + i;
            String service = TestFleet.services().get(seq % 3).id();
            String vantage = TestFleet.VANTAGES.get((seq / 3) % 3);
            // One series per check and vantage; distinct ms timestamps within it.
            out.add(ProbeResult.success(service + ".http", service, vantage, now - 60_000 + seq, 200, Timings.total(seq)));
        }
        return out;
    }

    @Test
    void everyResultWrittenDuringAnOutageArrivesExactlyOnce() throws Exception {
        InfluxTimeSeriesStore store = new InfluxTimeSeriesStore(vertx, TestFleet.storage(tmp.resolve("data"), influx.url(), 500, FLUSH, 2_000),
                TestFleet.services(), FAST_RETRIES);
        store.start().await();
        long now = System.currentTimeMillis();
        AtomicInteger produced = new AtomicInteger();
        List<Future<Void>> writes = Collections.synchronizedList(new ArrayList<>());
        // 100 results every 20 ms from a Vert.x timer, as the aggregator would: 5,000 results/s.
        long timer = vertx.setPeriodic(20, id -> writes.add(store.writeResults(batch(produced.getAndAdd(100), 100, now))));
        InfluxDB client = InfluxDBFactory.connect(influx.url());
        try {
            awaitUntil(() -> store.stats().written() >= 3_000);
            influx.kill();
            awaitUntil(() -> store.stats().extra().get("up") == 0L);
            awaitUntil(() -> store.stats().extra().get("spoolPoints") >= 5_000);
            assertThat(store.stats().extra().get("memoryPoints")).isPositive();
            influx.startAgain();
            int atRestart = produced.get();
            awaitUntil(() -> produced.get() >= atRestart + 3_000);
            vertx.cancelTimer(timer);
            int total = vertx.executeBlocking(produced::get).await();

            awaitUntil(() -> store.stats().queueDepth() == 0 && store.stats().extra().get("up") == 1L);
            awaitUntil(() -> count(client) == total);

            Set<Integer> seen = new HashSet<>();
            List<Integer> duplicates = new ArrayList<>();
            for (Map<String, Object> row : InfluxQueries.rows(client.query(new Query("SELECT \"latency_ms\" FROM \"raw\".\"probe\"" + NOT_RESTART_TEST, "bongsu"),
                    TimeUnit.MILLISECONDS))) {
                int seq = ((Number) row.get("latency_ms")).intValue();
                if (!seen.add(seq)) {
                    duplicates.add(seq);
                }
            }
            assertThat(duplicates).isEmpty();
            assertThat(seen).hasSize(total);
            assertThat(seen.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(total - 1);
            awaitUntil(() -> writes.stream().allMatch(Future::isComplete));
            assertThat(writes).allSatisfy(f -> assertThat(f.succeeded()).isTrue());
            var stats = store.stats();
            assertThat(stats.dropped()).isZero();
            assertThat(stats.writeFailures()).isPositive();
            assertThat(stats.extra().get("retries")).isPositive();
            assertThat(stats.extra()).containsEntry("spoolPoints", 0L).containsEntry("spoolSegments", 0L);
            assertThat(stats.written()).isGreaterThanOrEqualTo(total);
        } finally {
            vertx.cancelTimer(timer);
            store.close().await();
            client.close();
        }
    }

    @Test
    void pointsStillBufferedWhenTheStoreStopsDuringAnOutageAreWrittenByTheNextStart() throws Exception {
        Path data = tmp.resolve("restart");
        InfluxTimeSeriesStore first = new InfluxTimeSeriesStore(vertx, TestFleet.storage(data, influx.url(), 500, FLUSH, 2_000),
                TestFleet.services(), FAST_RETRIES);
        first.start().await();
        long now = System.currentTimeMillis();
        influx.kill();
        Future<Void> written = first.writeResults(batch(0, 1_200, now).stream().map(r -> r.withVantage("restart-test")).toList());
        awaitUntil(() -> first.stats().extra().get("up") == 0L);
        awaitUntil(() -> written.succeeded());
        first.close().await();
        assertThat(data.resolve("influx-spool").toFile().list()).isNotEmpty();

        influx.startAgain();
        InfluxTimeSeriesStore second = new InfluxTimeSeriesStore(vertx, TestFleet.storage(data, influx.url(), 500, FLUSH, 2_000),
                TestFleet.services(), FAST_RETRIES);
        second.start().await();
        InfluxDB client = InfluxDBFactory.connect(influx.url());
        try {
            awaitUntil(() -> countBetween(client, now - 60_000, now - 60_000 + 1_200) == 1_200);
            awaitUntil(() -> second.stats().queueDepth() == 0);
            assertThat(data.resolve("influx-spool").toFile().list()).isEmpty();
        } finally {
            second.close().await();
            client.close();
        }
    }

    private static void awaitUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(condition::getAsBoolean);
    }

    private static long count(InfluxDB client) {
        var rows = InfluxQueries.rows(client.query(new Query("SELECT count(\"latency_ms\") FROM \"raw\".\"probe\"" + NOT_RESTART_TEST, "bongsu")));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
    }

    private static long countBetween(InfluxDB client, long from, long to) {
        var rows = InfluxQueries.rows(client.query(new Query("SELECT count(\"latency_ms\") FROM \"raw\".\"probe\" WHERE \"vantage\" = 'restart-test' AND time >= " + from
                + "ms AND time < " + to + "ms", "bongsu")));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
    }
}
