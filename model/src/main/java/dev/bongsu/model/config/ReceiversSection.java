package dev.bongsu.model.config;

import dev.bongsu.model.config.receiver.ReceiverKinds;
import dev.bongsu.model.config.receiver.ReceiverSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code alerting.receivers}: the settings every receiver has here, those of its kind through
 * {@link ReceiverKinds}; keys of another kind are rejected as likely typos.
 */
final class ReceiversSection {
    private static final Pattern RATE = Pattern.compile("(\\d{1,6})/(s|m|h)");
    private static final List<String> COMMON_KEYS = List.of("name", "type", "dependsOn", "fallback", "rateLimit", "burst", "concurrency",
            "timeout");

    private ReceiversSection() {
    }

    /** The receivers of the list, names unique; {@code dependables} are the providers and services a receiver may depend on. */
    static List<ReceiverConfig> read(ConfigNode list, Set<String> dependables) {
        List<ReceiverConfig> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigNode r : list.items()) {
            ReceiverConfig rc = receiver(r, dependables);
            Integer first = seen.putIfAbsent(rc.name(), r.line());
            if (first != null) {
                throw r.get("name").problem("duplicate receiver name '" + rc.name() + "' (first at line " + first + ")");
            }
            out.add(rc);
        }
        return out;
    }

    /** Checks that every fallback names another receiver among {@code names}. */
    static void checkFallbacks(ConfigNode list, List<ReceiverConfig> receivers, Set<String> names) {
        List<ConfigNode> nodes = list.items();
        for (int i = 0; i < receivers.size(); i++) {
            ReceiverConfig rc = receivers.get(i);
            if (rc.fallback() == null) {
                continue;
            }
            ConfigNode f = nodes.get(i).get("fallback");
            if (rc.fallback().equals(rc.name())) {
                throw f.problem("a receiver cannot be its own fallback");
            }
            if (!names.contains(rc.fallback())) {
                throw f.error("the name of another receiver (" + String.join(", ", names) + ")");
            }
        }
    }

    /** Checks that receivers sending e-mail have the top-level {@code smtp} section to send through. */
    static void checkSmtp(ConfigNode list, List<ReceiverConfig> receivers, SmtpConfig smtp) {
        if (smtp != null) {
            return;
        }
        List<ConfigNode> nodes = list.items();
        for (int i = 0; i < receivers.size() && i < nodes.size(); i++) {
            if (receivers.get(i).settings().needsSmtp()) {
                throw nodes.get(i).get("type").problem("an " + receivers.get(i).type()
                        + " receiver needs the top-level smtp section (host, port, from) to send through");
            }
        }
    }

    private static ReceiverConfig receiver(ConfigNode r, Set<String> dependables) {
        r.entries();
        String name = r.require("name").id();
        ReceiverKinds.Kind kind = ReceiverKinds.of(r.require("type").choice(ReceiverKinds.types())).orElseThrow();
        List<String> allowed = new ArrayList<>(COMMON_KEYS);
        allowed.addAll(kind.keys());
        r.allowOnly(allowed.toArray(String[]::new));
        ReceiverSettings settings = kind.reader().apply(r);
        ConfigNode deps = r.get("dependsOn");
        List<String> dependsOn = deps.texts();
        List<ConfigNode> depNodes = deps.oneOrMany();
        for (int i = 0; i < dependsOn.size(); i++) {
            if (!dependables.contains(dependsOn.get(i))) {
                throw depNodes.get(i).error("a provider or service id of this config ("
                        + String.join(", ", shortList(dependables)) + ")");
            }
        }
        return new ReceiverConfig(name, settings, dependsOn,
                r.get("fallback").isMissing() ? null : r.get("fallback").id(),
                rateLimit(r),
                r.get("concurrency").integerOr(ReceiverConfig.DEFAULT_CONCURRENCY, 1, 64),
                r.get("timeout").durationOr(ReceiverConfig.DEFAULT_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(5)));
    }

    private static List<String> shortList(Set<String> values) {
        List<String> all = new ArrayList<>(values);
        return all.size() > 8 ? List.copyOf(all.subList(0, 8)) : all;
    }

    private static RateLimit rateLimit(ConfigNode r) {
        RateLimit d = RateLimit.defaults();
        ConfigNode rate = r.get("rateLimit");
        int permits = d.permits();
        Duration per = d.per();
        if (!rate.isMissing()) {
            Matcher m = RATE.matcher(rate.text());
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
                throw rate.error("a rate such as 1/s, 30/m or 100/h");
            }
            permits = Integer.parseInt(m.group(1));
            per = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                default -> Duration.ofHours(1);
            };
        }
        return new RateLimit(permits, per, r.get("burst").integerOr(d.burst(), 1, 10_000));
    }
}
