package dev.bongsu.aggregator.store.influx;

/**
 * One point waiting to be written: its line of line protocol (millisecond timestamp) and its retention policy.
 *
 * @param retentionPolicy {@link InfluxSchema#RAW_POLICY} or {@link InfluxSchema#ROLLUP_POLICY}
 * @param line            the point in line protocol
 */
record BufferedPoint(String retentionPolicy, String line) {
}
