package dev.bongsu.testkit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One Grafana dashboard file and the queries Grafana would send for it: template variables, annotations, panel targets. */
public final class GrafanaDashboard {
    private final String name;
    private final JsonObject json;

    private GrafanaDashboard(String name, JsonObject json) {
        this.name = name;
        this.json = json;
    }

    /** One query of a dashboard: the file, where in it ({@code panel 'Title' A}, {@code variable service}), the data source uid, the text. */
    public record Query(String dashboard, String where, String datasource, String text) {
        @Override
        public String toString() {
            return dashboard + " / " + where;
        }
    }

    /** The dashboards ({@code *.json}) in {@code dir}, sorted by file name. */
    public static List<GrafanaDashboard> in(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().map(GrafanaDashboard::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list dashboards in " + dir, e);
        }
    }

    /** The dashboard in {@code file}. */
    public static GrafanaDashboard read(Path file) {
        try {
            return new GrafanaDashboard(file.getFileName().toString(), new JsonObject(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard " + file, e);
        }
    }

    /** The repository's {@code grafana/dashboards/<sub>} folder, seen from a module's directory (Maven runs tests there). */
    public static Path folder(String sub) {
        return Path.of(System.getProperty("user.dir")).getParent().resolve("grafana/dashboards").resolve(sub);
    }

    /** The file name, e.g. {@code services.json}. */
    public String name() {
        return name;
    }

    /** The dashboard's JSON. */
    public JsonObject json() {
        return json;
    }

    /** The template variables, in order. */
    public List<JsonObject> variables() {
        return objects(json.getJsonObject("templating", new JsonObject()).getJsonArray("list", new JsonArray()));
    }

    /** The names of the template variables that take one value only (not {@code multi}). */
    public List<String> singleValued() {
        return variables().stream().filter(v -> !v.getBoolean("multi", false)).map(v -> v.getString("name")).toList();
    }

    /** The panels, in order. */
    public List<JsonObject> panels() {
        return objects(json.getJsonArray("panels", new JsonArray()));
    }

    /** The text of the first query of the panel titled {@code title}; fails if there is no such panel. */
    public String panelQuery(String title) {
        JsonObject panel = panels().stream().filter(p -> title.equals(p.getString("title"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no panel titled '" + title + "'"));
        return text(panel.getJsonArray("targets").getJsonObject(0));
    }

    /** Every query: template variables, annotations with a query, then each target of each panel. */
    public List<Query> queries() {
        List<Query> out = new ArrayList<>();
        for (JsonObject v : variables()) {
            out.add(new Query(name, "variable " + v.getString("name"), datasource(v), v.getString("query")));
        }
        for (JsonObject a : objects(json.getJsonObject("annotations", new JsonObject()).getJsonArray("list", new JsonArray()))) {
            if (a.getString("query") != null) {
                out.add(new Query(name, "annotation " + a.getString("name"), datasource(a), a.getString("query")));
            }
        }
        for (JsonObject p : panels()) {
            for (JsonObject target : objects(p.getJsonArray("targets", new JsonArray()))) {
                out.add(new Query(name, "panel '" + p.getString("title") + "' " + target.getString("refId"),
                        datasource(target.containsKey("datasource") ? target : p), text(target)));
            }
        }
        return out;
    }

    /** A target's query text: {@code expr} for Prometheus, {@code query} for InfluxQL. */
    private static String text(JsonObject target) {
        return target.containsKey("expr") ? target.getString("expr") : target.getString("query");
    }

    private String datasource(JsonObject withDatasource) {
        JsonObject ds = withDatasource.getJsonObject("datasource");
        return ds == null ? null : ds.getString("uid");
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().map(JsonObject.class::cast).toList();
    }
}
