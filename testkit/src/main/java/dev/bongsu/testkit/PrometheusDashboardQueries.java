package dev.bongsu.testkit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the queries of a dashboard over a Prometheus data source the way Grafana does: each template variable's
 * {@code label_values(selector, label)} in order (a later one may use an earlier one), every value selected, then a
 * panel's query with the variables and Grafana's macros filled in.
 */
public final class PrometheusDashboardQueries {
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

    private final PrometheusProcess prometheus;

    /** Queries go to {@code prometheus}. */
    public PrometheusDashboardQueries(PrometheusProcess prometheus) {
        this.prometheus = prometheus;
    }

    /**
     * The values of each template variable of {@code dashboard}, found as Grafana finds them, each list sorted; fails
     * if a variable is not {@code label_values(selector, label)}.
     */
    public Map<String, List<String>> variableValues(GrafanaDashboard dashboard) throws IOException, InterruptedException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (JsonObject v : dashboard.variables()) {
            Matcher m = LABEL_VALUES.matcher(v.getString("query", ""));
            if (!m.matches()) {
                throw new AssertionError(dashboard.name() + " variable " + v.getString("name") + ": expected label_values(selector, label), found "
                        + v.getString("query"));
            }
            String label = m.group(2);
            JsonArray rows = prometheus.result(promql(v.getString("query"), values, dashboard.singleValued()));
            values.put(v.getString("name"), rows.stream().map(r -> ((JsonObject) r).getJsonObject("metric").getString(label)).sorted().toList());
        }
        return values;
    }

    /**
     * The PromQL Grafana sends for {@code text}: variables and macros filled in; a {@code label_values(selector, label)}
     * becomes {@code group by (label) (selector)}, which returns one series per value.
     */
    public static String promql(String text, Map<String, List<String>> variables, List<String> singleValued) {
        Matcher labelValues = LABEL_VALUES.matcher(text);
        return labelValues.matches()
                ? "group by (" + labelValues.group(2) + ") (" + GrafanaMacros.prometheus(labelValues.group(1), variables, singleValued) + ")"
                : GrafanaMacros.prometheus(text, variables, singleValued);
    }

    /** Runs {@code text}, a query of {@code dashboard}, with every value of every variable selected; returns the series. */
    public JsonArray run(GrafanaDashboard dashboard, String text) throws IOException, InterruptedException {
        return prometheus.result(promql(text, variableValues(dashboard), dashboard.singleValued()));
    }

    /** The values of {@code label} in the series of {@code result}, in order. */
    public static List<String> labelValues(JsonArray result, String label) {
        return result.stream().map(r -> ((JsonObject) r).getJsonObject("metric").getString(label)).toList();
    }
}
