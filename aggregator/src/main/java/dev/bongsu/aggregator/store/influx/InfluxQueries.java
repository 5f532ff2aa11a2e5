package dev.bongsu.aggregator.store.influx;

import dev.bongsu.model.ErrorClass;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.ServiceBucket;
import dev.bongsu.model.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.influxdb.dto.QueryResult;

/** The InfluxQL behind {@link dev.bongsu.model.HistoryReader}, and the mapping of its answers back to model records. */
final class InfluxQueries {
    private InfluxQueries() {
    }

    /** Raw results of one check in [from, to), oldest first. */
    static String results(String checkId, Instant from, Instant to, int limit) {
        return "SELECT * FROM " + measurement(InfluxSchema.RAW_POLICY, InfluxSchema.RESULTS)
                + " WHERE \"check\" = " + LineProtocol.quoteLiteral(checkId) + timeRange(from, to)
                + " ORDER BY time ASC LIMIT " + Math.max(0, limit);
    }

    /** Rollups of every check of one service in [from, to), oldest first. */
    static String serviceRollups(String serviceId, Instant from, Instant to) {
        return "SELECT * FROM " + measurement(InfluxSchema.ROLLUP_POLICY, InfluxSchema.ROLLUPS)
                + " WHERE \"service\" = " + LineProtocol.quoteLiteral(serviceId) + timeRange(from, to) + " ORDER BY time ASC";
    }

    /** Buckets of {@code step} aligned to {@code from}, merged over checks and vantages. */
    static String serviceHistory(String serviceId, Instant from, Instant to, Duration step) {
        long stepMs = Math.max(1, step.toMillis());
        long offsetMs = Math.floorMod(from.toEpochMilli(), stepMs);
        return "SELECT sum(\"count\") AS \"count\", sum(\"ok_count\") AS \"ok_count\", sum(\"p50_weighted_ms\") AS \"p50_weighted\","
                + " sum(\"p95_weighted_ms\") AS \"p95_weighted\", max(\"max_ms\") AS \"max_ms\" FROM "
                + measurement(InfluxSchema.ROLLUP_POLICY, InfluxSchema.ROLLUPS)
                + " WHERE \"service\" = " + LineProtocol.quoteLiteral(serviceId) + timeRange(from, to)
                + " GROUP BY time(" + stepMs + "ms, " + offsetMs + "ms) fill(none)";
    }

    private static String measurement(String policy, String name) {
        return LineProtocol.quoteIdentifier(policy) + "." + LineProtocol.quoteIdentifier(name);
    }

    private static String timeRange(Instant from, Instant to) {
        return " AND time >= " + from.toEpochMilli() + "ms AND time < " + to.toEpochMilli() + "ms";
    }

    /** The first error InfluxDB reported for a query, or {@code null}. */
    static String errorOf(QueryResult r) {
        if (r.getError() != null) {
            return r.getError();
        }
        if (r.getResults() != null) {
            for (QueryResult.Result x : r.getResults()) {
                if (x.getError() != null) {
                    return x.getError();
                }
            }
        }
        return null;
    }

    /** Rows of every series of a query answer, as column → value maps (times in epoch ms). */
    static List<Map<String, Object>> rows(QueryResult r) {
        String error = errorOf(r);
        if (error != null) {
            throw new IllegalStateException("InfluxDB query failed: " + error);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (QueryResult.Result result : r.getResults()) {
            if (result.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : result.getSeries()) {
                for (List<Object> values : s.getValues()) {
                    Map<String, Object> row = new HashMap<>();
                    if (s.getTags() != null) {
                        row.putAll(s.getTags());
                    }
                    for (int i = 0; i < s.getColumns().size(); i++) {
                        row.put(s.getColumns().get(i), values.get(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    static ProbeResult toResult(Map<String, Object> row) {
        boolean ok = number(row, "up", 0) == 1;
        String errorClass = (String) row.get("error_class");
        Timings timings = new Timings(number(row, "dns_ms", Timings.NOT_MEASURED), number(row, "connect_ms", Timings.NOT_MEASURED),
                number(row, "tls_ms", Timings.NOT_MEASURED), number(row, "first_byte_ms", Timings.NOT_MEASURED),
                number(row, "latency_ms", 0));
        Object cert = row.get("cert_days");
        return new ProbeResult((String) row.get("check"), (String) row.get("service"), (String) row.get("vantage"),
                time(row), ok, ok ? null : ErrorClass.fromWire(errorClass == null ? "internal" : errorClass),
                (int) number(row, "status_code", 0), timings, cert == null ? null : ((Number) cert).doubleValue(), null);
    }

    static Rollup toRollup(Map<String, Object> row) {
        Map<String, Integer> errors = new HashMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().startsWith("errors_") && e.getValue() != null) {
                errors.put(e.getKey().substring("errors_".length()), ((Number) e.getValue()).intValue());
            }
        }
        return new Rollup((String) row.get("check"), (String) row.get("service"), (String) row.get("vantage"), time(row),
                (int) number(row, "count", 0), (int) number(row, "ok_count", 0), number(row, "p50_ms", Double.NaN),
                number(row, "p95_ms", Double.NaN), number(row, "p99_ms", Double.NaN), number(row, "max_ms", Double.NaN), errors);
    }

    static ServiceBucket toBucket(Map<String, Object> row) {
        long count = (long) number(row, "count", 0);
        double p50 = count == 0 ? Double.NaN : number(row, "p50_weighted", Double.NaN) / count;
        double p95 = count == 0 ? Double.NaN : number(row, "p95_weighted", Double.NaN) / count;
        return new ServiceBucket(time(row), count, (long) number(row, "ok_count", 0), p50, p95, number(row, "max_ms", Double.NaN));
    }

    private static long time(Map<String, Object> row) {
        return ((Number) row.get("time")).longValue();
    }

    private static double number(Map<String, Object> row, String column, double missing) {
        Object v = row.get(column);
        return v instanceof Number n ? n.doubleValue() : missing;
    }
}
