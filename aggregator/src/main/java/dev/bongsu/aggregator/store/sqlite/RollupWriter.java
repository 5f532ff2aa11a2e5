package dev.bongsu.aggregator.store.sqlite;

import dev.bongsu.model.Rollup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Writes a rollup row, replacing an earlier one, and keeps the hourly service table in step with the change. */
final class RollupWriter implements AutoCloseable {
    private static final long HOUR_MS = 3_600_000;

    private final PreparedStatement old;
    private final PreparedStatement upsert;
    private final PreparedStatement hour;
    private final Map<ServiceHour, long[]> hourDeltas = new HashMap<>();

    RollupWriter(Connection c) throws SQLException {
        old = c.prepareStatement("SELECT count, ok_count, p50_us, p95_us FROM rollup WHERE series_id = ? AND minute = ?");
        upsert = c.prepareStatement("INSERT INTO rollup (series_id, minute, count, ok_count, p50_us, p95_us, p99_us, max_us, errors)"
                + " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (series_id, minute) DO UPDATE SET count = excluded.count,"
                + " ok_count = excluded.ok_count, p50_us = excluded.p50_us, p95_us = excluded.p95_us,"
                + " p99_us = excluded.p99_us, max_us = excluded.max_us, errors = excluded.errors");
        hour = c.prepareStatement("INSERT INTO service_hour (service_id, hour, count, ok_count, p50_sum_us, p95_sum_us, max_us)"
                + " VALUES (?,?,?,?,?,?,?) ON CONFLICT (service_id, hour) DO UPDATE SET count = count + excluded.count,"
                + " ok_count = ok_count + excluded.ok_count, p50_sum_us = p50_sum_us + excluded.p50_sum_us,"
                + " p95_sum_us = p95_sum_us + excluded.p95_sum_us, max_us = max(max_us, excluded.max_us)");
    }

    void write(long seriesId, Rollup r) throws SQLException {
        long p50 = micros(r.p50Ms());
        long p95 = micros(r.p95Ms());
        long oldCount = 0;
        long oldOk = 0;
        long oldP50Sum = 0;
        long oldP95Sum = 0;
        old.setLong(1, seriesId);
        old.setLong(2, r.minute());
        try (ResultSet rs = old.executeQuery()) {
            if (rs.next()) {
                oldCount = rs.getLong(1);
                oldOk = rs.getLong(2);
                oldP50Sum = rs.getLong(3) * oldCount;
                oldP95Sum = rs.getLong(4) * oldCount;
            }
        }
        upsert.setLong(1, seriesId);
        upsert.setLong(2, r.minute());
        upsert.setInt(3, r.count());
        upsert.setInt(4, r.okCount());
        upsert.setLong(5, p50);
        upsert.setLong(6, p95);
        upsert.setLong(7, micros(r.p99Ms()));
        upsert.setLong(8, micros(r.maxMs()));
        SqliteWriter.setText(upsert, 9, RowFormat.errors(r.errorCounts()));
        upsert.executeUpdate();
        // A replaced minute contributes only its difference, so the hour stays the sum of its minutes.
        long[] d = hourDeltas.computeIfAbsent(new ServiceHour(r.serviceId(), Math.floorDiv(r.minute(), HOUR_MS) * HOUR_MS),
                k -> new long[5]);
        d[0] += r.count() - oldCount;
        d[1] += r.okCount() - oldOk;
        d[2] += p50 * r.count() - oldP50Sum;
        d[3] += p95 * r.count() - oldP95Sum;
        d[4] = Math.max(d[4], micros(r.maxMs()));
    }

    /** Applies the summed changes to the hourly table: one statement per service and hour touched. */
    void flushHours() throws SQLException {
        for (Map.Entry<ServiceHour, long[]> e : hourDeltas.entrySet()) {
            long[] d = e.getValue();
            hour.setString(1, e.getKey().serviceId());
            hour.setLong(2, e.getKey().hour());
            for (int i = 0; i < 5; i++) {
                hour.setLong(3 + i, d[i]);
            }
            hour.addBatch();
        }
        hour.executeBatch();
        hourDeltas.clear();
    }

    private static long micros(double ms) {
        Long us = RowFormat.micros(ms);
        return us == null ? 0 : us;
    }

    @Override
    public void close() throws SQLException {
        old.close();
        upsert.close();
        hour.close();
    }

    private record ServiceHour(String serviceId, long hour) {
    }
}
