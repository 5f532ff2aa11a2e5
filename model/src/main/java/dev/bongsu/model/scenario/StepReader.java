package dev.bongsu.model.scenario;

import dev.bongsu.model.config.ConfigNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one step in either syntax: the simulator's {@code {at, for, target: {…}, fault: refuse}} or the evaluator's
 * {@code {services: […], vantages: […], kind: refuse, at, for, latencyMs, flap: {down, up}}}.
 */
final class StepReader {
    private static final Duration MAX_OFFSET = Duration.ofDays(7);
    private static final String ATTRIBUTES = "provider, datacenter, region, category, dependsOn";

    private final Fleet fleet;
    private final List<String> vantages;
    private final Duration duration;

    StepReader(Fleet fleet, List<String> vantages, Duration duration) {
        this.fleet = fleet;
        this.vantages = vantages;
        this.duration = duration;
    }

    Step step(ConfigNode n) {
        if (!n.isMapping()) {
            throw n.error("a step: a mapping with at, target and fault");
        }
        return n.get("fault").isMissing() && !n.get("kind").isMissing() ? legacy(n) : modern(n);
    }

    private Step modern(ConfigNode n) {
        ConfigNode faultNode = n.require("fault");
        String keyword = faultNode.choice("refuse", "hang", "error", "slow", "flap", "silent", "overload", "exhausted");
        List<String> keys = new ArrayList<>(List.of("at", "for", "target", "fault"));
        keys.addAll(switch (keyword) {
            case "error" -> List.of("status");
            case "slow" -> List.of("delay");
            case "flap" -> List.of("period", "up", "down", "status", "delay");
            case "overload" -> List.of("lag");
            default -> List.of();
        });
        n.allowOnly(keys.toArray(String[]::new));
        Duration at = at(n.require("at"));
        ConfigNode forNode = n.get("for");
        Duration length = forNode.isMissing() ? null : forNode.duration(Duration.ofMillis(1), MAX_OFFSET);
        Fault fault = switch (keyword) {
            case "refuse" -> Fault.REFUSE;
            case "hang" -> Fault.HANG;
            case "error" -> new Fault.ServerError(n.get("status").integerOr(503, 500, 599));
            case "slow" -> new Fault.Slow(n.require("delay").duration(Duration.ofMillis(1), Duration.ofMinutes(10)));
            case "silent" -> Fault.SILENT;
            case "exhausted" -> Fault.EXHAUSTED;
            case "overload" -> new Fault.Overload(n.require("lag").duration(Duration.ofMillis(1), Duration.ofMinutes(10)));
            default -> flap(n);
        };
        ConfigNode targetNode = n.get("target");
        Target target = targetNode.isMissing() && fault.probeSide() ? Target.all() : target(n.require("target"), fault);
        return new Step(at, length, target, fault);
    }

    private static Fault flap(ConfigNode n) {
        Duration period = n.require("period").duration(Duration.ofMillis(10), Duration.ofHours(1));
        Duration up = n.get("up").durationOr(period, Duration.ofMillis(10), Duration.ofHours(1));
        ConfigNode downNode = n.get("down");
        String down = downNode.choiceOr("error", "refuse", "hang", "error", "slow");
        if (!down.equals("error") && !n.get("status").isMissing()) {
            throw n.get("status").problem("a status only applies when the flap is down with 'error', not '" + down + "'");
        }
        if (!down.equals("slow") && !n.get("delay").isMissing()) {
            throw n.get("delay").problem("a delay only applies when the flap is down with 'slow', not '" + down + "'");
        }
        Fault downFault = switch (down) {
            case "refuse" -> Fault.REFUSE;
            case "hang" -> Fault.HANG;
            case "slow" -> new Fault.Slow(n.require("delay").duration(Duration.ofMillis(1), Duration.ofMinutes(10)));
            default -> new Fault.ServerError(n.get("status").integerOr(503, 500, 599));
        };
        return new Fault.Flap(period, up, downFault);
    }

