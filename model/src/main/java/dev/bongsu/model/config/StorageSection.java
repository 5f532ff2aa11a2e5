package dev.bongsu.model.config;

import java.nio.file.Path;
import java.time.Duration;

/** Reads the {@code storage} section. */
final class StorageSection {
    private StorageSection() {
    }

    static StorageConfig read(ConfigNode n) {
        n.allowOnly("dir", "timeSeries", "rawRetention", "rollupRetention", "influx");
        String timeSeries = n.get("timeSeries").choiceOr("sqlite", "sqlite", "influx");
        ConfigNode influxNode = n.get("influx");
        InfluxConfig influx = influxNode.isMissing() ? null : influx(influxNode);
        if ("influx".equals(timeSeries) && influx == null) {
            throw n.get("influx").problem("required when timeSeries is influx: give at least influx.url");
        }
        return new StorageConfig(
                Path.of(n.get("dir").textOr("data")),
                timeSeries,
                n.get("rawRetention").durationOr(Duration.ofHours(48), Duration.ofMinutes(10), Duration.ofDays(3650)),
                n.get("rollupRetention").durationOr(Duration.ofDays(400), Duration.ofHours(1), Duration.ofDays(36500)),
                influx);
    }

    static InfluxConfig influx(ConfigNode n) {
        n.allowOnly("url", "database", "username", "password", "batchSize", "flushInterval", "memoryBufferPoints");
        ConfigNode url = n.require("url");
        String u = url.text();
        if (!u.matches("https?://[^\\s/]+(:\\d+)?/?")) {
            throw url.error("an http:// or https:// base URL such as http://127.0.0.1:8086");
        }
        return new InfluxConfig(
                u.endsWith("/") ? u.substring(0, u.length() - 1) : u,
                n.get("database").textOr("bongsu"),
                n.get("username").textOr(null),
                n.get("password").textOr(null),
                n.get("batchSize").integerOr(5000, 1, 1_000_000),
                n.get("flushInterval").durationOr(Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMinutes(5)),
                n.get("memoryBufferPoints").integerOr(200_000, 1000, 100_000_000));
    }
}
