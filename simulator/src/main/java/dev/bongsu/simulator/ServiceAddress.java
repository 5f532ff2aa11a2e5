package dev.bongsu.simulator;

import dev.bongsu.model.scenario.FleetService;
import java.net.URI;

/**
 * Where a simulated service listens.
 *
 * @param service the service
 * @param host    the loopback address it listens on
 * @param port    its port
 */
public record ServiceAddress(FleetService service, String host, int port) {

    /** The service's id. */
    public String id() {
        return service.id();
    }

    /** {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }

    /** The URL of its health endpoint, e.g. {@code http://127.0.0.1:18101/health}. */
    public URI healthUrl() {
        return URI.create("http://" + address() + "/health");
    }
}
