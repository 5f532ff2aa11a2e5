package dev.bongsu.aggregator.store;

import dev.bongsu.model.HistoryReader;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where probe results and minute rollups are kept: the embedded SQLite store or InfluxDB. Implementations do
 * their blocking I/O off the event loop and complete the returned futures on the caller's context.
 */
public interface TimeSeriesStore extends HistoryReader {
    /** Stores raw results (a batch, in probe order). */
    Future<Void> writeResults(List<ProbeResult> results);

    /** Stores finished minute rollups. */
    Future<Void> writeRollups(List<Rollup> rollups);

    /** Flushes what is buffered and releases resources. */
    Future<Void> close();
}
