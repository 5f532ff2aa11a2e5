package dev.bongsu.model.config;

import java.time.Duration;

/** Reads the {@code http}, {@code admin} and {@code metrics} sections: Bongsu's own HTTP servers and who may use them. */
final class HttpSection {
    private static final int MAX_CONNECTIONS = 1_000_000;
    private static final String AUTO = "auto";
    private static final int MAX_SERIES = 100_000_000;

    private HttpSection() {
    }

    /** The {@code http} section with the {@code metrics} section folded in. */
    static HttpConfig read(ConfigNode http, ConfigNode metrics) {
        http.allowOnly("host", "port", "publicUrl", "maxConnections", "maxConnectionsPerClient", "requestHeadTimeout", "keepAliveTimeout");
        String host = http.get("host").textOr("127.0.0.1");
        int port = http.get("port").integerOr(8080, 0, 65535);
        String publicUrl = http.get("publicUrl").textOr("http://" + host + ":" + port);
        if (!publicUrl.startsWith("http://") && !publicUrl.startsWith("https://")) {
            throw http.get("publicUrl").error("an http:// or https:// URL");
        }
        return new HttpConfig(host, port, publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl,
                limits(http), metrics(metrics, host, port));
    }

    private static ConnectionLimits limits(ConfigNode http) {
        ConfigNode max = http.get("maxConnections");
        int maxConnections = max.isMissing() || AUTO.equals(max.text()) ? 0 : maxConnections(max);
        return new ConnectionLimits(
                maxConnections,
                http.get("maxConnectionsPerClient").integerOr(ConnectionLimits.DEFAULT_MAX_CONNECTIONS_PER_CLIENT, 0, MAX_CONNECTIONS),
                http.get("requestHeadTimeout").durationOr(ConnectionLimits.DEFAULT_REQUEST_HEAD_TIMEOUT,
                        Duration.ofMillis(500), Duration.ofMinutes(5)),
                http.get("keepAliveTimeout").durationOr(ConnectionLimits.DEFAULT_KEEP_ALIVE_TIMEOUT,
                        Duration.ofMillis(500), Duration.ofMinutes(5)));
    }

    private static int maxConnections(ConfigNode n) {
        try {
            return n.integer(1, MAX_CONNECTIONS);
        } catch (ConfigException e) {
            throw n.error("'auto' or a whole number from 1 to " + MAX_CONNECTIONS);
        }
    }

    private static MetricsConfig metrics(ConfigNode n, String httpHost, int httpPort) {
        if (n.isMissing()) {
            return MetricsConfig.behindAdminToken();
        }
        n.allowOnly("host", "port", "perCheck", "maxSeries");
        boolean perCheck = n.get("perCheck").boolOr(true);
        int maxSeries = n.get("maxSeries").integerOr(MetricsConfig.DEFAULT_MAX_SERIES, 1, MAX_SERIES);
        if (n.get("host").isMissing() && n.get("port").isMissing()) {
            // only the series settings: /metrics stays behind the admin token
            return new MetricsConfig(MetricsConfig.behindAdminToken().host(), MetricsConfig.NONE, perCheck, maxSeries);
        }
        String host = n.get("host").textOr("127.0.0.1");
        ConfigNode portNode = n.require("port");
        int port = portNode.integer(0, 65535);
        if (port != 0 && port == httpPort && host.equals(httpHost)) {
            throw portNode.error("a port other than http.port (" + httpPort + "): /metrics gets a listener of its own");
        }
        return new MetricsConfig(host, port, perCheck, maxSeries);
    }

    /** The {@code admin} section; an empty or absent token disables the admin API. */
    static AdminConfig admin(ConfigNode n) {
        n.allowOnly("token");
        ConfigNode token = n.get("token");
        if (token.isMissing()) {
            return new AdminConfig(null);
        }
        String t = token.text();
        if (t.isEmpty()) {
            return new AdminConfig(null);
        }
        if (t.isBlank()) {
            throw token.problem("expected a token of at least 16 characters, found only spaces (leave it empty to disable the admin API)");
        }
        if (!t.strip().equals(t)) {
            throw token.secretError("a token without leading or trailing spaces (they cannot be sent in an Authorization header)");
        }
        if (!t.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw token.secretError("a token of printable ASCII characters (others cannot be sent in an Authorization header)");
        }
        if (t.length() < 16) {
            throw token.secretError("a token of at least 16 characters");
        }
        return new AdminConfig(t);
    }
}
