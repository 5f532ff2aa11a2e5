package dev.bongsu.alerting.notify.log;

import dev.bongsu.alerting.notify.Causes;
import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.model.Incident;
import io.vertx.core.Future;
import java.util.logging.Logger;

/** Writes one log line per notification; the demo's default receiver. */
public final class LogNotifier implements Notifier {
    private static final Logger LOG = Logger.getLogger("dev.bongsu.notifications");

    private final String name;

    /** A log receiver with this name. */
    public LogNotifier(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Future<DeliveryOutcome> send(Notification n) {
        LOG.info(line(n));
        return Future.succeededFuture(DeliveryOutcome.delivered());
    }

    /** The line written. */
    public static String line(Notification n) {
        Incident i = n.incident();
        StringBuilder sb = new StringBuilder("notification ").append(n.eventName())
                .append(" receiver=").append(n.receiver())
                .append(" incident=").append(i.id())
                .append(" key=").append(n.idempotencyKey())
                .append(" kind=").append(i.kind().wireName())
                .append(" severity=").append(i.severity().wireName());
        if (!i.services().isEmpty()) {
            sb.append(" services=").append(String.join(",", i.services()));
        }
        sb.append(" title=\"").append(i.title().en()).append('"');
        if (i.hypothesis() != null) {
            sb.append(" cause=\"").append(i.hypothesis().text().en()).append('"');
        }
        if (n.causeChanged()) {
            sb.append(" cause_changed=\"").append(Causes.change(n)).append('"');
        }
        if (n.notice() != null) {
            sb.append(" notice=\"").append(n.notice()).append('"');
        }
        if (n.link() != null) {
            sb.append(" link=").append(n.link());
        }
        if (n.acknowledgement() != null) {
            sb.append(" acknowledged_by=\"").append(n.acknowledgement().by()).append("\" acknowledged_at=").append(n.acknowledgement().at());
        }
        if (n.ackUrl() != null) {
            sb.append(" ack_url=").append(n.ackUrl());
        }
        return sb.toString();
    }
}
