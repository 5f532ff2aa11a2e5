package dev.bongsu.statuspage.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** RFC 4180 CSV of the same documents the JSON API serves, so the two always agree. */
public final class Csv {
    private Csv() {
    }

    /** {@code /api/v1/status} and {@code /api/v1/services} as CSV. */
    public static String services(JsonObject doc) {
        StringBuilder b = new StringBuilder("id,name_ko,name_en,provider,category,state,since\r\n");
        for (Object o : doc.getJsonArray("services")) {
            JsonObject s = (JsonObject) o;
            row(b, s.getString("id"), s.getJsonObject("name").getString("ko"), s.getJsonObject("name").getString("en"),
                    s.getString("provider"), s.getString("category"), s.getString("state"), s.getString("since"));
        }
        return b.toString();
    }

    /** {@code {"incidents":[…]}} as CSV, one row per incident. */
    public static String incidents(JsonObject doc) {
        StringBuilder b = new StringBuilder("id,kind,state,severity,started_at,resolved_at,services,vantages,"
                + "hypothesis_attribute,hypothesis_value,title_ko,title_en\r\n");
        for (Object o : doc.getJsonArray("incidents")) {
            JsonObject i = (JsonObject) o;
            JsonObject h = i.getJsonObject("hypothesis");
            row(b, i.getString("id"), i.getString("kind"), i.getString("state"), i.getString("severity"),
                    i.getString("startedAt"), i.getString("resolvedAt"), join(i.getJsonArray("services")),
                    join(i.getJsonArray("vantages")), h == null ? null : h.getString("attribute"),
                    h == null ? null : h.getString("value"), i.getJsonObject("title").getString("ko"),
                    i.getJsonObject("title").getString("en"));
        }
        return b.toString();
    }

    /** A history document as CSV, one row per bucket. */
    public static String history(JsonObject doc) {
        StringBuilder b = new StringBuilder("start,count,ok_count,availability,p50_ms,p95_ms,max_ms\r\n");
        for (Object o : doc.getJsonArray("buckets")) {
            JsonObject x = (JsonObject) o;
            row(b, x.getString("start"), str(x.getValue("count")), str(x.getValue("okCount")), str(x.getValue("availability")),
                    str(x.getValue("p50Ms")), str(x.getValue("p95Ms")), str(x.getValue("maxMs")));
        }
        return b.toString();
    }

    private static String join(JsonArray a) {
        return String.join(";", a.stream().map(String::valueOf).toList());
    }

    private static String str(Object v) {
        return v == null ? null : v.toString();
    }

    private static void row(StringBuilder b, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells[i]));
        }
        b.append("\r\n");
    }

    /** One cell, quoted when needed; a leading formula character is neutralised for spreadsheets. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("[-+]?[0-9].*")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

}
