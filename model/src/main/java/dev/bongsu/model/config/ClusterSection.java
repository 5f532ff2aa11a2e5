package dev.bongsu.model.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code cluster} section. */
final class ClusterSection {
    private static final Pattern MEMBER = Pattern.compile("([^\\s:]+):(\\d{1,5})(?:-(\\d{1,5}))?");
    private static final String MEMBER_FORM = "host:port or host:firstPort-lastPort such as 10.0.1.5:5701 or 127.0.0.1:5701-5710";
    private static final int MAX_EXPANDED = 1000;

    private ClusterSection() {
    }

    static ClusterConfig read(ConfigNode n) {
        ClusterConfig d = ClusterConfig.defaults();
        if (n.isMissing()) {
            return d;
        }
        n.allowOnly("name", "members", "host", "port", "portRange", "eventBus", "memberTimeout", "bufferResults");
        String name = n.get("name").isMissing() ? d.name() : n.get("name").id();
        String host = n.get("host").isMissing() ? d.host() : n.get("host").nonEmptyText();
        int port = n.get("port").integerOr(d.port(), 1, 65535);
        int portRange = n.get("portRange").integerOr(d.portRange(), 1, 100);
        if (port + portRange - 1 > 65535) {
            throw n.get("portRange").problem("port " + port + " plus portRange " + portRange + " goes past 65535");
        }
        List<String> members = n.get("members").isMissing()
                ? defaultMembers(host, port, portRange)
                : members(n.get("members"));
        ClusterConfig.EventBus eventBus = eventBus(n.get("eventBus"), host, port, portRange);
        return new ClusterConfig(name, members, host, port, portRange, eventBus,
                n.get("memberTimeout").durationOr(d.memberTimeout(), Duration.ofSeconds(2), Duration.ofMinutes(5)),
                n.get("bufferResults").integerOr(d.bufferResults(), 0, 10_000_000));
    }

    private static List<String> defaultMembers(String host, int port, int portRange) {
        List<String> out = new ArrayList<>();
        for (int p = port; p < port + portRange; p++) {
            out.add(host + ":" + p);
        }
        return out;
    }

    private static List<String> members(ConfigNode n) {
        if (n.isScalar()) {
            throw n.error("a list of " + MEMBER_FORM);
        }
        Set<String> out = new LinkedHashSet<>();
        for (ConfigNode item : n.items()) {
            Matcher m = MEMBER.matcher(item.text());
            if (!m.matches()) {
                throw item.error(MEMBER_FORM);
            }
            int first = Integer.parseInt(m.group(2));
            int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
            if (first < 1 || last > 65535 || last < first) {
                throw item.error("ports from 1 to 65535, the first no greater than the last");
            }
            for (int p = first; p <= last; p++) {
                out.add(m.group(1) + ":" + p);
            }
            if (out.size() > MAX_EXPANDED) {
                throw item.problem("more than " + MAX_EXPANDED + " member addresses; list fewer or narrower port ranges");
            }
        }
        if (out.isEmpty()) {
            throw n.error("at least one member address (" + MEMBER_FORM + ")");
        }
        return List.copyOf(out);
    }

    private static ClusterConfig.EventBus eventBus(ConfigNode n, String clusterHost, int port, int portRange) {
        n.allowOnly("host", "port", "publicHost");
        String host = n.get("host").isMissing() ? clusterHost : n.get("host").nonEmptyText();
        int busPort = n.get("port").integerOr(0, 0, 65535);
        if (busPort >= port && busPort < port + portRange) {
            throw n.get("port").problem("port " + busPort + " is one of the membership ports " + port + "-"
                    + (port + portRange - 1) + "; give the event bus a port of its own, or 0 for any free port");
        }
        String publicHost = n.get("publicHost").isMissing() ? null : n.get("publicHost").nonEmptyText();
        return new ClusterConfig.EventBus(host, busPort, publicHost);
    }
}
