package dev.bongsu.app;

import dev.bongsu.model.Addresses;
import dev.bongsu.model.ServiceStateChange;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints one line whenever a service changes state (the demo's output); incident transitions are logged by the
 * detector itself.
 */
final class StateChangePrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BongsuConfig cfg;
    private final PrintWriter out;
    private final ZoneId zone;

    StateChangePrinter(BongsuConfig cfg, PrintWriter out, ZoneId zone) {
        this.cfg = cfg;
        this.out = out;
        this.zone = zone;
    }

    /** Starts listening; the returned future completes once the consumer is registered. */
    Future<Void> start(Vertx vertx) {
        MessageConsumer<ServiceStateChange> states = vertx.eventBus().consumer(Addresses.SERVICE_STATES, m -> print(line(m.body())));
        return states.completion();
    }

    String line(ServiceStateChange change) {
        String id = change.current().serviceId();
        String name = cfg.service(id).map(ServiceConfig::name).map(n -> n.en() + " " + n.ko()).orElse(id);
        String from = change.previous() == null ? "unknown" : change.previous().health().wireName();
        String reason = change.current().reason() == null ? "" : " — " + change.current().reason().en();
        return String.format("%s service %-10s %-24s %s → %s%s", now(), id, "(" + name + ")", from,
                change.current().health().wireName(), reason);
    }

    private String now() {
        return TIME.format(LocalTime.now(zone));
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }
}
