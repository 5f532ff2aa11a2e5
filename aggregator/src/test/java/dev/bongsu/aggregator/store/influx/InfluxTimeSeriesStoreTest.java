package dev.bongsu.aggregator.store.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.testkit.InfluxProcess;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxTimeSeriesStoreTest {
    /** Twenty-five minutes ago on a minute boundary: InfluxDB refuses points older than the raw retention. */
    private static final long START = (System.currentTimeMillis() - 25 * 60_000) / 60_000 * 60_000;
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @TempDir
    static Path tmp;
    static InfluxProcess influx;
    static Vertx vertx;
    static InfluxTimeSeriesStore store;
    static InfluxDB client;
    static List<ProbeResult> results;
    static List<Rollup> rollups;

    @BeforeAll
    static void writeTwentyMinutes() throws Exception {
        influx = InfluxProcess.start(tmp);
        vertx = Vertx.vertx();
        store = new InfluxTimeSeriesStore(vertx, TestFleet.storage(tmp.resolve("data"), influx.url(), 500, Duration.ofMillis(100), 10_000),
                TestFleet.services());
        store.start().await();
        results = TestFleet.results(START, INTERVAL, 120);
        rollups = TestFleet.rollups(results);
        for (int i = 0; i < results.size(); i += 300) {
            store.writeResults(results.subList(i, Math.min(results.size(), i + 300))).await();
        }
        store.writeRollups(rollups).await();
        client = InfluxDBFactory.connect(influx.url());
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> count("SELECT count(\"latency_ms\") FROM \"raw\".\"probe\"") == results.size()
                && count("SELECT count(\"count\") FROM \"rollups\".\"rollup\"") == rollups.size());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            store.close().await();
            client.close();
            vertx.close().await();
        } finally {
            influx.close();
        }
    }

    static long count(String q) {
        var rows = InfluxQueries.rows(client.query(new Query(q, "bongsu"), TimeUnit.MILLISECONDS));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
    }

    @Test
    void createsTheDatabaseWithARawDefaultPolicyAndALongRollupPolicy() {
        var rows = InfluxQueries.rows(client.query(new Query("SHOW RETENTION POLICIES ON \"bongsu\"", "bongsu")));
        Map<String, String> durations = new TreeMap<>();
        rows.forEach(r -> durations.put((String) r.get("name"), r.get("duration") + (Boolean.TRUE.equals(r.get("default")) ? " default" : "")));
        assertThat(durations).containsEntry("raw", "48h0m0s default").containsEntry("rollups", "9600h0m0s");
    }

    @Test
    void readsTheResultsOfOneCheckBackOldestFirst() {
        Instant from = Instant.ofEpochMilli(START + 60_000);
        Instant to = Instant.ofEpochMilli(START + 15 * 60_000);
        List<ProbeResult> expected = results.stream()
                .filter(r -> r.checkId().equals("kakaotalk.http") && r.startedAt() >= from.toEpochMilli() && r.startedAt() < to.toEpochMilli())
                .sorted(Comparator.comparingLong(ProbeResult::startedAt)).toList();

        List<ProbeResult> read = store.results("kakaotalk.http", from, to, 10_000).await();

        assertThat(read).isEqualTo(expected);
        assertThat(read).anySatisfy(r -> assertThat(r.ok()).isFalse()).anySatisfy(r -> assertThat(r.certDaysLeft()).isEqualTo(40.5));
        assertThat(store.results("kakaotalk.http", from, to, 5).await()).isEqualTo(expected.subList(0, 5));
    }

    @Test
    void readsTheRollupsOfOneServiceOverEveryCheckAndVantage() {
        Instant from = Instant.ofEpochMilli(START);
        Instant to = Instant.ofEpochMilli(START + 20 * 60_000);
        List<Rollup> read = store.serviceRollups("kakaobank", from, to).await();

        List<Rollup> expected = rollups.stream().filter(r -> r.serviceId().equals("kakaobank")).toList();
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read).isSortedAccordingTo(Comparator.comparingLong(Rollup::minute));
        assertThat(read).anySatisfy(r -> assertThat(r.errorCounts()).isNotEmpty());
    }

    @Test
    void bucketsHistoryAlignedToFromWithCountWeightedPercentiles() {
        Instant from = Instant.ofEpochMilli(START + 2 * 60_000 + 17_000);
        Instant to = Instant.ofEpochMilli(START + 19 * 60_000);
        Duration step = Duration.ofMinutes(5);

        List<ServiceBucket> read = store.serviceHistory("kakaotalk", from, to, step).await();

        Map<Long, List<Rollup>> byBucket = new TreeMap<>();
        for (Rollup r : rollups) {
            if (r.serviceId().equals("kakaotalk") && r.minute() >= from.toEpochMilli() && r.minute() < to.toEpochMilli()) {
                long b = from.toEpochMilli() + (r.minute() - from.toEpochMilli()) / step.toMillis() * step.toMillis();
                byBucket.computeIfAbsent(b, k -> new ArrayList<>()).add(r);
            }
        }
        List<ServiceBucket> expected = new ArrayList<>();
        byBucket.forEach((start, rs) -> {
            long count = rs.stream().mapToLong(Rollup::count).sum();
            expected.add(new ServiceBucket(start, count, rs.stream().mapToLong(Rollup::okCount).sum(),
                    rs.stream().mapToDouble(r -> r.p50Ms() * r.count()).sum() / count,
                    rs.stream().mapToDouble(r -> r.p95Ms() * r.count()).sum() / count,
                    rs.stream().mapToDouble(Rollup::maxMs).max().orElseThrow()));
        });
        assertThat(read).hasSize(expected.size());
        for (int i = 0; i < read.size(); i++) {
            ServiceBucket a = read.get(i);
            ServiceBucket e = expected.get(i);
            assertThat(a.start()).isEqualTo(e.start());
            assertThat(a.count()).isEqualTo(e.count());
            assertThat(a.okCount()).isEqualTo(e.okCount());
            assertThat(a.p50Ms()).isCloseTo(e.p50Ms(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(a.p95Ms()).isCloseTo(e.p95Ms(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(a.maxMs()).isEqualTo(e.maxMs());
        }
        assertThat(read.get(0).start()).isEqualTo(from.toEpochMilli());
    }

    @Test
    void rewritingARollupReplacesIt() {
        Rollup first = rollups.stream().filter(r -> r.serviceId().equals("naver-map")).findFirst().orElseThrow();
        Rollup changed = new Rollup(first.checkId(), first.serviceId(), first.vantage(), first.minute(), first.count() + 1, first.okCount() + 1,
                first.p50Ms(), first.p95Ms(), first.p99Ms(), first.maxMs(), first.errorCounts());
        store.writeRollups(List.of(changed)).await();
        Instant from = Instant.ofEpochMilli(first.minute());
        await().atMost(Duration.ofSeconds(10)).until(() -> store.serviceRollups("naver-map", from, from.plusSeconds(60)).await()
                .stream().filter(r -> r.checkId().equals(first.checkId()) && r.vantage().equals(first.vantage())).toList(), rs -> rs.equals(List.of(changed)));
        store.writeRollups(List.of(first)).await();
        await().atMost(Duration.ofSeconds(10)).until(() -> store.serviceRollups("naver-map", from, from.plusSeconds(60)).await().contains(first));
    }

    @Test
    void reportsWhatItWrote() {
        var stats = store.stats();
        assertThat(stats.store()).isEqualTo("influx");
        assertThat(stats.written()).isGreaterThanOrEqualTo(results.size() + rollups.size());
        assertThat(stats.dropped()).isZero();
        assertThat(stats.extra()).containsEntry("up", 1L).containsEntry("spoolPoints", 0L).containsKeys("memoryPoints", "retries", "writeRequests");
    }
}
