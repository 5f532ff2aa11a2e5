package dev.bongsu.model.config.diff;

import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.VantageConfig;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The settings a running process cannot take without a restart: its listeners ({@code http} but its public URL,
 * {@code admin.token}), {@code storage}, {@code cluster}, {@code smtp}, the probe engine ({@code probes}), the set of
 * {@code vantages} and the {@code watchdog}. A top-level section this class does not know also needs a restart, so
 * a new section is never silently ignored by a reload.
 */
final class RestartRules {
    /** Top-level sections a reload takes (item by item or as settings). */
    private static final Set<String> RELOADABLE = Set.of("services", "detector", "alerting", "statusPage");
    /** Top-level sections handled here with their own rule. */
    private static final Set<String> SPECIAL = Set.of("http", "vantages", "ops");
    /** Settings whose old and new values a message may show (none is a secret). */
    private static final Set<String> SHOWN = Set.of("http.host", "http.port", "http.metrics.host", "http.metrics.port",
            "http.limits.maxConnections", "http.limits.maxConnectionsPerClient", "http.limits.requestHeadTimeout",
            "http.limits.keepAliveTimeout", "storage.dir", "storage.timeSeries", "storage.rawRetention", "storage.rollupRetention",
            "storage.influx.url", "storage.influx.database", "probes.batchSize", "probes.batchInterval", "probes.maxInFlight",
            "cluster.name", "cluster.members", "cluster.host", "cluster.port", "cluster.portRange", "cluster.eventBus.host",
            "cluster.eventBus.port", "cluster.memberTimeout", "cluster.bufferResults", "watchdog.every", "watchdog.timeout");

    private RestartRules() {
    }

    /** One phrase per setting that needs a restart, e.g. {@code http.port changed 8080 -> 8081}. */
    static List<String> between(BongsuConfig before, BongsuConfig after) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : BongsuConfig.class.getRecordComponents()) {
            String section = c.getName();
            if (RELOADABLE.contains(section) || SPECIAL.contains(section)) {
                continue;
            }
            section(section, RecordFields.value(before, section), RecordFields.value(after, section), out);
        }
        List<String> http = RecordFields.differingExcept(before.http(), after.http(), List.of("publicUrl"));
        http.forEach(name -> out.add(phrase("http." + name, before, after, "http." + name)));
        if (!before.vantageNames().equals(after.vantageNames())) {
            out.add("vantages changed " + names(before.vantages()) + " -> " + names(after.vantages()));
        }
        List<String> ops = RecordFields.differingExcept(before.ops(), after.ops(), List.of("reload"));
        ops.forEach(name -> out.add(phrase(name, before.ops(), after.ops(), name)));
        return out;
    }

    private static void section(String section, Object before, Object after, List<String> out) {
        if (RecordFields.same(before, after)) {
            return;
        }
        if (before instanceof Record b && after instanceof Record a && b.getClass() == a.getClass()) {
            RecordFields.differing(b, a).forEach(name -> out.add(phrase(section + "." + name, b, a, name)));
        } else {
            out.add(section + (before == null ? " added" : after == null ? " removed" : " changed"));
        }
    }

    /** {@code fullName changed}, with the values read at {@code path} of the two records when they may be shown. */
    private static String phrase(String fullName, Record before, Record after, String path) {
        if (!SHOWN.contains(fullName)) {
            return fullName + " changed";
        }
        return fullName + " changed " + Details.text(RecordFields.value(before, path)) + " -> "
                + Details.text(RecordFields.value(after, path));
    }

    private static String names(List<VantageConfig> vantages) {
        return String.join(", ", vantages.stream().map(VantageConfig::name).toList());
    }
}
