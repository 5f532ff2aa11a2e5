package dev.bongsu.app.cluster;

import java.util.List;

/** Config files for multi-process cluster tests. */
final class ClusterYaml {
    private ClusterYaml() {
    }

    /** The {@code cluster} section for a loopback cluster on {@code size} ports from {@code base}. */
    static String cluster(int base, int size) {
        return """
                cluster:
                  name: test-%d
                  host: 127.0.0.1
                  port: %d
                  portRange: %d
                  members: ["127.0.0.1:%d-%d"]
                  memberTimeout: 3s
                """.formatted(base, base, size, base, base + size - 1);
    }

    /** A vantages section. */
    static String vantages(List<String> names) {
        return "vantages: [" + String.join(", ", names) + "]\n";
    }

    /** {@code count} services with one TCP check each to a closed loopback port, probed every second. */
    static String unreachableServices(int count) {
        StringBuilder sb = new StringBuilder("services:\n");
        for (int i = 0; i < count; i++) {
            sb.append("  - {id: svc").append(i).append(", name: Svc").append(i)
                    .append(", provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1, interval: 1s, timeout: 500ms}]}\n");
        }
        return sb.toString();
    }
}
