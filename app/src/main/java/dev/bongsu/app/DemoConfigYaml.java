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
    /** What the status page's outage map shows of each demo vantage (all public): Korean name, English name, network. */
    private static final Map<String, String[]> SHOWN = Map.of(
            "seoul-kt", new String[] {"KT 서울", "KT Seoul", "KT"},
            "busan-skb", new String[] {"SKB 부산", "SKB Busan", "SKB"},
            "tokyo-aws", new String[] {"도쿄 (AWS)", "Tokyo (AWS)", "AWS Tokyo"});

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
            String[] shown = SHOWN.get(v);
            vantages.add(map("name", v, "region", DemoSystem.VANTAGES.get(v), "displayName", map("ko", shown[0], "en", shown[1]),
                    "network", shown[2], "public", true));
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
        // display names of the demo fleet's providers in incident titles: "카카오 서비스 4개 동시 장애" / "4 Kakao services down"
        root.put("statusPage", map("valueNames", map("provider", map("kakao", map("ko", "카카오", "en", "Kakao"),
                "naver", map("ko", "네이버", "en", "Naver")))));
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
