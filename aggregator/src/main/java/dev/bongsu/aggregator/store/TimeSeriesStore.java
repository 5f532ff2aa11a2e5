package dev.bongsu.aggregator.store;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where probe results and minute rollups are kept: the embedded SQLite store or InfluxDB. Implementations do
 * their blocking I/O off the event loop and complete the returned futures on the caller's context.
 *
 * <p>Writes are idempotent per key: a result is identified by (check, vantage, start time) and a rollup by
 * (check, vantage, minute); writing a rollup again replaces the earlier one (the aggregator rewrites a minute
 * when late results make it recompute it).
 */
public interface TimeSeriesStore extends HistoryReader {
    /** Stores raw results (a batch, in probe order); fails at once, without blocking, when the store is saturated. */
    Future<Void> writeResults(List<ProbeResult> results);

    /** Stores finished minute rollups, replacing any stored rollup of the same check, vantage and minute. */
    Future<Void> writeRollups(List<Rollup> rollups);

    /** A snapshot of the write path's counters; cheap, callable from any thread. */
    StoreStats stats();

    /** Flushes what is buffered and releases resources. */
    Future<Void> close();
}
