package dev.bongsu.model.config;

/**
 * Where the Prometheus exposition ({@code GET /metrics}) is served.
 *
 * @param host address of the metrics listener
 * @param port port of the metrics listener (0 picks a free one); {@link #NONE} serves {@code /metrics} on the public
 *             port instead, and only with the admin token
 */
public record MetricsConfig(String host, int port) {
    /** No listener of its own. */
    public static final int NONE = -1;

    /** No listener of its own: {@code /metrics} on the public port behind the admin token. */
    public static MetricsConfig behindAdminToken() {
        return new MetricsConfig("127.0.0.1", NONE);
    }

    /** Whether {@code /metrics} has a listener of its own. */
    public boolean ownListener() {
        return port != NONE;
    }

    /** This setting on another port of its own listener. */
    public MetricsConfig withPort(int newPort) {
        return new MetricsConfig(host, newPort);
    }
}
