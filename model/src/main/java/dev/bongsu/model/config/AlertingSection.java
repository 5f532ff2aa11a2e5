package dev.bongsu.model.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code alerting} section; the default group interval follows the smallest check interval. */
final class AlertingSection {
    private static final Pattern RATE = Pattern.compile("(\\d{1,6})/(s|m|h)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+(:\\d+)?([/?#]\\S*)?");
    private static final List<String> KINDS = List.of("service", "correlated", "probe_fault");
    private static final List<String> SEVERITIES = List.of("critical", "warning", "info");
    private static final String[] COMMON_RECEIVER_KEYS = {"name", "type", "dependsOn", "fallback", "rateLimit", "burst", "concurrency", "timeout"};

    private AlertingSection() {
    }

    static AlertingConfig read(ConfigNode n, List<ServiceConfig> services, List<VantageConfig> vantages) {
        AlertingConfig d = AlertingConfig.defaults();
        n.allowOnly("receivers", "routes", "defaultReceivers", "monitoringReceivers", "groupWait", "groupInterval",
                "repeatInterval", "inhibit", "maintenance", "outbox");
        Set<String> dependables = new LinkedHashSet<>();
        services.forEach(s -> dependables.add(s.provider()));
        services.forEach(s -> dependables.add(s.id()));
        List<ReceiverConfig> receivers = receivers(n.get("receivers"), dependables);
        Set<String> names = new LinkedHashSet<>();
        receivers.forEach(r -> names.add(r.name()));
        names.add(AlertingConfig.LOG_RECEIVER);
        checkFallbacks(n.get("receivers"), receivers, names);
        Duration groupWait = n.get("groupWait").durationOr(d.groupWait(), Duration.ZERO, Duration.ofHours(1));
        Duration groupInterval = n.get("groupInterval").durationOr(AlertingConfig.defaultGroupInterval(smallestCheckInterval(services)),
                Duration.ofSeconds(1), Duration.ofDays(1));
        Duration repeat = n.get("repeatInterval").durationOr(d.repeatInterval(), Duration.ofMinutes(1), Duration.ofDays(30));
        List<RouteConfig> routes = new ArrayList<>();
        for (ConfigNode r : n.get("routes").items()) {
            routes.add(route(r, names, groupWait, groupInterval, repeat));
        }
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        Set<String> windowNames = new java.util.HashSet<>();
        Set<String> windowIds = new java.util.HashSet<>();
        for (ConfigNode w : n.get("maintenance").items()) {
            MaintenanceWindow mw = MaintenanceSection.window(w);
            if (!windowNames.add(mw.name())) {
                throw w.get("name").problem("duplicate maintenance window name '" + mw.name() + "'");
            }
            if (!windowIds.add(mw.id())) {
                throw (w.get("id").isMissing() ? w.get("name") : w.get("id")).problem("duplicate maintenance window id '" + mw.id()
                        + "' (give each window its own id)");
            }
            maintenance.add(mw);
        }
        return new AlertingConfig(receivers, routes,
                receiverNames(n.get("defaultReceivers"), names),
                receiverNames(n.get("monitoringReceivers"), names),
                groupWait, groupInterval, repeat,
                n.get("inhibit").boolOr(true),
                maintenance,
                outbox(n.get("outbox")));
    }

    private static Duration smallestCheckInterval(List<ServiceConfig> services) {
        return services.stream().flatMap(s -> s.checks().stream()).map(CheckConfig::interval)
                .min(Duration::compareTo).orElse(null);
    }

