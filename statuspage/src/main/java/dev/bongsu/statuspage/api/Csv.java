package dev.bongsu.statuspage.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (written by Apache Commons CSV) of the same documents the JSON API serves, so the two always agree.
 * Every cell that a spreadsheet could read as a formula is neutralised (see {@link #neutralised}).
 */
public final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** {@code /api/v1/status} and {@code /api/v1/services} as CSV. */
    public static String services(JsonObject doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Object o : doc.getJsonArray("services")) {
            JsonObject s = (JsonObject) o;
            rows.add(cells(s.getString("id"), s.getJsonObject("name").getString("ko"), s.getJsonObject("name").getString("en"),
                    s.getString("provider"), s.getString("category"), s.getString("state"), s.getString("since")));
        }
        return write(List.of("id", "name_ko", "name_en", "provider", "category", "state", "since"), rows);
    }

    /** {@code {"incidents":[…]}} as CSV, one row per incident. */
    public static String incidents(JsonObject doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Object o : doc.getJsonArray("incidents")) {
            JsonObject i = (JsonObject) o;
            JsonObject h = i.getJsonObject("hypothesis");
            rows.add(cells(i.getString("id"), i.getString("kind"), i.getString("state"), i.getString("severity"),
                    i.getString("startedAt"), i.getString("resolvedAt"), join(i.getJsonArray("services")),
                    join(i.getJsonArray("vantages")), h == null ? null : h.getString("attribute"),
                    h == null ? null : h.getString("value"), i.getJsonObject("title").getString("ko"),
                    i.getJsonObject("title").getString("en")));
        }
        return write(List.of("id", "kind", "state", "severity", "started_at", "resolved_at", "services", "vantages",
                "hypothesis_attribute", "hypothesis_value", "title_ko", "title_en"), rows);
    }

    /** One incident's document ({@link PublicJson#incidentRecord}) as CSV: its timeline, one row per step. */
    public static String timeline(JsonObject doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Object o : doc.getJsonArray("timeline")) {
            JsonObject x = (JsonObject) o;
            rows.add(cells(doc.getString("id"), x.getString("at"), x.getString("type"), join(x.getJsonArray("services")),
                    x.getString("status"), x.getJsonObject("text").getString("ko"), x.getJsonObject("text").getString("en")));
        }
        return write(List.of("incident_id", "at", "type", "services", "update_status", "text_ko", "text_en"), rows);
    }

    /** A history document as CSV, one row per bucket. */
    public static String history(JsonObject doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Object o : doc.getJsonArray("buckets")) {
            JsonObject x = (JsonObject) o;
            rows.add(cells(x.getString("start"), str(x.getValue("count")), str(x.getValue("okCount")), str(x.getValue("availability")),
                    str(x.getValue("p50Ms")), str(x.getValue("p95Ms")), str(x.getValue("maxMs"))));
        }
        return write(List.of("start", "count", "ok_count", "availability", "p50_ms", "p95_ms", "max_ms"), rows);
    }

    /** A table as CSV: the header, then the rows, every cell {@link #neutralised}; {@code null} is an empty cell. */
    public static String table(List<String> header, List<List<String>> rows) {
        List<List<String>> safe = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            safe.add(cells(r.toArray(String[]::new)));
        }
        return write(header, safe);
    }

    /**
     * A cell a spreadsheet will not run: one starting with {@code = + - @}, TAB or CR (the OWASP list of formula
     * starts; a spreadsheet skips a leading TAB or CR and reads what follows) gets a {@code '} in front, so it reads
     * as text. {@code null} stays {@code null} (an empty cell).
     */
    static String neutralised(String v) {
        return v != null && !v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    private static List<String> cells(String... values) {
        List<String> out = new ArrayList<>(values.length);
        for (String v : values) {
            out.add(neutralised(v));
        }
        return out;
    }

    private static String write(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(128 + rows.size() * 96);
        try (CSVPrinter p = new CSVPrinter(b, FORMAT)) {
            p.printRecord(header);
            p.printRecords(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    private static String join(JsonArray a) {
        return String.join(";", a.stream().map(String::valueOf).toList());
    }

    private static String str(Object v) {
        return v == null ? null : v.toString();
    }
}
