package dev.bongsu.model;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads stored probe history back, from whichever store is configured. */
public interface HistoryReader {
    /** Raw results of one check in [from, to), oldest first, at most {@code limit}. */
    Future<List<ProbeResult>> results(String checkId, Instant from, Instant to, int limit);

    /** Minute rollups of every check of one service, every vantage, in [from, to), oldest first. */
    Future<List<Rollup>> serviceRollups(String serviceId, Instant from, Instant to);

    /**
     * One service's history in buckets of {@code step} aligned to {@code from}, merged over checks and vantages,
     * oldest first; buckets without probes are left out.
     */
    Future<List<ServiceBucket>> serviceHistory(String serviceId, Instant from, Instant to, Duration step);
}
