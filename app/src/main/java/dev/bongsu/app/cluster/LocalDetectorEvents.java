package dev.bongsu.app.cluster;

import dev.bongsu.model.Addresses;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.Set;

/**
 * Keeps a server's detector output on that server. Each server runs its own detector on the same results, so its
 * incident transitions and service-state changes must reach only its own alerting, status page and metrics; a
 * cluster-wide publish would hand every transition to every server twice. Installed as an outbound interceptor:
 * publishes on those addresses from this node are re-published to local consumers only.
 */
public final class LocalDetectorEvents {
    /** Addresses kept local. */
    public static final Set<String> ADDRESSES = Set.of(Addresses.INCIDENTS, Addresses.SERVICE_STATES);
    private static final String MARK = "x-bongsu-local";
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true).addHeader(MARK, "1");

    private LocalDetectorEvents() {
    }

    /** Installs the interceptor on {@code bus}. */
    public static void install(EventBus bus) {
        bus.addOutboundInterceptor(ctx -> {
            var msg = ctx.message();
            if (!ctx.send() && ADDRESSES.contains(msg.address()) && !msg.headers().contains(MARK)) {
                bus.publish(msg.address(), ctx.body(), LOCAL);
            } else {
                ctx.next();
            }
        });
    }
}
