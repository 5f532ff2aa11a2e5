package dev.bongsu.model.config;

import dev.bongsu.model.CheckType;
import dev.bongsu.model.LocalizedText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code services} section, with the {@code defaults} its checks inherit. */
final class ServicesSection {
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_INTERVAL = Duration.ofDays(1);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS", "PATCH", "DELETE");
    private static final List<String> DNS_TYPES = List.of("A", "AAAA", "CNAME", "MX", "NS", "TXT");

    private final Duration defaultInterval;
    private final Duration defaultTimeout;
    private final boolean defaultCritical;
    private final Set<String> vantages;

    ServicesSection(ConfigNode defaults, Set<String> vantages) {
        defaults.allowOnly("interval", "timeout", "critical");
        this.defaultInterval = defaults.get("interval").durationOr(Duration.ofSeconds(30), MIN_INTERVAL, MAX_INTERVAL);
        this.defaultTimeout = defaults.get("timeout").durationOr(Duration.ofSeconds(10), MIN_TIMEOUT, MAX_TIMEOUT);
        this.defaultCritical = defaults.get("critical").boolOr(true);
        this.vantages = vantages;
    }

    List<ServiceConfig> read(ConfigNode n) {
        List<ConfigNode> items = n.items();
        if (items.isEmpty()) {
            throw n.error("a list of at least one service");
        }
        List<ServiceConfig> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ConfigNode item : items) {
            ServiceConfig s = service(item);
            Integer first = seen.putIfAbsent(s.id(), item.line());
            if (first != null) {
                throw item.get("id").problem("duplicate service id '" + s.id() + "' (first at line " + first + ")");
            }
            out.add(s);
        }
        return out;
    }

    private ServiceConfig service(ConfigNode n) {
        n.allowOnly("id", "name", "provider", "category", "datacenter", "region", "dependsOn", "public", "checks");
        String id = n.require("id").id();
        LocalizedText name = n.require("name").localizedText();
        List<String> dependsOn = n.get("dependsOn").oneOrMany().stream().map(ConfigNode::id).toList();
        Set<String> publicAttributes = new LinkedHashSet<>(List.of("provider", "category"));
        ConfigNode pub = n.get("public");
        if (!pub.isMissing()) {
            publicAttributes.clear();
            List<ConfigNode> list = pub.isScalar() ? List.of(pub) : pub.items();
            for (ConfigNode p : list) {
                String a = p.text();
                if (!ServiceConfig.ATTRIBUTES.contains(a)) {
                    throw p.error("one of " + String.join(", ", ServiceConfig.ATTRIBUTES));
                }
                publicAttributes.add(a);
            }
        }
        ConfigNode checksNode = n.require("checks");
        List<ConfigNode> checkItems = checksNode.items();
        if (checkItems.isEmpty()) {
            throw checksNode.error("a list of at least one check");
        }
        List<CheckConfig> checks = new ArrayList<>();
        Set<String> checkNames = new LinkedHashSet<>();
        for (ConfigNode c : checkItems) {
            CheckConfig check = check(id, c);
            if (!checkNames.add(check.name())) {
                throw c.problem("duplicate check name '" + check.name() + "' in service '" + id
                        + "'; give each check of a service its own 'name'");
            }
            checks.add(check);
        }
        return new ServiceConfig(id, name,
                n.require("provider").id(),
                n.require("category").id(),
                n.get("datacenter").isMissing() ? null : n.get("datacenter").id(),
                n.get("region").isMissing() ? null : n.get("region").id(),
                dependsOn, publicAttributes, checks);
    }

    private CheckConfig check(String serviceId, ConfigNode n) {
        ConfigNode typeNode = n.require("type");
        String typeText = typeNode.text();
        CheckType type = switch (typeText) {
            case "http", "https" -> CheckType.HTTP;
            case "tcp" -> CheckType.TCP;
            case "dns" -> CheckType.DNS;
            case "tls" -> CheckType.TLS;
            case "heartbeat" -> CheckType.HEARTBEAT;
            default -> throw typeNode.error("one of http, https, tcp, dns, tls, heartbeat");
        };
        List<String> keys = new ArrayList<>(List.of("name", "type", "interval", "timeout", "critical", "thresholds"));
        keys.addAll(switch (type) {
            case HTTP -> List.of("url", "method", "headers", "body", "expectStatus", "bodyContains", "json",
                    "followRedirects", "maxRedirects", "maxBodyBytes", "verifyTls");
            case TCP -> List.of("host", "port");
            case DNS -> List.of("query", "recordType", "resolver");
            case TLS -> List.of("host", "port", "minDaysLeft", "verify");
            case HEARTBEAT -> List.of("period", "grace", "token");
        });
        if (type == CheckType.HEARTBEAT) {
            return heartbeat(serviceId, n);
        }
        n.allowOnly(keys.toArray(String[]::new));
        String name = n.get("name").isMissing() ? typeText : n.get("name").id();
        Duration interval = n.get("interval").durationOr(defaultInterval, MIN_INTERVAL, MAX_INTERVAL);
        ConfigNode timeoutNode = n.get("timeout");
        Duration timeout = timeoutNode.durationOr(defaultTimeout.compareTo(interval) > 0 ? interval : defaultTimeout,
                MIN_TIMEOUT, MAX_TIMEOUT);
        if (timeout.compareTo(interval) > 0) {
            throw timeoutNode.error("a timeout no longer than the interval (" + Durations.format(interval) + ")");
        }
        CheckTarget target = switch (type) {
            case HTTP -> http(n, typeText);
            case TCP -> new TcpTarget(host(n.require("host")), port(n.require("port")));
            case DNS -> dns(n);
            case TLS -> new TlsTarget(host(n.require("host")), n.get("port").isMissing() ? 443 : port(n.get("port")),
                    n.get("minDaysLeft").integerOr(14, 0, 3650), n.get("verify").boolOr(true));
            case HEARTBEAT -> throw new IllegalStateException("read above");
        };
        ConfigNode th = n.get("thresholds");
        th.allowOnly("failuresToDown", "successesToUp", "vantages");
        Map<String, Thresholds> perVantage = new HashMap<>();
        for (Map.Entry<String, ConfigNode> e : th.get("vantages").entries().entrySet()) {
            if (!vantages.contains(e.getKey())) {
                throw e.getValue().problem("unknown vantage '" + e.getKey() + "'; expected one of " + String.join(", ", vantages));
            }
            perVantage.put(e.getKey(), thresholds(e.getValue()));
        }
        return new CheckConfig(serviceId + "." + name, name, serviceId, type, interval, timeout,
                n.get("critical").boolOr(defaultCritical), target, thresholds(th), perVantage);
    }

    /**
     * A heartbeat check: pushed, never probed; its interval is the period, its timeout the grace. One missed or down
     * push already fails it and one good push passes it again (thresholds 1 and 1 unless set): the period and grace
     * are the confirmation.
     */
    private CheckConfig heartbeat(String serviceId, ConfigNode n) {
        n.allowOnly("name", "type", "critical", "thresholds", "period", "grace", "token");
        String name = n.get("name").isMissing() ? "heartbeat" : n.get("name").id();
        Duration period = n.require("period").duration(Duration.ofSeconds(1), Duration.ofDays(7));
        Duration grace = n.get("grace").durationOr(period.dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : period.dividedBy(2), Duration.ofSeconds(1), Duration.ofDays(7));
        String token = n.get("token").isMissing() ? null : pushToken(n.get("token"));
        ConfigNode th = n.get("thresholds");
        return new CheckConfig(serviceId + "." + name, name, serviceId, CheckType.HEARTBEAT, period, grace,
                n.get("critical").boolOr(defaultCritical), new HeartbeatTarget(period, grace, token),
                thresholds(th).orElse(new Thresholds(1, 1)), Map.of());
    }

    /** A heartbeat check's token: sent in a header or a query, so printable ASCII without surrounding spaces. */
    private static String pushToken(ConfigNode n) {
        String t = n.text();
        if (t.isBlank() || !t.strip().equals(t) || !t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw n.secretError("a token of printable ASCII characters without spaces (it is sent in a header or a URL)");
        }
        if (t.length() < 16) {
            throw n.secretError("a token of at least 16 characters");
        }
        return t;
    }

    private static Thresholds thresholds(ConfigNode n) {
        n.allowOnly("failuresToDown", "successesToUp", "vantages");
        ConfigNode f = n.get("failuresToDown");
        ConfigNode s = n.get("successesToUp");
        return new Thresholds(f.isMissing() ? null : f.integer(1, 100), s.isMissing() ? null : s.integer(1, 100));
    }

    private static HttpTarget http(ConfigNode n, String typeText) {
        ConfigNode urlNode = n.require("url");
        URI url;
        try {
            url = new URI(urlNode.text());
        } catch (URISyntaxException e) {
            throw urlNode.error("an absolute http:// or https:// URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw urlNode.error("an absolute http:// or https:// URL");
        }
        if (typeText.equals("https") && !scheme.equals("https")) {
            throw urlNode.error("an https:// URL for a check of type https");
        }
        ConfigNode methodNode = n.get("method");
        String method = methodNode.textOr("GET").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw methodNode.error("one of " + String.join(", ", new java.util.TreeSet<>(METHODS)));
        }
        StatusSet expect = StatusSet.SUCCESS;
        ConfigNode es = n.get("expectStatus");
        if (!es.isMissing()) {
            List<int[]> ranges = new ArrayList<>();
            List<ConfigNode> list = es.isScalar() ? List.of(es) : es.items();
            List<String> texts = new ArrayList<>();
            for (ConfigNode s : list) {
                int[] r = StatusSet.parseRange(s.text());
                if (r == null) {
                    throw s.error("a status code (200), a class (2xx) or a range (200-299)");
                }
                ranges.add(r);
                texts.add(s.text());
            }
            if (ranges.isEmpty()) {
                throw es.error("at least one status code");
            }
            expect = new StatusSet(ranges, String.join(",", texts));
        }
        JsonAssertion json = null;
        ConfigNode j = n.get("json");
        if (!j.isMissing()) {
            j.allowOnly("pointer", "equals");
            ConfigNode p = j.require("pointer");
            String pointer = p.text();
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw p.error("a JSON pointer starting with '/', such as /status");
            }
            json = new JsonAssertion(pointer, j.require("equals").text());
        }
        return new HttpTarget(url, method, n.get("headers").textMap(), n.get("body").textOr(null), expect,
                n.get("bodyContains").textOr(null), json,
                n.get("followRedirects").boolOr(true),
                n.get("maxRedirects").integerOr(5, 0, 20),
                n.get("maxBodyBytes").integerOr(64 * 1024, 0, 16 * 1024 * 1024),
                n.get("verifyTls").boolOr(true));
    }

    private static DnsTarget dns(ConfigNode n) {
        String name = host(n.require("query"));
        String type = n.get("recordType").choiceOr("A", DNS_TYPES.toArray(String[]::new));
        ConfigNode r = n.get("resolver");
        if (r.isMissing()) {
            return new DnsTarget(name, type, null, 53);
        }
        String text = r.text();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        int port = 53;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw r.error("a resolver address host or host:port, such as 127.0.0.1:53");
            }
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw r.error("a resolver address host or host:port, such as 127.0.0.1:53");
        }
        return new DnsTarget(name, type, host, port);
    }

    private static String host(ConfigNode n) {
        String h = n.nonEmptyText();
        if (!h.matches("[A-Za-z0-9._:\\[\\]-]+")) {
            throw n.error("a host name or IP address");
        }
        return h;
    }

    private static int port(ConfigNode n) {
        return n.integer(1, 65535);
    }
}
