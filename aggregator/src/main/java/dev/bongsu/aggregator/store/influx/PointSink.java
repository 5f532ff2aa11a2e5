package dev.bongsu.aggregator.store.influx;

import java.util.List;

/** Where the writer thread sends batches: InfluxDB's write API. Blocking; called from the writer thread only. */
interface PointSink {
    /** Creates the database and retention policies if they are missing (idempotent). */
    void ensureSchema() throws Exception;

    /**
     * Writes lines of line protocol (millisecond timestamps) into one retention policy; throws
     * {@link RejectedPointsException} when InfluxDB refused points for good, any other exception when worth a retry.
     */
    void write(String retentionPolicy, List<String> lines) throws Exception;
}
