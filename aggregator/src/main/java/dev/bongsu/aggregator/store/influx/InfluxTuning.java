package dev.bongsu.aggregator.store.influx;

import java.time.Duration;

/**
 * Settings of the InfluxDB store that are not in the YAML configuration.
 *
 * @param spoolMaxBytes  largest size of the disk spool; beyond it (and a full memory buffer) points are dropped
 * @param minBackoff     wait after the first failed write
 * @param maxBackoff     longest wait between retries (the wait doubles after each failure)
 * @param requestTimeout connect, read and write timeout of one HTTP request to InfluxDB
 */
public record InfluxTuning(long spoolMaxBytes, Duration minBackoff, Duration maxBackoff, Duration requestTimeout) {
    /** 1 GiB of spool, retries from 250 ms up to 10 s, 30 s per request. */
    public static final InfluxTuning DEFAULTS = new InfluxTuning(1L << 30, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30));
}
