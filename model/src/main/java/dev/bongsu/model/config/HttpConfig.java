package dev.bongsu.model.config;

/**
 * Bongsu's own HTTP servers: the public one (status page and API) and where {@code /metrics} is served.
 *
 * @param host      address to listen on
 * @param port      port to listen on (0 picks a free one)
 * @param publicUrl the URL people reach the status page at, used in links sent out
 * @param limits    connection caps and deadlines of the public listener
 * @param metrics   where {@code /metrics} is served
 */
public record HttpConfig(String host, int port, String publicUrl, ConnectionLimits limits, MetricsConfig metrics) {
    public HttpConfig {
        java.util.Objects.requireNonNull(limits, "limits");
        java.util.Objects.requireNonNull(metrics, "metrics");
    }

    /** The public server with default limits and {@code /metrics} behind the admin token. */
    public HttpConfig(String host, int port, String publicUrl) {
        this(host, port, publicUrl, ConnectionLimits.defaults(), MetricsConfig.behindAdminToken());
    }

    /** This setting on another port; the public URL follows when it was the default. */
    public HttpConfig withPort(int newPort) {
        String url = publicUrl.equals("http://" + host + ":" + port) ? "http://" + host + ":" + newPort : publicUrl;
        return new HttpConfig(host, newPort, url, limits, metrics);
    }

    /** This setting with {@code /metrics} served elsewhere. */
    public HttpConfig withMetrics(MetricsConfig newMetrics) {
        return new HttpConfig(host, port, publicUrl, limits, newMetrics);
    }
}
