package dev.bongsu.aggregator.store.influx;

/** Escaping for InfluxDB line protocol and InfluxQL literals. */
final class LineProtocol {
    private LineProtocol() {
    }

    /** Escapes a measurement name, tag key, tag value or field key: commas, spaces and equals signs. */
    static void appendKey(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || c == '=') {
                out.append('\\');
            }
            // A newline would end the point; tags never need one.
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
    }

    /** Appends {@code ,key=value} for a tag, nothing when the value is null or empty (Influx rejects empty tags). */
    static void appendTag(StringBuilder out, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        out.append(',');
        appendKey(out, key);
        out.append('=');
        appendKey(out, value);
    }

    /** Quotes a string literal for InfluxQL. */
    static String quoteLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Quotes an identifier for InfluxQL. */
    static String quoteIdentifier(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
