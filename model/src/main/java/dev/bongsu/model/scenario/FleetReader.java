package dev.bongsu.model.scenario;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.ConfigNode;
import dev.bongsu.model.config.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads fleets: a fleet file ({@code services:} or {@code generate:}), or the {@code fleet:} key of a scenario
 * ({@code default}, a list of services, {@code {services: …}} or {@code {generate: …}}).
 */
public final class FleetReader {
    /** The resource of the built-in fleet. */
    public static final String DEFAULT_FLEET = "scenarios/default-fleet.yaml";
    private static final Duration DEFAULT_LATENCY = Duration.ofMillis(20);
    private static final Duration MAX_LATENCY = Duration.ofSeconds(10);
    private static volatile Fleet defaultFleet;

    private FleetReader() {
    }

    /** The built-in fleet, read once. */
    static Fleet defaultFleet() {
        Fleet f = defaultFleet;
        if (f == null) {
            f = parse(DEFAULT_FLEET, resource(DEFAULT_FLEET));
            defaultFleet = f;
        }
        return f;
    }

    static Fleet load(Path file) {
        return parse(file.toString(), read(file));
    }

    static Fleet parse(String name, String yaml) {
        ConfigNode root = ConfigLoader.parseNode(name, yaml, Map.of());
        if (root.isMissing()) {
            throw new ConfigException(name, 1, "", "the file is empty; expected 'services' or 'generate'");
        }
        return mapping(root);
    }

    /** The fleet a scenario's {@code fleet:} key names; the default fleet when missing. */
    static Fleet fleet(ConfigNode n) {
        if (n.isMissing()) {
            return defaultFleet();
        }
        if (n.isScalar()) {
            n.choice("default");
            return defaultFleet();
        }
        return n.isMapping() ? mapping(n) : services(n);
    }

    private static Fleet mapping(ConfigNode n) {
        n.allowOnly("services", "generate");
        if (!n.get("generate").isMissing()) {
            if (!n.get("services").isMissing()) {
                throw n.get("services").problem("use either 'services' or 'generate', not both");
            }
            return FleetGenerator.generate(n.get("generate"));
        }
        return services(n.require("services"));
    }

    private static Fleet services(ConfigNode servicesNode) {
        List<ConfigNode> items = servicesNode.items();
        if (items.isEmpty()) {
            throw servicesNode.isList()
                    ? servicesNode.problem("expected a list of at least one service, found an empty list")
                    : servicesNode.error("'default' or a list of at least one service");
        }
        List<FleetService> services = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigNode item : items) {
            FleetService s = service(item);
            Integer first = seen.putIfAbsent(s.id(), item.line());
            if (first != null) {
                throw item.get("id").problem("duplicate service id '" + s.id() + "' (first at line " + first + ")");
            }
            services.add(s);
        }
        return new Fleet(services);
    }

    private static FleetService service(ConfigNode n) {
        n.allowOnly("id", "name", "provider", "category", "datacenter", "region", "dependsOn", "latency", "critical");
        String id = n.require("id").id();
        LocalizedText name = n.get("name").isMissing() ? new LocalizedText(id, id) : n.get("name").localizedText();
        List<String> dependsOn = n.get("dependsOn").oneOrMany().stream().map(ConfigNode::id).toList();
        return new FleetService(id, name, n.require("provider").id(),
                n.get("category").isMissing() ? "other" : n.get("category").id(),
                optionalId(n.get("datacenter")), optionalId(n.get("region")), dependsOn, latency(n.get("latency")),
                n.get("critical").boolOr(true));
    }

    private static String optionalId(ConfigNode n) {
        return n.isMissing() ? null : n.id();
    }

    private static Duration latency(ConfigNode n) {
        if (n.isMissing()) {
            return DEFAULT_LATENCY;
        }
        String t = n.text();
        if (t.equals("none")) {
            return Duration.ZERO;
        }
        Duration d = Durations.parse(t);
        if (d == null || d.compareTo(MAX_LATENCY) > 0) {
            throw n.error("a median latency from 0s to 10s such as 25ms, or none");
        }
        return d;
    }

    /** The text of a file; a missing or unreadable file is a located error. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, "", "file does not exist");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "", "cannot read file: " + e.getMessage());
        }
    }

    /** The text of a resource shipped in the jar. */
    static String resource(String path) {
        try (InputStream in = FleetReader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in resource " + path, e);
        }
    }
}
