package dev.bongsu.simulator;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.ConfigNode;
import dev.bongsu.model.config.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a fleet file: {@code services:} with id, name, provider, category, datacenter, region, dependsOn, latency. */
final class FleetReader {
    private static final Duration DEFAULT_LATENCY = Duration.ofMillis(20);
    private static final Duration MAX_LATENCY = Duration.ofSeconds(10);

    private FleetReader() {
    }

    static Fleet load(Path file) {
        return parse(file.toString(), read(file));
    }

    static Fleet parse(String name, String yaml) {
        ConfigNode root = ConfigLoader.parseNode(name, yaml, Map.of());
        if (root.isMissing()) {
            throw new ConfigException(name, 1, "", "the file is empty; expected 'services'");
        }
        root.allowOnly("services");
        ConfigNode servicesNode = root.require("services");
        List<ConfigNode> items = servicesNode.items();
        if (items.isEmpty()) {
            throw servicesNode.isList()
                    ? servicesNode.problem("expected a list of at least one service, found an empty list")
                    : servicesNode.error("a list of at least one service");
        }
        List<SimulatedService> services = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigNode item : items) {
            SimulatedService s = service(item);
            Integer first = seen.putIfAbsent(s.id(), item.line());
            if (first != null) {
                throw item.get("id").problem("duplicate service id '" + s.id() + "' (first at line " + first + ")");
            }
            services.add(s);
        }
        return new Fleet(services);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, "", "file does not exist");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "", "cannot read file: " + e.getMessage());
        }
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

    private static SimulatedService service(ConfigNode n) {
        n.allowOnly("id", "name", "provider", "category", "datacenter", "region", "dependsOn", "latency");
        String id = n.require("id").id();
        LocalizedText name = n.require("name").localizedText();
        List<String> dependsOn = n.get("dependsOn").oneOrMany().stream().map(ConfigNode::id).toList();
        Duration latency = latency(n.get("latency"));
        return new SimulatedService(id, name,
                n.require("provider").id(),
                n.require("category").id(),
                n.require("datacenter").id(),
                n.get("region").isMissing() ? null : n.get("region").id(),
                dependsOn, latency);
    }
}
