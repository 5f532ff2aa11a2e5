package dev.bongsu.aggregator.store.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.Timings;
import dev.bongsu.testkit.InfluxProcess;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the bytes a raw result and a rollup take in InfluxDB's compacted TSM files (figures for
 * docs/STORAGE.md): 100 HTTPS checks × 3 vantages every 5 s, 3 % failing; then rollups of the same series.
 */
class InfluxSizingTest {
    private static final int SERIES = 300;
    private static final int RESULTS = 90_000;
    private static final int ROLLUPS = 30_000;

    @TempDir
    Path tmp;

    @Test
    void measuresBytesPerResultAndPerRollupAfterCompaction() throws Exception {
        try (InfluxProcess influx = InfluxProcess.start(tmp)) {
            Vertx vertx = Vertx.vertx();
            InfluxTimeSeriesStore store = new InfluxTimeSeriesStore(vertx, TestFleet.storage(tmp.resolve("spool"), influx.url(), 5000,
                    Duration.ofMillis(200), 200_000), TestFleet.services());
            store.start().await();
            long start = (System.currentTimeMillis() - 40 * 3_600_000L) / 60_000 * 60_000;
            List<ProbeResult> batch = new ArrayList<>();
            for (int i = 0; i < RESULTS; i++) {
                int series = i % SERIES;
                long round = i / SERIES;
                String service = "svc-" + series / 6;
                String check = service + (series % 2 == 0 ? ".http" : ".api");
                String vantage = TestFleet.VANTAGES.get((series / 2) % 3);
                long t = start + round * 5_000 + series * 13L + (i * 7919L) % 40;
                double total = 30 + (i * 31L) % 170 + (i % 1000) / 1000.0;
                batch.add(i % 33 == 0
                        ? ProbeResult.failure(check, service, vantage, t, ErrorClass.HTTP_5XX, 503, new Timings(1.1, 4.2, 9.3, total - 2, total), "503")
                        : ProbeResult.success(check, service, vantage, t, 200,
                                new Timings(0.4 + (i % 7) / 10.0, 3.1 + (i % 11) / 10.0, 8.7 + (i % 13) / 10.0, total - 1.3, total)));
                if (batch.size() == 5000) {
                    store.writeResults(batch).await();
                    batch = new ArrayList<>();
                }
            }
            long raw = compactedBytes(influx.dir(), "raw");
            List<Rollup> rollups = new ArrayList<>();
            for (int i = 0; i < ROLLUPS; i++) {
                int series = i % SERIES;
                String service = "svc-" + series / 6;
                double p50 = 40 + (i * 17L) % 60 + 0.5;
                rollups.add(new Rollup(service + (series % 2 == 0 ? ".http" : ".api"), service, TestFleet.VANTAGES.get((series / 2) % 3),
                        start + (long) (i / SERIES) * 60_000, 12, i % 20 == 0 ? 11 : 12, p50, p50 * 1.8, p50 * 2.1, p50 * 2.3,
                        i % 20 == 0 ? Map.of("http_5xx", 1) : Map.of()));
                if (rollups.size() == 5000) {
                    store.writeRollups(rollups).await();
                    rollups = new ArrayList<>();
                }
            }
            long rolled = compactedBytes(influx.dir(), "rollups");
            store.close().await();
            vertx.close().await();
            System.out.printf("InfluxDB 1.6 TSM: %.1f bytes/result (%d results, %d bytes), %.1f bytes/rollup (%d rollups, %d bytes)%n",
                    (double) raw / RESULTS, RESULTS, raw, (double) rolled / ROLLUPS, ROLLUPS, rolled);
            assertThat(raw).isPositive();
            assertThat(rolled).isPositive();
        }
    }

    /** Waits until the retention policy's data is in TSM files only (WAL empty) and their size stops changing. */
    private static long compactedBytes(Path influxDir, String policy) {
        Path rp = influxDir.resolve("data/bongsu/" + policy);
        Path wal = influxDir.resolve("wal/bongsu/" + policy);
        long[] last = {-1};
        int[] stable = {0};
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long tsm = size(rp, ".tsm");
            long walBytes = size(wal, ".wal");
            stable[0] = tsm > 0 && walBytes == 0 && tsm == last[0] && !hasTmp(rp) ? stable[0] + 1 : 0;
            last[0] = tsm;
            return stable[0] >= 6;
        });
        return last[0];
    }

    private static long size(Path dir, String suffix) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static boolean hasTmp(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".tmp"));
        }
    }
}
