package dev.bongsu.aggregator.store.influx;

import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.ProbeResult;
import dev.bongsu.model.Rollup;
import dev.bongsu.model.Timings;
import dev.bongsu.model.config.ServiceConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How Bongsu's results and rollups are laid out in InfluxDB: measurement {@value #RESULTS} in retention policy
 * {@value #RAW_POLICY}, measurement {@value #ROLLUPS} in retention policy {@value #ROLLUP_POLICY}; tags are the
 * low-cardinality attributes, timestamps are milliseconds. docs/STORAGE.md describes every tag and field.
 */
public final class InfluxSchema {
    /** Measurement of raw probe results. */
    public static final String RESULTS = "probe";
    /** Measurement of 1-minute rollups. */
    public static final String ROLLUPS = "rollup";
    /** Measurement of incident transitions (Grafana annotations), in the rollup retention policy. */
    public static final String INCIDENTS = "incident";
    /** Retention policy of raw results (storage.rawRetention); the database's default policy. */
    public static final String RAW_POLICY = "raw";
    /** Retention policy of rollups (storage.rollupRetention). */
    public static final String ROLLUP_POLICY = "rollups";
    /** Outcome tag value of a passing probe. */
    public static final String SUCCESS = "success";
    /** Outcome tag value of a failing probe. */
    public static final String FAILURE = "failure";

    private final Map<String, ServiceConfig> services;

    /** A schema that tags points with the attributes of these services. */
    public InfluxSchema(List<ServiceConfig> services) {
        this.services = services.stream().collect(Collectors.toUnmodifiableMap(ServiceConfig::id, Function.identity(), (a, b) -> a));
    }

    /** One raw result as a line of line protocol, millisecond precision. */
    public String resultLine(ProbeResult r) {
        StringBuilder b = new StringBuilder(256);
        b.append(RESULTS);
        appendServiceTags(b, r.checkId(), r.serviceId(), r.vantage(), r.error() == null ? null : r.error().wireName(), r.ok() ? SUCCESS : FAILURE);
        b.append(' ');
        Timings t = r.timings();
        b.append("latency_ms=").append(t.totalMs());
        appendMeasured(b, "dns_ms", t.dnsMs());
        appendMeasured(b, "connect_ms", t.connectMs());
        appendMeasured(b, "tls_ms", t.tlsMs());
        appendMeasured(b, "first_byte_ms", t.firstByteMs());
        b.append(",status_code=").append(r.statusCode()).append('i');
        b.append(",up=").append(r.ok() ? 1 : 0).append('i');
        if (r.certDaysLeft() != null && Double.isFinite(r.certDaysLeft())) {
            b.append(",cert_days=").append(r.certDaysLeft().doubleValue());
        }
        b.append(' ').append(r.startedAt());
        return b.toString();
    }

    /** One minute rollup as a line of line protocol, millisecond precision. */
    public String rollupLine(Rollup r) {
        StringBuilder b = new StringBuilder(256);
        b.append(ROLLUPS);
        appendServiceTags(b, r.checkId(), r.serviceId(), r.vantage(), null, null);
        b.append(" count=").append(r.count()).append('i');
        b.append(",ok_count=").append(r.okCount()).append('i');
        b.append(",availability=").append(r.availability());
        appendFinite(b, "p50_ms", r.p50Ms());
        appendFinite(b, "p95_ms", r.p95Ms());
        appendFinite(b, "p99_ms", r.p99Ms());
        appendFinite(b, "max_ms", r.maxMs());
        // Weighted sums let InfluxQL compute count-weighted means over any bucket: sum(p50_weighted_ms) / sum(count).
        appendFinite(b, "p50_weighted_ms", r.p50Ms() * r.count());
        appendFinite(b, "p95_weighted_ms", r.p95Ms() * r.count());
        for (Map.Entry<String, Integer> e : new TreeMap<>(r.errorCounts()).entrySet()) {
            b.append(",errors_");
            LineProtocol.appendKey(b, e.getKey());
            b.append('=').append(e.getValue().intValue()).append('i');
        }
        b.append(' ').append(r.minute());
        return b.toString();
    }

    /** One incident transition as a line of line protocol, at the time of the transition, millisecond precision. */
    public String incidentLine(IncidentTransition t) {
        Incident i = t.incident();
        StringBuilder b = new StringBuilder(256);
        b.append(INCIDENTS);
        LineProtocol.appendTag(b, "id", i.id());
        LineProtocol.appendTag(b, "kind", i.kind().wireName());
        LineProtocol.appendTag(b, "severity", i.severity().wireName());
        LineProtocol.appendTag(b, "transition", t.type().wireName());
        b.append(" sequence=").append(i.sequence()).append('i');
        b.append(",open=").append(i.isOpen() ? 1 : 0).append('i');
        appendString(b, "title", i.title().en());
        appendString(b, "title_ko", i.title().ko());
        appendString(b, "services", String.join(",", i.services()));
        appendString(b, "vantages", String.join(",", i.vantages()));
        if (i.hypothesis() != null && i.hypothesis().text() != null) {
            appendString(b, "hypothesis", i.hypothesis().text().en());
        }
        Instant at = switch (t.type()) {
            case OPENED -> i.startedAt();
            case RESOLVED -> i.resolvedAt() == null ? i.updatedAt() : i.resolvedAt();
            case UPDATED -> i.updatedAt();
        };
        b.append(' ').append(at.toEpochMilli());
        return b.toString();
    }

    private static void appendString(StringBuilder b, String field, String value) {
        b.append(',').append(field).append("=\"");
        String v = value == null ? "" : value;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        b.append('"');
    }

    private void appendServiceTags(StringBuilder b, String checkId, String serviceId, String vantage, String errorClass, String outcome) {
        // In key order: InfluxDB sorts the tags of every point that does not arrive sorted.
        ServiceConfig s = services.get(serviceId);
        LineProtocol.appendTag(b, "category", s == null ? null : s.category());
        LineProtocol.appendTag(b, "check", checkId);
        LineProtocol.appendTag(b, "datacenter", s == null ? null : s.datacenter());
        LineProtocol.appendTag(b, "error_class", errorClass);
        LineProtocol.appendTag(b, "outcome", outcome);
        LineProtocol.appendTag(b, "provider", s == null ? null : s.provider());
        LineProtocol.appendTag(b, "region", s == null ? null : s.region());
        LineProtocol.appendTag(b, "service", serviceId);
        LineProtocol.appendTag(b, "vantage", vantage);
    }

    private static void appendMeasured(StringBuilder b, String field, double value) {
        if (value != Timings.NOT_MEASURED && value >= 0 && Double.isFinite(value)) {
            b.append(',').append(field).append('=').append(value);
        }
    }

    private static void appendFinite(StringBuilder b, String field, double value) {
        if (Double.isFinite(value)) {
            b.append(',').append(field).append('=').append(value);
        }
    }
}
