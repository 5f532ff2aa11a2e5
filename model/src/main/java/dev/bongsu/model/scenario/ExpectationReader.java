package dev.bongsu.model.scenario;

import dev.bongsu.model.IncidentKind;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.config.ConfigNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code expect:}: {@code none}, or a list of expected incidents
 * ({@code {kind, services, vantage, hypothesis, state, hypothesisBy, revisions, maxDelay}}) and of
 * {@code {none: true, kind?, services?}} items saying what must not be raised.
 */
final class ExpectationReader {
    private final Fleet fleet;
    private final List<String> vantages;
    private final Duration duration;

    ExpectationReader(Fleet fleet, List<String> vantages, Duration duration) {
        this.fleet = fleet;
        this.vantages = vantages;
        this.duration = duration;
    }

    List<Expectation> read(ConfigNode n) {
        if (n.isMissing()) {
            return List.of();
        }
        if (n.isScalar()) {
            n.choice("none");
            return List.of();
        }
        List<Expectation> out = new ArrayList<>();
        for (ConfigNode e : n.items()) {
            out.add(expectation(e));
        }
        if (out.isEmpty()) {
            throw n.error("'none' or a list of expected incidents");
        }
        return out;
    }

    private Expectation expectation(ConfigNode e) {
        e.allowOnly("kind", "services", "vantage", "vantages", "hypothesis", "state", "hypothesisBy", "revisions",
                "maxDelay", "none");
        boolean none = e.get("none").boolOr(false);
        ConfigNode kindNode = none ? e.get("kind") : e.require("kind");
        IncidentKind kind = kindNode.isMissing() ? null : switch (kindNode.choice("service", "correlated", "probe_fault")) {
            case "service" -> IncidentKind.SERVICE;
            case "correlated" -> IncidentKind.CORRELATED;
            default -> IncidentKind.PROBE_FAULT;
        };
        ConfigNode vantageNode = e.get("vantage").isMissing() ? e.get("vantages") : e.get("vantage");
        if (!e.get("vantage").isMissing() && !e.get("vantages").isMissing()) {
            throw e.get("vantages").problem("use either 'vantage' or 'vantages', not both");
        }
        List<String> svc = List.of();
        List<String> vs = List.of();
        if (kind == IncidentKind.PROBE_FAULT) {
            if (!e.get("services").isMissing()) {
                throw e.get("services").problem("a probe_fault has no services; name its 'vantage'");
            }
            vs = none && vantageNode.isMissing() ? List.of() : vantagesOrAll(none ? vantageNode : e.require("vantage"));
        } else {
            svc = none && e.get("services").isMissing() ? List.of() : members(none ? e.get("services") : e.require("services"));
            if (!none && kind == IncidentKind.SERVICE && svc.size() != 1) {
                throw e.get("services").error("exactly one service for a 'service' incident");
            }
            if (!none && kind == IncidentKind.CORRELATED && svc.size() < 2) {
                throw e.get("services").error("at least two services for a 'correlated' incident");
            }
        }
        if (none) {
            for (String key : List.of("hypothesis", "state", "hypothesisBy", "revisions", "maxDelay")) {
                if (!e.get(key).isMissing()) {
                    throw e.get(key).problem("an expectation with 'none: true' says what is not raised; it has no " + key);
                }
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
        ConfigNode by = e.get("hypothesisBy");
        if (!by.isMissing() && hypothesis == null) {
            throw by.problem("'hypothesisBy' needs the 'hypothesis' it is about");
        }
        Duration hypothesisBy = by.isMissing() ? null
                : by.duration(Duration.ZERO, duration == null ? Duration.ofDays(2) : duration);
        Integer revisions = e.get("revisions").isMissing() ? null : e.get("revisions").integer(0, 1000);
        Double maxDelay = e.get("maxDelay").isMissing() ? null : e.get("maxDelay").number(0.1, 10_000);
        return new Expectation(kind, svc, vs, hypothesis, state, hypothesisBy, revisions, maxDelay, none);
    }

    /** Member services: {@code all}, a list of ids, or a selector such as {@code {provider: p07}}. */
    private List<String> members(ConfigNode n) {
        if (n.isScalar() && n.text().equals("all")) {
            return fleet.ids();
        }
        if (n.isMapping()) {
            n.allowOnly("provider", "datacenter", "region", "category", "dependsOn");
            Target t = new Target(List.of(), id(n.get("provider")), id(n.get("datacenter")), id(n.get("region")),
                    id(n.get("category")), id(n.get("dependsOn")), List.of());
            List<String> ids = fleet.select(t).stream().map(FleetService::id).toList();
            if (ids.isEmpty()) {
                throw n.problem("'" + t.describe() + "' matches no service of the fleet");
            }
            return ids;
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode item : n.oneOrMany()) {
            String id = item.id();
            if (fleet.service(id).isEmpty()) {
                throw item.problem("unknown service '" + id + "'; the fleet has " + StepReader.shown(fleet.ids()));
            }
            out.add(id);
        }
        if (out.isEmpty()) {
            throw n.error("'all', a list of services or a selector such as {provider: kakao}");
        }
        return out;
    }

    private List<String> vantagesOrAll(ConfigNode n) {
        return n.isScalar() && n.text().equals("all") ? vantages : vantages(n, vantages);
    }

    /** Vantage names, each one of {@code known}. */
    static List<String> vantages(ConfigNode n, List<String> known) {
        List<String> out = new ArrayList<>();
        for (ConfigNode item : n.oneOrMany()) {
            String v = item.id();
            if (!known.contains(v)) {
                throw item.problem("unknown vantage '" + v + "'; expected one of " + String.join(", ", known));
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw n.error("'all' or a list of vantages");
        }
        return out;
    }

    private static String id(ConfigNode n) {
        return n.isMissing() ? null : n.id();
    }
}
