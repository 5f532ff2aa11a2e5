package dev.bongsu.alerting.notify.alertmanager;

import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.JsonPostNotifier;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Prometheus Alertmanager API v2 ({@code POST <url>/api/v2/alerts}): one alert per incident, labelled so
 * Alertmanager routes keep working; {@code endsAt} is set when the incident is resolved.
 */
public final class AlertmanagerNotifier extends JsonPostNotifier {

    /** A notifier for one Alertmanager. */
    public AlertmanagerNotifier(ReceiverConfig cfg, HttpDelivery http) {
        super(cfg, http);
    }

    @Override
    protected String url() {
        return baseUrl() + "/api/v2/alerts";
    }

    @Override
    protected String payload(Notification n) {
        return body(n).encode();
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
