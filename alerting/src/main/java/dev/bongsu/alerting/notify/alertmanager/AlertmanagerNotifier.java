package dev.bongsu.alerting.notify.alertmanager;

import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.alerting.notify.Redactor;
import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Prometheus Alertmanager API v2 ({@code POST <url>/api/v2/alerts}): one alert per incident, labelled so
 * Alertmanager routes keep working; {@code endsAt} is set when the incident is resolved.
 */
public final class AlertmanagerNotifier implements Notifier {
    private final ReceiverConfig cfg;
    private final HttpDelivery http;
    private final Redactor redactor;

    /** A notifier for one Alertmanager. */
    public AlertmanagerNotifier(ReceiverConfig cfg, HttpDelivery http) {
        this.cfg = cfg;
        this.http = http;
        this.redactor = new Redactor(cfg.secrets());
    }

    @Override
    public String name() {
        return cfg.name();
    }

    @Override
    public Future<DeliveryOutcome> send(Notification n) {
        String base = cfg.url().endsWith("/") ? cfg.url().substring(0, cfg.url().length() - 1) : cfg.url();
        return http.post(base + "/api/v2/alerts", Map.of("Content-Type", "application/json"),
                Buffer.buffer(body(n).encode()), cfg.timeout(), redactor);
    }

    /** The postable alerts: an array of one. */
    public static JsonArray body(Notification n) {
        Incident i = n.incident();
        JsonObject labels = new JsonObject()
                .put("alertname", "BongsuIncident")
                .put("incident_id", i.id())
                .put("kind", i.kind().wireName())
                .put("severity", i.severity().wireName());
        if (!i.services().isEmpty()) {
            labels.put("services", String.join(",", i.services()));
        }
        if (i.hypothesis() != null) {
            labels.put("cause_" + i.hypothesis().attribute().replaceAll("[^A-Za-z0-9_]", "_"), i.hypothesis().value());
        }
        JsonObject annotations = new JsonObject()
                .put("summary", i.title().en())
                .put("sequence", String.valueOf(i.sequence()));
        if (i.hypothesis() != null) {
            annotations.put("description", i.hypothesis().text().en());
        }
        if (n.notice() != null) {
            annotations.put("notice", n.notice());
        }
        JsonObject alert = new JsonObject().put("labels", labels).put("annotations", annotations)
                .put("startsAt", i.startedAt().toString());
        if (n.event() == TransitionType.RESOLVED) {
            alert.put("endsAt", (i.resolvedAt() != null ? i.resolvedAt() : i.updatedAt()).toString());
        }
        if (n.link() != null) {
            alert.put("generatorURL", n.link());
        }
        return new JsonArray().add(alert);
    }
}
