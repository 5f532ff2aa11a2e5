package dev.bongsu.probes.check;

import io.vertx.core.Future;
import java.net.InetAddress;

/** Resolves a host name to one address without blocking. */
public interface HostResolver {
    /** One address of {@code host}; fails with an {@link java.net.UnknownHostException} when it has none. */
    Future<InetAddress> resolve(String host);
}
