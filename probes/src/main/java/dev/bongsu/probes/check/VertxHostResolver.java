package dev.bongsu.probes.check;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.net.InetAddress;

/**
 * Resolves through Vert.x's own non-blocking resolver, which honours {@code /etc/hosts} and
 * {@code /etc/resolv.conf} like the system does (and caches answers for their TTL). Vert.x exposes it only through
 * its internal API; the public {@code DnsClient} would skip the hosts file.
 */
public final class VertxHostResolver implements HostResolver {
    private final VertxInternal vertx;

    /** A resolver of {@code vertx}. */
    public VertxHostResolver(Vertx vertx) {
        this.vertx = (VertxInternal) vertx;
    }

    @Override
    public Future<InetAddress> resolve(String host) {
        return vertx.nameResolver().resolve(host);
    }
}
