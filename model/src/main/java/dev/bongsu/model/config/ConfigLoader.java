package dev.bongsu.model.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML config file into a validated {@link BongsuConfig}; every problem is a {@link ConfigException}
 * naming the file, line and key.
 */
public final class ConfigLoader {
    private static final String[] ROOT_KEYS = {
        "http", "admin", "metrics", "vantages", "defaults", "services", "storage", "probes", "detector", "alerting", "statusPage",
        "cluster", "smtp", "reload", "watchdog"
    };
    private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    private final Map<String, String> env;

    /** A loader that resolves {@code ${NAME}} from the given environment. */
    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** A loader that resolves {@code ${NAME}} from the process environment. */
    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    /** Loads and validates a file. */
    public BongsuConfig load(Path file) {
        String name = file.toString();
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException(name, 0, "", "file is larger than 4 MiB; is it the right file?");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "", "file does not exist");
        } catch (IOException e) {
            throw new ConfigException(name, 0, "", "cannot read file: " + e.getMessage());
        }
        return parse(name, text);
    }

    /** Loads and validates YAML text; {@code name} is used in error messages. */
    public BongsuConfig parse(String name, String yaml) {
        ConfigNode root = ConfigNode.root(name, compose(name, new StringReader(yaml)), env);
        if (root.isMissing()) {
            throw new ConfigException(name, 1, "", "the file is empty; expected at least 'services'");
        }
        root.entries();
        root.allowOnly(ROOT_KEYS);

        List<VantageConfig> vantages = vantages(root.get("vantages"));
        DetectorConfig detector = DetectorSection.read(root.get("detector"));
        Set<String> vantageNames = new java.util.LinkedHashSet<>();
        vantages.forEach(v -> vantageNames.add(v.name()));
        List<ServiceConfig> services = new ServicesSection(root.get("defaults"), vantageNames).read(root.require("services"));
        BongsuConfig config = new BongsuConfig(
                HttpSection.read(root.get("http"), root.get("metrics")),
                HttpSection.admin(root.get("admin")),
                vantages,
                services,
                StorageSection.read(root.get("storage")),
                probes(root.get("probes")),
                detector,
                AlertingSection.read(root.get("alerting"), services, vantages),
                StatusPageSection.read(root.get("statusPage")),
                ClusterSection.read(root.get("cluster")),
                SmtpSection.read(root.get("smtp")),
                new OperationsConfig(ReloadSection.read(root.get("reload")), WatchdogSection.read(root.get("watchdog"))));
        SeriesBudget.enforce(config, root.get("metrics").get("maxSeries"));
        ReceiversSection.checkSmtp(root.get("alerting").get("receivers"), config.alerting().receivers(), config.smtp());
        return config;
    }

    /**
     * Parses any YAML document of Bongsu's (a scenario, a silence file) into a {@link ConfigNode}, so its
     * reader reports errors the same way as the main config.
     */
    public static ConfigNode parseNode(String name, String yaml, Map<String, String> env) {
        return ConfigNode.root(name, compose(name, new StringReader(yaml)), env);
    }

    private static Node compose(String name, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_FILE_BYTES);
        try {
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(name, line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(name, 0, "", "not valid YAML: " + e.getMessage());
        }
    }

    private static List<VantageConfig> vantages(ConfigNode n) {
        if (n.isMissing()) {
            return List.of(new VantageConfig("local", null));
        }
        List<VantageConfig> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode item : n.items()) {
            VantageConfig v = item.isScalar() ? new VantageConfig(item.id(), null) : vantage(item);
            if (!seen.add(v.name())) {
                throw item.problem("duplicate vantage name '" + v.name() + "'");
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw n.error("at least one vantage");
        }
        return out;
    }

    /**
     * One vantage written as a mapping: {@code name}, {@code region}, and what the status page shows of it
     * ({@code displayName}, {@code country} — by default the region's two-letter prefix —, {@code network},
     * {@code public}, false unless set).
     */
    private static VantageConfig vantage(ConfigNode item) {
        item.allowOnly("name", "region", "displayName", "country", "network", "public");
        String region = item.get("region").textOr(null);
        ConfigNode c = item.get("country");
        String country = VantageConfig.countryOf(region);
        if (!c.isMissing()) {
            String code = c.text();
            if (!code.matches("[A-Za-z]{2}")) {
                throw c.error("a two-letter ISO 3166 country code such as KR or JP");
            }
            country = code.toUpperCase(java.util.Locale.ROOT);
        }
        ConfigNode label = item.get("displayName");
        ConfigNode network = item.get("network");
        if (!network.isMissing() && !network.isScalar()) {
            throw network.error("a network name such as KT or \"AWS Tokyo\"");
        }
        // a scalar read as localized text is checked like every text shown to people
        return new VantageConfig(item.require("name").id(), region, label.isMissing() ? null : label.localizedText(), country,
                network.isMissing() ? null : network.localizedText().en(), item.get("public").boolOr(false));
    }

    private static ProbeSettings probes(ConfigNode n) {
        n.allowOnly("batchSize", "batchInterval", "maxInFlight");
        return new ProbeSettings(
                n.get("batchSize").integerOr(500, 1, 100_000),
                n.get("batchInterval").durationOr(Duration.ofMillis(200), Duration.ofMillis(1), Duration.ofSeconds(10)),
                n.get("maxInFlight").integerOr(4096, 1, 1_000_000));
    }
}
