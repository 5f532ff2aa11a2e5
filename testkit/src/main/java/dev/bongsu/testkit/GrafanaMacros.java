package dev.bongsu.testkit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Fills in Grafana's template variables and macros the way Grafana does before it sends a query. */
public final class GrafanaMacros {
    private GrafanaMacros() {
    }

    /** An InfluxQL query with {@code $timeFilter}, {@code $__interval} and {@code $variable}s substituted. */
    public static String influx(String query, Map<String, List<String>> variables, List<String> singleValued, long fromMs, long toMs) {
        String q = query.replace("$timeFilter", "time >= " + fromMs + "ms and time <= " + toMs + "ms")
                .replace("$__interval_ms", "60000").replace("$__interval", "1m").replace("$interval", "1m");
        return substitute(q, variables, singleValued, "(", ")", GrafanaMacros::escapeInfluxRegex);
    }

    /** A PromQL query with {@code $variable}s substituted (multi values joined by {@code |}). */
    public static String prometheus(String query, Map<String, List<String>> variables, List<String> singleValued) {
        String q = query.replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "5m");
        return substitute(q, variables, singleValued, "", "", GrafanaMacros::escapePromRegex);
    }

    private interface Escape {
        String apply(String s);
    }

    private static String substitute(String q, Map<String, List<String>> variables, List<String> singleValued, String open, String close, Escape escape) {
        // Longest names first, so $service never eats the start of a $services variable.
        for (String name : variables.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            List<String> values = variables.get(name);
            if (values.isEmpty()) {
                throw new AssertionError("template variable $" + name + " has no values");
            }
            String value = singleValued.contains(name) ? escape.apply(values.get(0))
                    : open + values.stream().map(escape::apply).collect(Collectors.joining("|")) + close;
            q = q.replace("${" + name + "}", value).replace("$" + name, value);
        }
        if (q.matches("(?s).*\\$[a-zA-Z_].*")) {
            throw new AssertionError("unsubstituted variable or macro in: " + q);
        }
        return q;
    }

    private static String escapeInfluxRegex(String s) {
        return s.replaceAll("([\\\\/^$.|?*+()\\[\\]{}])", "\\\\$1");
    }

    private static String escapePromRegex(String s) {
        return s.replaceAll("([\\\\^$.|?*+()\\[\\]{}])", "\\\\\\\\$1");
    }
}