    private static List<ReceiverConfig> receivers(ConfigNode list, Set<String> dependables) {
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

    private static ReceiverConfig receiver(ConfigNode r, Set<String> dependables) {
        r.entries();
        String name = r.require("name").id();
        ReceiverType type = ReceiverType.fromConfigName(r.require("type").choice(ReceiverType.configNames()));
        List<String> allowed = new ArrayList<>(List.of(COMMON_RECEIVER_KEYS));
        allowed.addAll(switch (type) {
            case WEBHOOK -> List.of("url", "secret", "signature");
            case SLACK, ALERTMANAGER -> List.of("url");
            case PAGERDUTY -> List.of("url", "routingKey");
            case TELEGRAM -> List.of("url", "botToken", "chatId");
            case LOG -> List.of();
        });
        r.allowOnly(allowed.toArray(String[]::new));
        String url = switch (type) {
            case WEBHOOK, SLACK, ALERTMANAGER -> url(r.require("url"));
            case PAGERDUTY -> r.get("url").isMissing() ? "https://events.pagerduty.com/v2/enqueue" : url(r.get("url"));
            case TELEGRAM -> r.get("url").isMissing() ? "https://api.telegram.org" : url(r.get("url"));
            case LOG -> null;
        };
        String secret = null;
        if (!r.get("secret").isMissing()) {
            secret = r.get("secret").text();
            if (secret.length() < 16) {
                throw r.get("secret").secretError("a secret of at least 16 characters");
            }
        }
        String routingKey = type == ReceiverType.PAGERDUTY ? secretText(r.require("routingKey"), "a PagerDuty integration key") : null;
        String botToken = type == ReceiverType.TELEGRAM ? secretText(r.require("botToken"), "a Telegram bot token such as 123456:ABC-DEF") : null;
        if (botToken != null && !botToken.matches("[0-9]+:[A-Za-z0-9_-]+")) {
            throw r.get("botToken").secretError("a Telegram bot token such as 123456:ABC-DEF");
        }
        String chatId = type == ReceiverType.TELEGRAM ? r.require("chatId").nonEmptyText() : null;
        ConfigNode deps = r.get("dependsOn");
        List<String> dependsOn = deps.texts();
        List<ConfigNode> depNodes = deps.oneOrMany();
        for (int i = 0; i < dependsOn.size(); i++) {
            if (!dependables.contains(dependsOn.get(i))) {
                throw depNodes.get(i).error("a provider or service id of this config ("
                        + String.join(", ", shortList(dependables)) + ")");
            }
        }
        return new ReceiverConfig(name, type, url, secret, routingKey, botToken, chatId, dependsOn,
                r.get("fallback").isMissing() ? null : r.get("fallback").id(),
                rateLimit(r),
                r.get("concurrency").integerOr(ReceiverConfig.DEFAULT_CONCURRENCY, 1, 64),
                r.get("timeout").durationOr(ReceiverConfig.DEFAULT_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(5)),
                "legacy".equals(r.get("signature").choiceOr("v1", "v1", "legacy")));
    }

    private static List<String> shortList(Set<String> values) {
        List<String> all = new ArrayList<>(values);
        return all.size() > 8 ? List.copyOf(all.subList(0, 8)) : all;
    }

    private static String url(ConfigNode n) {
        String u = n.text();
        if (!URL.matcher(u).matches()) {
            // URLs of receivers often carry a secret (Slack, tokens in paths): never echo them.
            throw n.secretError("an absolute http:// or https:// URL");
        }
        return u;
    }

    private static String secretText(ConfigNode n, String expected) {
        String t = n.text();
        if (t.isBlank()) {
            throw n.secretError(expected);
        }
        return t;
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

    private static void checkFallbacks(ConfigNode list, List<ReceiverConfig> receivers, Set<String> names) {
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

    private static List<String> receiverNames(ConfigNode n, Set<String> names) {
        List<String> out = n.texts();
        List<ConfigNode> nodes = n.oneOrMany();
        for (int i = 0; i < out.size(); i++) {
            if (!names.contains(out.get(i))) {
                throw nodes.get(i).error("a receiver name (" + String.join(", ", names) + ")");
            }
        }
        return out;
    }

    private static RouteConfig route(ConfigNode r, Set<String> names, Duration wait, Duration interval, Duration repeat) {
        r.allowOnly("match", "receivers", "continue", "groupWait", "groupInterval", "repeatInterval");
        List<String> receivers = receiverNames(r.require("receivers"), names);
        if (receivers.isEmpty()) {
            throw r.get("receivers").error("at least one receiver name");
        }
        return new RouteConfig(matchers(r.get("match")), receivers,
                r.get("continue").boolOr(false),
                r.get("groupWait").durationOr(wait, Duration.ZERO, Duration.ofHours(1)),
                r.get("groupInterval").durationOr(interval, Duration.ofSeconds(1), Duration.ofDays(1)),
                r.get("repeatInterval").durationOr(repeat, Duration.ofMinutes(1), Duration.ofDays(30)));
    }

    /** Reads {@code {label: value | [values]}}, checking labels and the values of kind and severity. */
    static Map<String, List<String>> matchers(ConfigNode m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.allowOnly(RouteConfig.LABELS.toArray(String[]::new));
        for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
            ConfigNode v = e.getValue();
            List<String> values = v.texts();
            List<ConfigNode> nodes = v.oneOrMany();
            List<String> allowed = switch (e.getKey()) {
                case "kind" -> KINDS;
                case "severity" -> SEVERITIES;
                default -> null;
            };
            for (int i = 0; i < values.size(); i++) {
                if (allowed != null && !allowed.contains(values.get(i))) {
                    throw nodes.get(i).error("one of " + String.join(", ", allowed));
                }
            }
            if (values.isEmpty()) {
                throw v.error("a value or a list of values");
            }
            out.put(e.getKey(), List.copyOf(values));
        }
        return out;
    }

    private static OutboxConfig outbox(ConfigNode n) {
        OutboxConfig d = OutboxConfig.defaults();
        n.allowOnly("maxAge", "maxAttempts", "initialBackoff", "maxBackoff", "retention");
        Duration initial = n.get("initialBackoff").durationOr(d.initialBackoff(), Duration.ofMillis(10), Duration.ofMinutes(10));
        Duration max = n.get("maxBackoff").durationOr(d.maxBackoff(), Duration.ofMillis(10), Duration.ofHours(6));
        if (max.compareTo(initial) < 0) {
            throw n.get("maxBackoff").error("a duration no shorter than initialBackoff (" + Durations.format(initial) + ")");
        }
        return new OutboxConfig(
                n.get("maxAge").durationOr(d.maxAge(), Duration.ofMinutes(1), Duration.ofDays(30)),
                n.get("maxAttempts").integerOr(d.maxAttempts(), 0, 1_000_000),
                initial, max,
                n.get("retention").durationOr(d.retention(), Duration.ofHours(1), Duration.ofDays(3650)));
    }
}
