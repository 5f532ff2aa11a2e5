package dev.bongsu.simulator;

import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.ConfigNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads scenario files (errors as {@code file:line: key: expected …, found …}) and provides the built-in
 * scenarios, which are scenario files shipped in the jar.
 */
public final class Scenarios {
    private static final List<String> BUILT_IN = List.of("dc-fire", "dc-outage", "login-failure", "brownout", "flap",
            "single-outage", "dc-fire-timeout", "staggered-recovery", "blip");
    private static final String RESOURCES = "/dev/bongsu/simulator/scenarios/";
    private static final Duration MAX_OFFSET = Duration.ofDays(7);

    private Scenarios() {
    }

    /** The names of the built-in scenarios. */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /** A built-in scenario, checked against the default fleet. */
    public static Scenario builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("no built-in scenario '" + name + "'; built in: " + String.join(", ", BUILT_IN));
        }
        return builtIn(name, Fleet.defaultFleet());
    }

    private static Scenario builtIn(String name, Fleet fleet) {
        String resource = RESOURCES + name + ".yaml";
        try (InputStream in = Scenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario missing from the jar: " + resource);
            }
            return parse(name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8), fleet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A built-in scenario when {@code nameOrFile} names one, else the scenario file at that path; its targets
     * are checked against {@code fleet}.
     */
    public static Scenario resolve(String nameOrFile, Fleet fleet) {
        if (BUILT_IN.contains(nameOrFile)) {
            return builtIn(nameOrFile, fleet);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.exists(file)) {
            throw new ConfigException(nameOrFile, 0, "", "no such scenario file, and not a built-in scenario ("
                    + String.join(", ", BUILT_IN) + ")");
        }
        return load(file, fleet);
    }

    /** Reads a scenario file; its targets are checked against {@code fleet} when one is given. */
    public static Scenario load(Path file, Fleet fleet) {
        return parse(file.toString(), FleetReader.read(file), fleet);
    }

    /**
     * Reads scenario YAML; {@code file} is used in error messages and, without a {@code name} key, as the
     * scenario's name; targets are checked against {@code fleet} unless it is {@code null}.
     */
    public static Scenario parse(String file, String yaml, Fleet fleet) {
        ConfigNode root = ConfigLoader.parseNode(file, yaml, Map.of());
        if (root.isMissing()) {
            throw new ConfigException(file, 1, "", "the file is empty; expected 'steps'");
        }
        root.allowOnly("name", "description", "steps");
        String name = root.get("name").isMissing() ? defaultName(file) : root.get("name").id();
        String description = root.get("description").textOr("").strip();
        ConfigNode stepsNode = root.require("steps");
        List<ConfigNode> items = stepsNode.items();
        if (items.isEmpty()) {
            throw stepsNode.isList()
                    ? stepsNode.problem("expected a list of at least one step, found an empty list")
                    : stepsNode.error("a list of at least one step");
        }
        List<ScenarioStep> steps = new ArrayList<>();
        for (ConfigNode item : items) {
            steps.add(step(item, fleet));
        }
        return new Scenario(name, description, steps);
    }

    private static String defaultName(String file) {
        String base = Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        return stem.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    private static ScenarioStep step(ConfigNode n, Fleet fleet) {
        ConfigNode faultNode = n.require("fault");
        String keyword = faultNode.choice("refuse", "hang", "error", "slow", "flap");
        List<String> keys = new ArrayList<>(List.of("at", "for", "target", "fault"));
        keys.addAll(switch (keyword) {
            case "error" -> List.of("status");
            case "slow" -> List.of("delay");
            case "flap" -> List.of("period", "down", "status");
            default -> List.of();
        });
        n.allowOnly(keys.toArray(String[]::new));
        Duration at = n.require("at").duration(Duration.ZERO, MAX_OFFSET);
        ConfigNode forNode = n.get("for");
        Duration duration = forNode.isMissing() ? null : forNode.duration(Duration.ofMillis(1), MAX_OFFSET);
        Fault fault = switch (keyword) {
            case "refuse" -> Fault.REFUSE;
            case "hang" -> Fault.HANG;
            case "error" -> new Fault.ServerError(n.get("status").integerOr(503, 500, 599));
            case "slow" -> new Fault.Slow(n.require("delay").duration(Duration.ofMillis(1), Duration.ofMinutes(10)));
            default -> flap(n);
        };
        return new ScenarioStep(at, duration, target(n.require("target"), fleet), fault);
    }

    private static Fault flap(ConfigNode n) {
        Duration period = n.require("period").duration(Duration.ofMillis(10), Duration.ofHours(1));
        ConfigNode downNode = n.get("down");
        Fault down = switch (downNode.choiceOr("error", "refuse", "hang", "error")) {
            case "refuse" -> Fault.REFUSE;
            case "hang" -> Fault.HANG;
            default -> new Fault.ServerError(n.get("status").integerOr(503, 500, 599));
        };
        if (!(down instanceof Fault.ServerError) && !n.get("status").isMissing()) {
            throw n.get("status").problem("a status only applies when the flap is down with 'error', not '"
                    + downNode.text() + "'");
        }
        return new Fault.Flap(period, down);
    }

    private static FaultTarget target(ConfigNode n, Fleet fleet) {
        if (!n.isMapping()) {
            throw n.error("a mapping with 'services', or with provider, datacenter, region and/or dependsOn");
        }
        n.allowOnly("services", "provider", "datacenter", "region", "dependsOn");
        ConfigNode servicesNode = n.get("services");
        String provider = optionalId(n.get("provider"));
        String datacenter = optionalId(n.get("datacenter"));
        String region = optionalId(n.get("region"));
        String dependsOn = optionalId(n.get("dependsOn"));
        boolean attributes = provider != null || datacenter != null || region != null || dependsOn != null;
        FaultTarget target;
        if (!servicesNode.isMissing()) {
            if (attributes) {
                throw servicesNode.problem("use either 'services' or provider/datacenter/region/dependsOn, not both");
            }
            List<ConfigNode> items = servicesNode.isScalar() ? List.of(servicesNode) : servicesNode.items();
            if (items.isEmpty()) {
                throw servicesNode.problem("expected at least one service id, found an empty list");
            }
            List<String> ids = new ArrayList<>();
            for (ConfigNode item : items) {
                String id = item.id();
                if (fleet != null && fleet.service(id).isEmpty()) {
                    throw item.problem("unknown service '" + id + "'; the fleet has " + String.join(", ", fleet.ids()));
                }
                ids.add(id);
            }
            target = new FaultTarget(ids, null, null, null, null);
        } else if (attributes) {
            target = new FaultTarget(List.of(), provider, datacenter, region, dependsOn);
            if (fleet != null && fleet.select(target).isEmpty()) {
                throw n.problem("'" + target.describe() + "' matches no service of the fleet (providers: "
                        + String.join(", ", fleet.providers()) + "; datacenters: " + String.join(", ", fleet.datacenters()) + ")");
            }
        } else {
            throw n.problem("expected 'services', or at least one of provider, datacenter, region, dependsOn");
        }
        return target;
    }

    private static String optionalId(ConfigNode n) {
        return n.isMissing() ? null : n.id();
    }
}

