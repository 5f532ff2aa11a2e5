package dev.bongsu.aggregator.store.sqlite;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.Timings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** The read queries of {@code results.db}, each on a connection borrowed from a small pool; blocking. */
final class SqliteReader {
    private static final long HOUR_MS = 3_600_000;

    private final Path file;
    private final BlockingQueue<Connection> pool;

    SqliteReader(Path file, List<Connection> connections) {
        this.file = file;
        this.pool = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    List<ProbeResult> results(String checkId, long from, long to, int limit) throws SQLException {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT s.check_id, s.service_id, s.vantage, r.t, r.ok, r.error,"
                    + " r.status, r.dns_us, r.connect_us, r.tls_us, r.first_byte_us, r.total_us, r.cert_days, r.detail"
                    + " FROM series s JOIN result r ON r.series_id = s.id"
                    + " WHERE s.check_id = ? AND r.t >= ? AND r.t < ? ORDER BY r.t, s.vantage LIMIT ?")) {
                s.setString(1, checkId);
                s.setLong(2, from);
                s.setLong(3, to);
                s.setInt(4, limit);
                List<ProbeResult> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(result(rs));
                    }
                }
                return out;
            }
        });
    }

    List<Rollup> serviceRollups(String serviceId, long from, long to) throws SQLException {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT s.check_id, s.service_id, s.vantage, r.minute, r.count,"
                    + " r.ok_count, r.p50_us, r.p95_us, r.p99_us, r.max_us, r.errors"
                    + " FROM series s JOIN rollup r ON r.series_id = s.id"
                    + " WHERE s.service_id = ? AND r.minute >= ? AND r.minute < ? ORDER BY r.minute, s.check_id, s.vantage")) {
                s.setString(1, serviceId);
                s.setLong(2, from);
                s.setLong(3, to);
                List<Rollup> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Rollup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                                rs.getInt(6), rs.getLong(7) / 1000.0, rs.getLong(8) / 1000.0, rs.getLong(9) / 1000.0,
                                rs.getLong(10) / 1000.0, RowFormat.errors(rs.getString(11))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Buckets of {@code step} from {@code from}: whole hours come from the hourly table when {@code from} and
     * {@code step} are whole hours (a 90-day daily view reads 2,160 rows instead of 129,600 per series), the rest
     * from the minute rollups.
     */
    List<ServiceBucket> serviceHistory(String serviceId, long from, long to, long step) throws SQLException {
        return withConnection(c -> {
            TreeMap<Long, Acc> buckets = new TreeMap<>();
            long minutesFrom = from;
            if (from % HOUR_MS == 0 && step % HOUR_MS == 0) {
                long hoursTo = Math.max(from, Math.floorDiv(to, HOUR_MS) * HOUR_MS);
                aggregate(c, "SELECT (hour - ?1) / ?2, sum(count), sum(ok_count), sum(p50_sum_us), sum(p95_sum_us), max(max_us)"
                        + " FROM service_hour WHERE service_id = ?3 AND hour >= ?4 AND hour < ?5 GROUP BY 1",
                        from, step, serviceId, from, hoursTo, buckets);
                minutesFrom = hoursTo;
            }
            if (minutesFrom < to) {
                aggregate(c, "SELECT (r.minute - ?1) / ?2, sum(r.count), sum(r.ok_count), sum(r.p50_us * r.count),"
                        + " sum(r.p95_us * r.count), max(r.max_us) FROM series s JOIN rollup r ON r.series_id = s.id"
                        + " WHERE s.service_id = ?3 AND r.minute >= ?4 AND r.minute < ?5 GROUP BY 1",
                        from, step, serviceId, minutesFrom, to, buckets);
            }
            List<ServiceBucket> out = new ArrayList<>();
            buckets.forEach((index, a) -> {
                if (a.count > 0) {
                    out.add(new ServiceBucket(from + index * step, a.count, a.ok,
                            a.p50Sum / 1000.0 / a.count, a.p95Sum / 1000.0 / a.count, a.maxUs / 1000.0));
                }
            });
            return out;
        });
    }

    void close() throws SQLException {
        for (Connection c : pool) {
            c.close();
        }
    }

    private static void aggregate(Connection c, String sql, long from, long step, String serviceId, long lo, long hi,
                                  TreeMap<Long, Acc> buckets) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, from);
            s.setLong(2, step);
            s.setString(3, serviceId);
            s.setLong(4, lo);
            s.setLong(5, hi);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Acc a = buckets.computeIfAbsent(rs.getLong(1), k -> new Acc());
                    a.count += rs.getLong(2);
                    a.ok += rs.getLong(3);
                    a.p50Sum += rs.getLong(4);
                    a.p95Sum += rs.getLong(5);
                    a.maxUs = Math.max(a.maxUs, rs.getLong(6));
                }
            }
        }
    }

    private static ProbeResult result(ResultSet rs) throws SQLException {
        boolean ok = rs.getInt(5) == 1;
        String error = rs.getString(6);
        Timings timings = new Timings(millis(rs, 8), millis(rs, 9), millis(rs, 10), millis(rs, 11), rs.getLong(12) / 1000.0);
        double certDays = rs.getDouble(13);
        Double cert = rs.wasNull() ? null : certDays;
        return new ProbeResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), ok,
                error == null ? null : ErrorClass.fromWire(error), rs.getInt(7), timings, cert, rs.getString(14));
    }

    private static double millis(ResultSet rs, int column) throws SQLException {
        long us = rs.getLong(column);
        return rs.wasNull() ? Timings.NOT_MEASURED : us / 1000.0;
    }

    private <T> T withConnection(Query<T> query) throws SQLException {
        Connection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(file + ": interrupted while waiting for a read connection", e);
        }
        try {
            return query.run(c);
        } catch (SQLException e) {
            throw new SQLException(file + ": read failed: " + e.getMessage(), e);
        } finally {
            pool.add(c);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    /** Sums of one bucket. */
    private static final class Acc {
        long count;
        long ok;
        long p50Sum;
        long p95Sum;
        long maxUs;
    }
}
