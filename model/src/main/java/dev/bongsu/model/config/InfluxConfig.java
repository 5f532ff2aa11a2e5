package dev.bongsu.model.config;

import java.time.Duration;

/**
 * An InfluxDB 1.x HTTP API to write time series to.
 *
 * @param url                 e.g. {@code http://127.0.0.1:8086}
 * @param database            database name
 * @param username            user, or {@code null}
 * @param password            password, or {@code null}
 * @param batchSize           points per write
 * @param flushInterval       longest a point waits before a write
 * @param memoryBufferPoints  points held in memory while InfluxDB is unreachable, before spilling to disk
 */
public record InfluxConfig(String url, String database, String username, String password, int batchSize,
                           Duration flushInterval, int memoryBufferPoints) {
    @Override
    public String toString() {
        return "InfluxConfig[url=" + url + ", database=" + database + ", username=" + username
                + ", password=" + (password == null ? "none" : "(hidden)") + ", batchSize=" + batchSize
                + ", flushInterval=" + flushInterval + ", memoryBufferPoints=" + memoryBufferPoints + "]";
    }
}
