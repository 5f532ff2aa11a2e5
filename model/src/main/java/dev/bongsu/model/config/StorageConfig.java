package dev.bongsu.model.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where Bongsu keeps what it sees. The embedded database under {@code dir} always holds incidents and the
 * notification outbox; probe results and rollups go to it too unless {@code timeSeries} is {@code influx}.
 *
 * @param dir             directory of the embedded databases
 * @param timeSeries      {@code sqlite} (embedded, default) or {@code influx}
 * @param rawRetention    how long raw probe results are kept
 * @param rollupRetention how long minute rollups are kept
 * @param influx          InfluxDB settings, {@code null} unless {@code timeSeries} is {@code influx}
 */
public record StorageConfig(Path dir, String timeSeries, Duration rawRetention, Duration rollupRetention, InfluxConfig influx) {
    /** Whether time series go to InfluxDB. */
    public boolean usesInflux() {
        return "influx".equals(timeSeries);
    }
}
