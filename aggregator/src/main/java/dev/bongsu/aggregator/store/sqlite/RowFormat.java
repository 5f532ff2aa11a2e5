package dev.bongsu.aggregator.store.sqlite;

import java.util.LinkedHashMap;
import java.util.Map;

/** How values are squeezed into columns: milliseconds as integer microseconds, error counts as short text. */
final class RowFormat {
    private RowFormat() {
    }

    /** Milliseconds to integer microseconds; {@code null} for a phase that was not measured. */
    static Long micros(double ms) {
        return ms < 0 || Double.isNaN(ms) ? null : Math.round(ms * 1000);
    }

    /** {@code {http_5xx=3, dns=1}} as {@code http_5xx=3,dns=1}; {@code null} when empty. */
    static String errors(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    /** The inverse of {@link #errors(Map)}. */
    static Map<String, Integer> errors(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                counts.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
            }
        }
        return counts;
    }
}
