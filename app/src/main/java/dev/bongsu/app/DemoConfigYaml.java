package dev.bongsu.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo's configuration as YAML, written by a YAML emitter so that every value the user passes (a webhook URL,
 * a data directory, an InfluxDB URL, an admin token) reads back exactly, whatever quotes, colons, {@code #} or line
 * breaks it holds. A value holding {@code ${} is refused: the config loader would read it as an environment reference.
 */
final class DemoConfigYaml {
    private DemoConfigYaml() {
    }

    /** The configuration for {@code o}, followed by the simulated fleet's {@code servicesYaml}. */
    static String of(DemoSystem.Options o, String servicesYaml) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("http", map("host", "127.0.0.1", "port", o.httpPort()));
        root.put("metrics", map("host", "127.0.0.1", "port", o.metricsPort()));
        if (o.adminToken() != null) {
            root.put("admin", map("token", literal("--admin-token", o.adminToken())));
        }
        List<Object> vantages = new ArrayList<>();
        for (String v : DemoSystem.VANTAGE_ORDER) {
            vantages.add(map("name", v, "region", DemoSystem.VANTAGES.get(v)));
        }
        root.put("vantages", vantages);
        Map<String, Object> storage = map("dir", literal("--data", o.dataDir().toString().replace("\\", "/")));
        if (o.influxUrl() != null) {
            storage.put("timeSeries", "influx");
            storage.put("influx", map("url", literal("--influx", o.influxUrl()), "database", "bongsu_demo"));
        }
        root.put("storage", storage);
        List<Object> receivers = new ArrayList<>(List.of(map("name", "log", "type", "log")));
        List<Object> names = new ArrayList<>(List.of("log"));
        for (int i = 0; i < o.webhooks().size(); i++) {
            String name = "webhook" + (i == 0 ? "" : "-" + (i + 1));
            receivers.add(map("name", name, "type", "webhook", "url", literal("--webhook", o.webhooks().get(i))));
            names.add(name);
        }
        root.put("alerting", map("receivers", receivers, "defaultReceivers", names));
        DumperOptions style = new DumperOptions();
        style.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        style.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        style.setSplitLines(false);
        return new Yaml(style).dump(root) + servicesYaml;
    }

    private static String literal(String option, String value) {
        if (value.contains("${")) {
            throw new UserException(option + ": the value may not contain '${' (the config would read it as an environment variable)",
                    Main.EXIT_CONFIG);
        }
        return value;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