    private Target target(ConfigNode n, Fault fault) {
        if (!n.isMapping()) {
            throw n.error("a mapping with 'services', or with " + ATTRIBUTES + " and/or vantages");
        }
        n.allowOnly("services", "provider", "datacenter", "region", "category", "dependsOn", "vantages");
        ConfigNode servicesNode = n.get("services");
        String provider = optionalId(n.get("provider"));
        String datacenter = optionalId(n.get("datacenter"));
        String region = optionalId(n.get("region"));
        String category = optionalId(n.get("category"));
        String dependsOn = optionalId(n.get("dependsOn"));
        boolean attributes = provider != null || datacenter != null || region != null || category != null || dependsOn != null;
        List<String> seenFrom = n.get("vantages").isMissing() ? List.of() : vantageSelector(n.get("vantages"));
        if (!servicesNode.isMissing()) {
            if (attributes) {
                throw servicesNode.problem("use either 'services' or " + ATTRIBUTES.replace(", ", "/") + ", not both");
            }
            return new Target(services(servicesNode), null, null, null, null, null, seenFrom);
        }
        if (!attributes && n.get("vantages").isMissing()) {
            throw n.problem("expected 'services', or at least one of " + ATTRIBUTES + ", vantages");
        }
        Target target = new Target(List.of(), provider, datacenter, region, category, dependsOn, seenFrom);
        if (!fault.probeSide() && fleet.select(target).isEmpty()) {
            throw n.problem("'" + target.describe() + "' matches no service of the fleet (providers: "
                    + String.join(", ", fleet.providers()) + "; datacenters: " + String.join(", ", fleet.datacenters()) + ")");
        }
        return target;
    }

    private Step legacy(ConfigNode n) {
        n.allowOnly("services", "vantages", "kind", "at", "for", "latencyMs", "flap");
        List<String> svc = services(n.require("services"));
        List<String> seenFrom = n.get("vantages").isMissing() ? List.of() : vantageSelector(n.get("vantages"));
        ConfigNode kindNode = n.require("kind");
        String kind = kindNode.choice("refuse", "timeout", "5xx", "slow", "silent");
        Duration at = at(n.require("at"));
        Duration length = n.get("for").isMissing() ? null : n.get("for").duration(Duration.ofMillis(1), MAX_OFFSET);
        ConfigNode latency = n.get("latencyMs");
        if (!kind.equals("slow") && !latency.isMissing()) {
            throw latency.problem("only a fault of kind 'slow' has a latency");
        }
        Fault fault = switch (kind) {
            case "refuse" -> Fault.REFUSE;
            case "timeout" -> Fault.HANG;
            case "5xx" -> new Fault.ServerError(503);
            case "silent" -> Fault.SILENT;
            default -> new Fault.Slow(Duration.ofMillis((long) n.require("latencyMs").number(1, 600_000)));
        };
        ConfigNode flap = n.get("flap");
        if (!flap.isMissing()) {
            flap.allowOnly("down", "up");
            fault = new Fault.Flap(flap.require("down").duration(Duration.ofMillis(100), Duration.ofDays(1)),
                    flap.require("up").duration(Duration.ofMillis(100), Duration.ofDays(1)), fault);
        }
        return new Step(at, length, new Target(svc, null, null, null, null, null, seenFrom), fault);
    }

    private Duration at(ConfigNode n) {
        return n.duration(Duration.ZERO, duration == null ? MAX_OFFSET : duration);
    }

    /** Service ids checked against the fleet; {@code all} is the empty list (every service). */
    private List<String> services(ConfigNode n) {
        if (n.isScalar() && n.text().equals("all")) {
            return List.of();
        }
        List<ConfigNode> items = n.oneOrMany();
        if (items.isEmpty()) {
            throw n.isList() ? n.problem("expected at least one service id, found an empty list")
                    : n.error("'all' or a list of services");
        }
        List<String> ids = new ArrayList<>();
        for (ConfigNode item : items) {
            String id = item.id();
            if (fleet.service(id).isEmpty()) {
                throw item.problem("unknown service '" + id + "'; the fleet has " + shown(fleet.ids()));
            }
            ids.add(id);
        }
        return ids;
    }

    /** Vantage names checked against the scenario's; {@code all} is the empty list (every vantage). */
    private List<String> vantageSelector(ConfigNode n) {
        if (n.isScalar() && n.text().equals("all")) {
            return List.of();
        }
        return ExpectationReader.vantages(n, vantages);
    }

    static String shown(List<String> ids) {
        return ids.size() <= 12 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 12)) + ", … (" + ids.size() + ")";
    }

    private static String optionalId(ConfigNode n) {
        return n.isMissing() ? null : n.id();
    }
}
