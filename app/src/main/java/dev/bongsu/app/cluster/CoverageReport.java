package dev.bongsu.app.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which probe node has which checks, per vantage, and whether every check of the config is probed exactly once in
 * each vantage.
 *
 * @param vantages per vantage name (config order), its coverage
 */
public record CoverageReport(Map<String, Vantage> vantages) {
    public CoverageReport {
        vantages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vantages));
    }

    /**
     * One vantage's coverage.
     *
     * @param nodes      node id → the check ids it probes
     * @param missing    checks no node probes
     * @param duplicated checks more than one node probes
     */
    public record Vantage(Map<String, List<String>> nodes, List<String> missing, List<String> duplicated) {
        public Vantage {
            nodes = java.util.Collections.unmodifiableMap(new TreeMap<>(nodes));
            missing = List.copyOf(missing);
            duplicated = List.copyOf(duplicated);
        }

        /** Whether every check is probed by exactly one node. */
        public boolean exactlyOnce() {
            return missing.isEmpty() && duplicated.isEmpty();
        }
    }

    /**
     * The report for {@code vantageNames}, from what each node said it probes.
     *
     * @param vantageNames the config's vantages
     * @param checkIds     every check id of the config
     * @param answers      per node: its vantage and check ids
     */
    public static CoverageReport of(List<String> vantageNames, List<String> checkIds, List<NodeShare> answers) {
        Map<String, Vantage> out = new LinkedHashMap<>();
        for (String v : vantageNames) {
            Map<String, List<String>> nodes = new TreeMap<>();
            Map<String, Integer> count = new LinkedHashMap<>();
            checkIds.forEach(c -> count.put(c, 0));
            for (NodeShare a : answers) {
                if (a.vantage().equals(v)) {
                    nodes.put(a.node(), a.checks());
                    a.checks().forEach(c -> count.merge(c, 1, Integer::sum));
                }
            }
            List<String> missing = new ArrayList<>();
            List<String> duplicated = new ArrayList<>();
            count.forEach((c, n) -> {
                if (n == 0) {
                    missing.add(c);
                } else if (n > 1) {
                    duplicated.add(c);
                }
            });
            out.put(v, new Vantage(nodes, missing, duplicated));
        }
        return new CoverageReport(out);
    }

    /** Whether every vantage is covered exactly once. */
    public boolean exactlyOnce() {
        return vantages.values().stream().allMatch(Vantage::exactlyOnce);
    }

    /**
     * What one probe node says it probes.
     *
     * @param node    its id
     * @param vantage its vantage
     * @param checks  its check ids
     */
    public record NodeShare(String node, String vantage, List<String> checks) {
        public NodeShare {
            checks = List.copyOf(checks);
        }
    }
}
