package dev.bongsu.alerting.notify.pagerduty;

import dev.bongsu.alerting.notify.Causes;
import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.JsonPostNotifier;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.NotificationText;
import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.receiver.PagerDutySettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** PagerDuty Events API v2: trigger (opened, updated) and resolve, with {@code dedup_key} = incident id. */
public final class PagerDutyNotifier extends JsonPostNotifier<PagerDutySettings> {

    /** A notifier for one PagerDuty service integration. */
    public PagerDutyNotifier(ReceiverConfig cfg, HttpDelivery http) {
        super(cfg, PagerDutySettings.class, http);
    }

    @Override
    protected String url() {
        return settings.url();
    }

    @Override
    protected String payload(Notification n) {
        return body(n, settings.routingKey()).encode();
    }

    /** The event body. */
    public static JsonObject body(Notification n, String routingKey) {
        Incident i = n.incident();
        JsonObject o = new JsonObject()
                .put("routing_key", routingKey)
                .put("event_action", n.event() == TransitionType.RESOLVED ? "resolve" : n.acknowledgedNow() ? "acknowledge" : "trigger")
                .put("dedup_key", i.id());
        if (n.event() == TransitionType.RESOLVED || n.acknowledgedNow()) {
            return o;
        }
        JsonObject details = new JsonObject()
                .put("incident_id", i.id())
                .put("sequence", i.sequence())
                .put("event", n.eventName())
                .put("services", new JsonArray(i.services()))
                .put("vantages", new JsonArray(i.vantages()))
                .put("likely_cause", i.hypothesis() == null ? null : i.hypothesis().text().en());
        if (n.causeChanged()) {
            details.put("likely_cause_changed", Causes.change(n));
        }
        if (n.notice() != null) {
            details.put("notice", n.notice());
        }
        if (n.ackUrl() != null) {
            details.put("ack_url", n.ackUrl());
        }
        NotificationText.acknowledged(n).ifPresent(a -> details.put("acknowledged", a));
        String summary = i.title().en();
        o.put("payload", new JsonObject()
                .put("summary", summary.length() > 1024 ? summary.substring(0, 1023) + "…" : summary)
                .put("source", "bongsu")
                .put("severity", switch (i.severity()) {
                    case CRITICAL -> "critical";
                    case WARNING -> "warning";
                    case INFO -> "info";
                })
                .put("timestamp", i.updatedAt().toString())
                .put("component", String.join(",", i.services()))
                .put("class", i.kind().wireName())
                .put("custom_details", details));
        o.put("client", "Bongsu");
        if (n.link() != null) {
            o.put("client_url", n.link());
            o.put("links", new JsonArray().add(new JsonObject().put("href", n.link()).put("text", "Bongsu incident " + i.id())));
        }
        return o;
    }
}
