package dev.bongsu.detector.evaluate;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.CheckConfig;
import dev.bongsu.model.config.ConfigException;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.ConfigNode;
import dev.bongsu.model.config.DetectorConfig;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.ServiceConfig;
import dev.bongsu.model.config.StatusSet;
import dev.bongsu.model.config.Thresholds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files (YAML, see docs/DETECTION.md); every problem is a {@link ConfigException} naming the file,
 * line and key. {@code fleet: default} is the built-in fleet of {@code scenarios/default-fleet.yaml}.
 */
public final class ScenarioReader {
    /** Resource folder of the built-in scenarios. */
    public static final String RESOURCES = "scenarios/";
    private static final List<String> DEFAULT_VANTAGES = List.of("seoul-kt", "busan-skb", "daejeon-lgu");

    /** Reads a scenario file. */
    public Scenario read(Path file) {
        String name = file.toString();
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "", "file does not exist");
        } catch (IOException e) {
            throw new ConfigException(name, 0, "", "cannot read file: " + e.getMessage());
        }
    }

    /** Reads every built-in scenario, in the order of {@code scenarios/index.txt}. */
    public List<Scenario> builtIn() {
        List<Scenario> out = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                out.add(parse(RESOURCES + file, resource(file)));
            }
        }
        return out;
    }

    /** Parses scenario YAML; {@code name} is used in error messages. */
    public Scenario parse(String name, String yaml) {
        ConfigNode root = ConfigLoader.parseNode(name, yaml, Map.of());
        if (root.isMissing()) {
            throw new ConfigException(name, 1, "", "the file is empty; expected a scenario with at least 'name', 'duration' and 'expect'");
        }
        root.allowOnly("name", "description", "interval", "timeout", "duration", "batchInterval", "vantages", "fleet",
                "faults", "expect");
        Duration interval = root.get("interval").durationOr(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofHours(1));
        ConfigNode timeoutNode = root.get("timeout");
        Duration timeout = timeoutNode.durationOr(Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMinutes(5));
        if (timeout.compareTo(interval) > 0) {
            throw timeoutNode.error("a timeout no longer than the interval");
        }
        Duration duration = root.require("duration").duration(Duration.ofSeconds(10), Duration.ofDays(2));
        List<String> vantages = root.get("vantages").isMissing() ? DEFAULT_VANTAGES : ids(root.get("vantages"));
        if (vantages.isEmpty()) {
            throw root.get("vantages").error("a list of at least one vantage");
        }
        ConfigNode fleetNode = root.require("fleet");
        List<ServiceConfig> fleet;
        if (fleetNode.isScalar()) {
            fleetNode.choice("default");
            ConfigNode def = ConfigLoader.parseNode(RESOURCES + "default-fleet.yaml", resource("default-fleet.yaml"), Map.of());
            def.allowOnly("services");
            fleet = fleet(def.require("services"), interval, timeout);
        } else {
            fleet = fleet(fleetNode, interval, timeout);
        }
        Set<String> serviceIds = new LinkedHashSet<>();
        fleet.forEach(s -> serviceIds.add(s.id()));
        List<ScenarioFault> faults = new ArrayList<>();
        for (ConfigNode f : root.get("faults").items()) {
            faults.add(fault(f, serviceIds, vantages, duration));
        }
        ConfigNode expectNode = root.require("expect");
        List<ExpectedIncident> expected = new ArrayList<>();
        if (expectNode.isScalar()) {
            expectNode.choice("none");
        } else {
            for (ConfigNode e : expectNode.items()) {
                expected.add(expected(e, serviceIds, vantages));
            }
            if (expected.isEmpty()) {
                throw expectNode.error("'none' or a list of expected incidents");
            }
        }
        return new Scenario(root.require("name").id(), root.get("description").textOr(""), name, interval, timeout,
                duration, root.get("batchInterval").durationOr(Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(10)),
                vantages, fleet, faults, expected, DetectorConfig.defaults());
    }

    private static List<String> ids(ConfigNode n) {
        List<String> out = new ArrayList<>();
        List<ConfigNode> items = n.isScalar() ? List.of(n) : n.items();
        for (ConfigNode i : items) {
            out.add(i.id());
        }
        return out;
    }

    private static List<ServiceConfig> fleet(ConfigNode n, Duration interval, Duration timeout) {
        List<ConfigNode> items = n.items();
        if (items.isEmpty()) {
            throw n.error("'default' or a list of at least one service");
        }
        List<ServiceConfig> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode s : items) {
            s.allowOnly("id", "name", "provider", "category", "datacenter", "region", "dependsOn", "critical");
            String id = s.require("id").id();
            if (!seen.add(id)) {
                throw s.get("id").problem("duplicate service id '" + id + "'");
            }
            String display = s.get("name").textOr(id);
            CheckConfig check = new CheckConfig(id + ".http", "http", id, CheckType.HTTP, interval, timeout,
                    s.get("critical").boolOr(true),
                    new HttpTarget(URI.create("http://" + id + ".invalid/health"), "GET", Map.of(), null,
                            StatusSet.SUCCESS, null, null, true, 5, 65536, true),
                    Thresholds.DEFAULTS, Map.of());
            out.add(new ServiceConfig(id, new LocalizedText(display, display), s.require("provider").id(),
                    s.get("category").isMissing() ? "other" : s.get("category").id(),
                    s.get("datacenter").isMissing() ? null : s.get("datacenter").id(),
                    s.get("region").isMissing() ? null : s.get("region").id(),
                    ids(s.get("dependsOn")), Set.of("provider", "category"), List.of(check)));
        }
        return out;
    }

    private static List<String> members(ConfigNode n, Set<String> known, String what) {
        if (n.isScalar() && "all".equals(n.text())) {
            return List.copyOf(known);
        }
        List<String> out = ids(n);
        if (out.isEmpty()) {
            throw n.error("'all' or a list of " + what + "s");
        }
        List<ConfigNode> items = n.isScalar() ? List.of(n) : n.items();
        for (int i = 0; i < out.size(); i++) {
            if (!known.contains(out.get(i))) {
                throw items.get(i).problem("unknown " + what + " '" + out.get(i) + "'; expected one of " + String.join(", ", known));
            }
        }
        return out;
    }

    private static ScenarioFault fault(ConfigNode f, Set<String> services, List<String> vantages, Duration duration) {
        f.allowOnly("services", "vantages", "kind", "at", "for", "latencyMs", "flap");
        List<String> svc = members(f.require("services"), services, "service");
        List<String> vs = f.get("vantages").isMissing() ? vantages : members(f.get("vantages"), new LinkedHashSet<>(vantages), "vantage");
        ConfigNode kindNode = f.require("kind");
        FaultKind kind = FaultKind.of(kindNode.text());
        if (kind == null) {
            throw kindNode.error("one of refuse, timeout, 5xx, slow, silent");
        }
        Duration at = f.require("at").duration(Duration.ZERO, duration);
        Duration length = f.get("for").isMissing() ? null : f.get("for").duration(Duration.ofMillis(1), Duration.ofDays(2));
        double latency = 0;
        if (kind == FaultKind.SLOW) {
            latency = f.require("latencyMs").number(1, 600_000);
        } else if (!f.get("latencyMs").isMissing()) {
            throw f.get("latencyMs").problem("only a fault of kind 'slow' has a latency");
        }
        Duration down = null;
        Duration up = null;
        ConfigNode flap = f.get("flap");
        if (!flap.isMissing()) {
            flap.allowOnly("down", "up");
            down = flap.require("down").duration(Duration.ofMillis(100), Duration.ofDays(1));
            up = flap.require("up").duration(Duration.ofMillis(100), Duration.ofDays(1));
        }
        return new ScenarioFault(svc, vs, kind, at, length, latency, down, up);
    }

    private static ExpectedIncident expected(ConfigNode e, Set<String> services, List<String> vantages) {
        e.allowOnly("kind", "services", "vantage", "hypothesis", "state");
        IncidentKind kind = switch (e.require("kind").choice("service", "correlated", "probe_fault")) {
            case "service" -> IncidentKind.SERVICE;
            case "correlated" -> IncidentKind.CORRELATED;
            default -> IncidentKind.PROBE_FAULT;
        };
        List<String> svc = List.of();
        List<String> vs = List.of();
        if (kind == IncidentKind.PROBE_FAULT) {
            if (!e.get("services").isMissing()) {
                throw e.get("services").problem("a probe_fault has no services; name its 'vantage'");
            }
            vs = members(e.require("vantage"), new LinkedHashSet<>(vantages), "vantage");
        } else {
            svc = members(e.require("services"), services, "service");
            if (kind == IncidentKind.SERVICE && svc.size() != 1) {
                throw e.get("services").error("exactly one service for a 'service' incident");
            }
            if (kind == IncidentKind.CORRELATED && svc.size() < 2) {
                throw e.get("services").error("at least two services for a 'correlated' incident");
            }
        }
        ConfigNode h = e.get("hypothesis");
        String hypothesis = null;
        if (!h.isMissing()) {
            hypothesis = h.text();
            if (!hypothesis.matches("[A-Za-z]+=[^=\\s]+")) {
                throw h.error("attribute=value, such as provider=kakao");
            }
        }
        IncidentState state = e.get("state").choiceOr("resolved", "open", "resolved").equals("open")
                ? IncidentState.OPEN : IncidentState.RESOLVED;
        return new ExpectedIncident(kind, svc, vs, hypothesis, state);
    }

    private static String resource(String file) {
        try (InputStream in = ScenarioReader.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("built-in resource " + RESOURCES + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in resource " + RESOURCES + file + ": " + e.getMessage(), e);
        }
    }
}
