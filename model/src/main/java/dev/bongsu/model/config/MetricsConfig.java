package dev.bongsu.model.config;

/**
 * Where the Prometheus exposition ({@code GET /metrics}) is served and how many series it may hold.
 *
 * @param host      address of the metrics listener
 * @param port      port of the metrics listener (0 picks a free one); {@link #NONE} serves {@code /metrics} on the public
 *                  port instead, and only with the admin token
 * @param perCheck  whether the per-check series ({@code bongsu_check_*}, one set per check × vantage) are exposed
 * @param maxSeries the most per-check and per-service series a configuration may imply ({@link SeriesBudget}); a
 *                  configuration over it is refused at load
 */
public record MetricsConfig(String host, int port, boolean perCheck, int maxSeries) {
    /** No listener of its own. */
    public static final int NONE = -1;
    /** Default of {@code metrics.maxSeries}. */
    public static final int DEFAULT_MAX_SERIES = 100_000;

    /** A listener with the default series settings: per-check series on, at most {@value #DEFAULT_MAX_SERIES}. */
    public MetricsConfig(String host, int port) {
        this(host, port, true, DEFAULT_MAX_SERIES);
    }

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
        return new MetricsConfig(host, newPort, perCheck, maxSeries);
    }
}
