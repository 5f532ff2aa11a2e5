package dev.bongsu.aggregator.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.StorageConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what a raw result and a rollup cost on disk (the figures in docs/STORAGE.md) and keeps them from
 * growing unnoticed: 100,000 realistic results of 100 checks × 3 vantages, then 100,000 rollups.
 */
class SqliteSizingTest {
    private static final long T0 = 1_767_225_600_000L;
    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void bytesPerResultAndPerRollup() throws Exception {
        Vertx vertx = Vertx.vertx();
        StorageConfig config = new StorageConfig(dir, "sqlite", Duration.ofDays(3650), Duration.ofDays(36500), null);
        Path file = dir.resolve(SqliteTimeSeriesStore.FILE_NAME);
        try {
            long empty = sizeAfter(vertx, config, file, store -> Future.succeededFuture());
            long withResults = sizeAfter(vertx, config, file, store -> writeInBatches(store, results(), true));
            long withRollups = sizeAfter(vertx, config, file, store -> writeInBatches(store, rollups(), false));

            double perResult = (double) (withResults - empty) / ROWS;
            double perRollup = (double) (withRollups - withResults) / ROWS;
            System.out.printf("results.db: empty %d bytes; %d results %d bytes (%.1f bytes/result); %d rollups %d bytes (%.1f bytes/rollup)%n",
                    empty, ROWS, withResults - empty, perResult, ROWS, withRollups - withResults, perRollup);
            assertThat(perResult).isBetween(10.0, 80.0);
            assertThat(perRollup).isBetween(10.0, 80.0);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }

    private interface Work {
        Future<?> run(SqliteTimeSeriesStore store);
    }

    /** Opens the store, does the work, closes it (which checkpoints the write-ahead log) and returns the file size. */
    private static long sizeAfter(Vertx vertx, StorageConfig config, Path file, Work work) throws Exception {
        SqliteTimeSeriesStore store = SqliteTimeSeriesStore.open(vertx, config, Clock.systemUTC(), SqliteStoreOptions.defaults())
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        long start = System.nanoTime();
        work.run(store).onSuccess(v -> System.out.printf("wrote in %d ms (last transaction %.1f ms)%n",
                (System.nanoTime() - start) / 1_000_000, store.stats().lastWriteMs())).eventually(store::close).toCompletionStage().toCompletableFuture().get(50, TimeUnit.SECONDS);
        assertThat(Files.exists(file.resolveSibling(file.getFileName() + "-wal"))).as("WAL removed at close").isFalse();
        return Files.size(file);
    }

    /** Batches of 500 as the probes send them, 20 batches at a time so the write queue never overflows. */
    @SuppressWarnings("unchecked")
    private static Future<?> writeInBatches(SqliteTimeSeriesStore store, List<?> rows, boolean results) {
        Future<?> chain = Future.succeededFuture();
        for (int wave = 0; wave < rows.size(); wave += 10_000) {
            List<?> part = rows.subList(wave, Math.min(rows.size(), wave + 10_000));
            chain = chain.compose(v -> {
                List<Future<Void>> writes = new ArrayList<>();
                for (int i = 0; i < part.size(); i += 500) {
                    List<?> batch = part.subList(i, Math.min(part.size(), i + 500));
                    writes.add(results ? store.writeResults((List<ProbeResult>) batch) : store.writeRollups((List<Rollup>) batch));
                }
                return Future.all(writes);
            });
        }
        return chain;
    }

    /** Every 5 s from 100 checks × 3 vantages; HTTPS timings with sub-millisecond digits; 3 % failing. */
    private static List<ProbeResult> results() {
        Random random = new Random(1);
        List<ProbeResult> out = new ArrayList<>(ROWS);
        for (int i = 0; out.size() < ROWS; i++) {
            for (int c = 0; c < 100 && out.size() < ROWS; c++) {
                for (String vantage : List.of("seoul-kt", "busan-skb", "tokyo-aws")) {
                    String check = "service-" + c + ".https";
                    long at = T0 + i * 5_000L + c * 37L;
                    double dns = 0.5 + random.nextInt(3000) / 1000.0;
                    double connect = 1 + random.nextInt(20_000) / 1000.0;
                    double tls = 5 + random.nextInt(40_000) / 1000.0;
                    double firstByte = 20 + random.nextInt(200_000) / 1000.0;
                    double total = dns + connect + tls + firstByte + random.nextInt(5000) / 1000.0;
                    ProbeResult r = random.nextInt(100) < 3
                            ? ProbeResult.failure(check, "service-" + c, vantage, at, ErrorClass.HTTP_5XX, 503,
                            new Timings(dns, connect, tls, firstByte, total), "HTTP 503, expected 200")
                            : ProbeResult.success(check, "service-" + c, vantage, at, 200, new Timings(dns, connect, tls, firstByte, total));
                    out.add(r);
                }
            }
        }
        return out.subList(0, ROWS);
    }

    /** One per minute from the same 300 series (12 probes each, now and then a failure). */
    private static List<Rollup> rollups() {
        Random random = new Random(2);
        List<Rollup> out = new ArrayList<>(ROWS);
        for (int m = 0; out.size() < ROWS; m++) {
            for (int c = 0; c < 100 && out.size() < ROWS; c++) {
                for (String vantage : List.of("seoul-kt", "busan-skb", "tokyo-aws")) {
                    boolean failing = random.nextInt(20) == 0;
                    double p50 = 30 + random.nextInt(200_000) / 1000.0;
                    out.add(new Rollup("service-" + c + ".https", "service-" + c, vantage, T0 + m * 60_000L, 12,
                            failing ? 11 : 12, p50, p50 * 1.5, p50 * 1.8, p50 * 2,
                            failing ? Map.of("http_5xx", 1) : Map.of()));
                }
            }
        }
        return out.subList(0, ROWS);
    }
}
