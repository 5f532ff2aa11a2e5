package dev.bongsu.bench.influx;

import dev.bongsu.aggregator.store.StoreStats;
import dev.bongsu.aggregator.store.influx.InfluxTimeSeriesStore;
import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.InfluxConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.StorageConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Sustained probe results per second written into a running InfluxDB by {@link InfluxTimeSeriesStore}: a
 * producer offers result batches as fast as the store drains them (keeping its backlog under one memory buffer,
 * so nothing spills), and the rate of points acknowledged by InfluxDB is measured over a fixed window after a
 * warm-up. Prints one line per run and the median.
 *
 * <p>Arguments: {@code url runs warmupSeconds measureSeconds checks vantages batchSize}. With {@code url}
 * {@code discard} the store writes to an in-process HTTP server that reads each request and answers 204 — the
 * ceiling of Bongsu's own write path (line protocol, batching, HTTP), without InfluxDB.
 */
public final class InfluxWriteBench {
    private InfluxWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8086";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int measure = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int checks = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int vantages = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        int batchSize = args.length > 6 ? Integer.parseInt(args[6]) : 5_000;

        List<ServiceConfig> services = new ArrayList<>();
        for (int s = 0; s < checks / 2; s++) {
            services.add(new ServiceConfig("svc-" + s, new LocalizedText("svc-" + s, "svc-" + s), "provider-" + (s % 40),
                    List.of("messenger", "bank", "pay", "map").get(s % 4), "dc-" + (s % 12), "region-" + (s % 3), List.of(), Set.of(), List.of()));
        }
        double[] rates = new double[runs];
        Vertx vertx = Vertx.vertx();
        if (url.equals("discard")) {
            HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onComplete(body -> {
                if (req.path().equals("/query")) {
                    req.response().putHeader("Content-Type", "application/json").end("{\"results\":[{\"statement_id\":0}]}");
                } else {
                    req.response().setStatusCode(204).end();
                }
            })).listen(0, "127.0.0.1").await();
            url = "http://127.0.0.1:" + server.actualPort();
            System.out.println("== discarding writes on " + url);
        }
        try {
            for (int run = 0; run < runs; run++) {
                Path dir = Files.createTempDirectory("bongsu-influx-bench");
                StorageConfig storage = new StorageConfig(dir, "influx", Duration.ofHours(48), Duration.ofDays(400),
                        new InfluxConfig(url, "bongsu_bench_" + (run + 1), null, null, batchSize, Duration.ofSeconds(1), 200_000));
                InfluxTimeSeriesStore store = new InfluxTimeSeriesStore(vertx, storage, services);
                store.start().await();
                rates[run] = measure(store, services, vantages, warmup, measure);
                store.close().await();
                System.out.printf("run %d: %,.0f points/s%n", run + 1, rates[run]);
            }
        } finally {
            vertx.close().await();
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("InfluxDB writes: median %,.0f points/s over %d runs (%d checks x %d vantages, batch %d, %d s each after %d s warm-up)%n",
                sorted[runs / 2], runs, checks, vantages, batchSize, measure, warmup);
    }

    private static double measure(InfluxTimeSeriesStore store, List<ServiceConfig> services, int vantages, int warmup, int measure) {
        long base = System.currentTimeMillis() - 3_600_000;
        long seq = 0;
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + measure * 1_000_000_000L;
        long writtenAtStart = -1;
        long startNanos = 0;
        while (true) {
            long now = System.nanoTime();
            if (writtenAtStart < 0 && now >= warmupEnd) {
                writtenAtStart = store.stats().written();
                startNanos = now;
            }
            if (now >= end) {
                break;
            }
            StoreStats stats = store.stats();
            if (stats.queueDepth() > 100_000) {
                // Keep the backlog inside the memory buffer: this measures writing, not spilling.
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            List<ProbeResult> batch = new ArrayList<>(500);
            for (int i = 0; i < 500; i++, seq++) {
                int series = (int) (seq % (services.size() * 2L * vantages));
                ServiceConfig s = services.get(series / (2 * vantages));
                String check = s.id() + (series % 2 == 0 ? ".http" : ".tcp");
                String vantage = "vantage-" + (series / 2) % vantages;
                long t = base + seq / (services.size() * 2L * vantages) * 1000 + series % 1000;
                double total = 20 + seq % 37;
                batch.add(seq % 50 == 0
                        ? ProbeResult.failure(check, s.id(), vantage, t, ErrorClass.CONNECT_TIMEOUT, 0, Timings.total(total), "timeout")
                        : ProbeResult.success(check, s.id(), vantage, t, 200, new Timings(1.2, 3.4, 7.8, total - 4, total)));
            }
            store.writeResults(batch);
        }
        long written = store.stats().written() - writtenAtStart;
        return written / ((System.nanoTime() - startNanos) / 1e9);
    }
}
