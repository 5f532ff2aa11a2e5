package dev.bongsu.statuspage.reports;

import dev.bongsu.statuspage.api.Csv;
import dev.bongsu.statuspage.api.PublicJson;
import dev.bongsu.statuspage.render.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A report as the API answers it: JSON, and CSV made from that JSON so that the two always agree. */
public final class ReportDocument {
    private static final List<String> CSV_HEADER = List.of("key", "name_ko", "name_en", "services", "outage_minutes",
            "all_down_minutes", "degraded_minutes", "service_outage_minutes", "service_degraded_minutes", "partial_minutes",
            "observed_minutes", "no_data_minutes", "availability_pct", "incidents", "longest_outage_start", "longest_outage_end",
            "longest_outage_minutes", "longest_outage_ongoing", "worst_hour_start", "worst_hour_outage_minutes",
            "worst_hour_service_outage_minutes");

    private ReportDocument() {
    }

    /** The JSON answer; {@code complete} is false when the incident read hit its limit. */
    public static JsonObject json(ReportQuery q, OutageReport report, List<ReportRow> rows, Instant generatedAt, boolean complete) {
        JsonArray groups = new JsonArray();
        for (ReportRow r : rows) {
            groups.add(row(r));
        }
        return new JsonObject()
                .put("from", Times.iso(q.from()))
                .put("to", Times.iso(q.to()))
                .put("until", Times.iso(Instant.ofEpochMilli(report.until())))
                .put("by", q.by().wireName())
                .put("generatedAt", Times.iso(generatedAt))
                .put("complete", complete)
                .put("definitions", "docs/API.md#reports")
                .put("groups", groups);
    }

    private static JsonObject row(ReportRow r) {
        JsonObject o = new JsonObject()
                .put("key", r.key())
                .put("name", PublicJson.text(r.name()))
                .put("services", new JsonArray(r.services()))
                .put("outageMinutes", minutes(r.outageMs()))
                .put("allDownMinutes", minutes(r.allDownMs()))
                .put("degradedMinutes", minutes(r.degradedMs()))
                .put("serviceOutageMinutes", minutes(r.serviceOutageMs()))
                .put("serviceDegradedMinutes", minutes(r.serviceDegradedMs()))
                .put("partialMinutes", r.partialMinutes())
                .put("observedMinutes", r.observedMinutes())
                .put("noDataMinutes", r.noDataMinutes())
                .put("probes", r.probes())
                .put("availability", Double.isNaN(r.availabilityPercent()) ? null : Math.round(r.availabilityPercent() * 1000) / 1000.0)
                .put("incidents", r.incidents());
        Span l = r.longestOutage();
        o.put("longestOutage", l == null ? null : new JsonObject()
                .put("start", Times.iso(Instant.ofEpochMilli(l.start())))
                .put("end", Times.iso(Instant.ofEpochMilli(l.end())))
                .put("minutes", minutes(l.millis()))
                .put("ongoing", r.longestOngoing()));
        ReportRow.WorstHour h = r.worstHour();
        o.put("worstHour", h == null ? null : new JsonObject()
                .put("start", Times.iso(Instant.ofEpochMilli(h.start())))
                .put("end", Times.iso(Instant.ofEpochMilli(h.start() + Spans.HOUR_MS)))
                .put("outageMinutes", minutes(h.outageMs()))
                .put("serviceOutageMinutes", minutes(h.serviceOutageMs())));
        return o;
    }

    /** The JSON answer as CSV, one row per group. */
    public static String csv(JsonObject doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Object o : doc.getJsonArray("groups")) {
            JsonObject g = (JsonObject) o;
            JsonObject name = g.getJsonObject("name");
            JsonObject l = g.getJsonObject("longestOutage");
            JsonObject h = g.getJsonObject("worstHour");
            rows.add(java.util.Arrays.asList(g.getString("key"), name == null ? null : name.getString("ko"),
                    name == null ? null : name.getString("en"),
                    String.join(";", g.getJsonArray("services").stream().map(String::valueOf).toList()),
                    str(g, "outageMinutes"), str(g, "allDownMinutes"), str(g, "degradedMinutes"), str(g, "serviceOutageMinutes"),
                    str(g, "serviceDegradedMinutes"), str(g, "partialMinutes"), str(g, "observedMinutes"), str(g, "noDataMinutes"),
                    str(g, "availability"), str(g, "incidents"), l == null ? null : l.getString("start"),
                    l == null ? null : l.getString("end"), l == null ? null : str(l, "minutes"), l == null ? null : str(l, "ongoing"),
                    h == null ? null : h.getString("start"), h == null ? null : str(h, "outageMinutes"),
                    h == null ? null : str(h, "serviceOutageMinutes")));
        }
        return Csv.table(CSV_HEADER, rows);
    }

    /** Milliseconds as minutes with two decimals. */
    static double minutes(long ms) {
        return Math.round(ms / 600.0) / 100.0;
    }

    private static String str(JsonObject o, String key) {
        Object v = o.getValue(key);
        return v == null ? null : v.toString();
    }
}
