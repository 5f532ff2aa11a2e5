package dev.bongsu.aggregator.store.influx;

import dev.bongsu.aggregator.store.StoreStats;
import dev.bongsu.aggregator.store.TimeSeriesStore;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.config.InfluxConfig;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.StorageConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;

/**
 * Probe results and minute rollups in InfluxDB 1.x (or 2.x/3.x through their v1 API). Writes never block the
 * caller: points go to a bounded memory buffer drained by one dedicated writer thread in batches (by size and by
 * age); while InfluxDB is down or slow the backlog spills to {@code storage.dir/influx-spool/} and is written
 * back in order when InfluxDB answers (a second thread does the spilling, so a write stuck on a slow InfluxDB never
 * holds it up). Reads run on Vert.x worker threads. {@link #stats()} reports buffer depth,
 * spool size, retries and drops (the aggregator publishes it).
 */
public final class InfluxTimeSeriesStore implements TimeSeriesStore {
    private static final Logger LOG = Logger.getLogger(InfluxTimeSeriesStore.class.getName());
    private final Vertx vertx;
    private final InfluxConfig config;
    private final InfluxSchema schema;
    private final InfluxDB client;
    private final MemoryBuffer buffer;
    private final InfluxWriter writer;
    private boolean started;

    /** A store for {@code storage.influx}, tagging points with the attributes of {@code services}; call {@link #start()}. */
    public InfluxTimeSeriesStore(Vertx vertx, StorageConfig storage, List<ServiceConfig> services) {
        this(vertx, storage, services, InfluxTuning.DEFAULTS);
    }

    /** The same with explicit spool limit, backoff and request timeout. */
    public InfluxTimeSeriesStore(Vertx vertx, StorageConfig storage, List<ServiceConfig> services, InfluxTuning tuning) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.config = Objects.requireNonNull(storage.influx(), "storage.influx is required for the InfluxDB store");
        this.schema = new InfluxSchema(services);
        long timeout = tuning.requestTimeout().toMillis();
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false);
        this.client = config.username() == null
                ? InfluxDBFactory.connect(config.url(), http)
                : InfluxDBFactory.connect(config.url(), config.username(), config.password() == null ? "" : config.password(), http);
        this.client.setLogLevel(InfluxDB.LogLevel.NONE);
        // Memory may briefly hold twice its share while the spiller catches up; beyond that points are refused.
        this.buffer = new MemoryBuffer(Math.max(2 * config.memoryBufferPoints(), config.memoryBufferPoints() + config.batchSize()));
        InfluxHttpSink sink = new InfluxHttpSink(client, config.database(), storage.rawRetention(), storage.rollupRetention());
        this.writer = new InfluxWriter(sink, buffer, storage.dir().resolve("influx-spool"), config.batchSize(), config.flushInterval(),
                config.memoryBufferPoints(), tuning, config.url());
    }

    /**
     * Starts the writer thread. Completes at once: the database and retention policies are
     * created by the writer before its first write, and retried while InfluxDB is unreachable.
     */
    public Future<Void> start() {
        writer.start();
        started = true;
        return Future.succeededFuture();
    }

    /**
     * Queues results without blocking; the future completes once they are in InfluxDB or in the disk spool — or,
     * while InfluxDB is unreachable, once they are buffered (nobody should wait out an outage) — and fails at once
     * when memory and spool are full.
     */
    @Override
    public Future<Void> writeResults(List<ProbeResult> results) {
        List<BufferedPoint> points = new ArrayList<>(results.size());
        for (ProbeResult r : results) {
            points.add(new BufferedPoint(InfluxSchema.RAW_POLICY, schema.resultLine(r)));
        }
        return offer(points);
    }

    /** Queues rollups like {@link #writeResults}; they go to the long retention policy. */
    @Override
    public Future<Void> writeRollups(List<Rollup> rollups) {
        List<BufferedPoint> points = new ArrayList<>(rollups.size());
        for (Rollup r : rollups) {
            points.add(new BufferedPoint(InfluxSchema.ROLLUP_POLICY, schema.rollupLine(r)));
        }
        return offer(points);
    }

    /** Queues one incident transition (measurement {@code incident}, for Grafana annotations) like a rollup. */
    public Future<Void> writeIncident(IncidentTransition transition) {
        return offer(List.of(new BufferedPoint(InfluxSchema.ROLLUP_POLICY, schema.incidentLine(transition))));
    }

    private Future<Void> offer(List<BufferedPoint> points) {
        if (points.isEmpty()) {
            return Future.succeededFuture();
        }
        if (writer.state() == InfluxWriter.State.DOWN) {
            int refused = buffer.offer(points, null);
            return refused == 0 ? Future.succeededFuture() : dropped(refused, points.size());
        }
        Context context = vertx.getOrCreateContext();
        Promise<Void> settled = Promise.promise();
        int refused = buffer.offer(points, () -> context.runOnContext(v -> settled.complete()));
        if (writer.state() == InfluxWriter.State.DOWN) {
            // InfluxDB went away between the check above and the offer.
            buffer.releaseWaiters();
        }
        return refused == 0 ? settled.future() : dropped(refused, points.size());
    }

    private Future<Void> dropped(int refused, int offered) {
        writer.dropped(refused);
        return Future.failedFuture("InfluxDB store saturated (memory buffer and disk spool full): dropped " + refused + " of "
                + offered + " points");
    }

    @Override
    public Future<List<ProbeResult>> results(String checkId, Instant from, Instant to, int limit) {
        return query(InfluxQueries.results(checkId, from, to, limit), InfluxQueries::toResult);
    }

    @Override
    public Future<List<Rollup>> serviceRollups(String serviceId, Instant from, Instant to) {
        return query(InfluxQueries.serviceRollups(serviceId, from, to), InfluxQueries::toRollup);
    }

    @Override
    public Future<List<ServiceBucket>> serviceHistory(String serviceId, Instant from, Instant to, Duration step) {
        return query(InfluxQueries.serviceHistory(serviceId, from, to, step), InfluxQueries::toBucket);
    }

    private <T> Future<List<T>> query(String influxQl, Function<Map<String, Object>, T> mapper) {
        return vertx.executeBlocking(() -> {
            List<Map<String, Object>> rows = InfluxQueries.rows(client.query(new Query(influxQl, config.database()), TimeUnit.MILLISECONDS));
            List<T> out = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                out.add(mapper.apply(row));
            }
            return out;
        }, false);
    }

    /**
     * The write path's figures: {@code queueDepth} counts points in memory and on disk; {@code extra} holds
     * {@code memoryPoints}, {@code spoolPoints}, {@code spoolBytes}, {@code spoolSegments}, {@code retries}, {@code rejectedPoints} (refused by InfluxDB for good, e.g. older than the retention),
     * {@code writeRequests}, {@code writeMicros} (total time in write requests) and {@code up} (1 while writes succeed).
     */
    @Override
    public StoreStats stats() {
        return writer.stats();
    }

    /** Writes what is buffered (or spills it to disk if InfluxDB is away), stops the writer and closes the client. */
    @Override
    public Future<Void> close() {
        return vertx.executeBlocking(() -> {
            if (started && !writer.close(Duration.ofSeconds(60))) {
                LOG.warning("InfluxDB writer did not finish within 60 s; points still in memory are lost");
            }
            client.close();
            return null;
        }, false);
    }
}
