package dev.bongsu.model.config;

import java.time.Duration;

/**
 * Limits on the connections of the public HTTP listener, so that no client can hold the process's file descriptors.
 *
 * @param maxConnections          concurrent connections, all clients together; {@code 0} derives the cap from the
 *                                process's descriptor limit, keeping a reserve for probing, storage and the cluster
 * @param maxConnectionsPerClient concurrent connections from one client address; {@code 0} for no per-client cap
 * @param requestHeadTimeout      time allowed for a complete request head (and then for its body), counted from the
 *                                connection's accept or from the end of the previous response
 * @param keepAliveTimeout        time an idle kept-alive connection may wait for its next request
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerClient, Duration requestHeadTimeout,
                               Duration keepAliveTimeout) {
    /** The default head deadline. */
    public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);
    /** The default keep-alive timeout. */
    public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(5);
    /** The default per-client cap. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 64;

    /** The defaults: a cap derived from the descriptor limit, 64 per client, 10 s for a head, 5 s of idle keep-alive. */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(0, DEFAULT_MAX_CONNECTIONS_PER_CLIENT, DEFAULT_REQUEST_HEAD_TIMEOUT, DEFAULT_KEEP_ALIVE_TIMEOUT);
    }

    /** Whether the total cap is derived from the descriptor limit. */
    public boolean automaticCap() {
        return maxConnections == 0;
    }
}
