package dev.bongsu.alerting.notify.alertmanager;

import dev.bongsu.alerting.notify.Causes;
import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.JsonPostNotifier;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.NotificationText;
import dev.bongsu.model.Incident;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.receiver.AlertmanagerSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Prometheus Alertmanager API v2 ({@code POST <url>/api/v2/alerts}): one alert per incident for its whole life.
 *
 * <p>Alertmanager identifies an alert by its label set, so the labels hold only what never changes during an
 * incident ({@code alertname}, {@code incident_id}, {@code kind}); what may change (severity, member services,
 * likely cause, title) goes in the annotations. {@code startsAt} is the incident's start. While the incident is
 * open, {@code endsAt} lies {@link #ALERT_LIFETIME} after the moment of sending and the router re-sends the alert
 * every {@link #RESEND_INTERVAL}, so Alertmanager never lets it lapse mid-outage (as Prometheus does, with the
 * same factor of four); on resolution {@code endsAt} is the resolution time.
 */
public final class AlertmanagerNotifier extends JsonPostNotifier<AlertmanagerSettings> {
    /** How often an open incident is re-sent to Alertmanager at the latest (the router caps its intervals to it). */
    public static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);
    /** How far in the future {@code endsAt} of an open incident lies: four re-sends. */
    public static final Duration ALERT_LIFETIME = RESEND_INTERVAL.multipliedBy(4);
    /** The {@code alertname} label of every alert. */
    public static final String ALERT_NAME = "BongsuIncident";

    private final Clock clock;

    /** A notifier for one Alertmanager; {@code clock} dates {@code endsAt} of open incidents at sending. */
    public AlertmanagerNotifier(ReceiverConfig cfg, HttpDelivery http, Clock clock) {
        super(cfg, AlertmanagerSettings.class, http);
        this.clock = clock;
    }

    @Override
    protected String url() {
        return baseUrl(settings.url()) + "/api/v2/alerts";
    }

    @Override
    protected String payload(Notification n) {
        return body(n, clock.instant()).encode();
    }

    /** The postable alerts sent at {@code now}: an array of one. */
    public static JsonArray body(Notification n, Instant now) {
        Incident i = n.incident();
        JsonObject labels = new JsonObject()
                .put("alertname", ALERT_NAME)
                .put("incident_id", i.id())
                .put("kind", i.kind().wireName());
        JsonObject annotations = new JsonObject()
                .put("summary", i.title().en())
                .put("severity", i.severity().wireName());
        if (!i.services().isEmpty()) {
            annotations.put("services", String.join(",", i.services()));
        }
        if (!i.vantages().isEmpty()) {
            annotations.put("vantages", String.join(",", i.vantages()));
        }
        if (i.hypothesis() != null) {
            annotations.put("cause", Causes.label(i.hypothesis()));
            annotations.put("description", i.hypothesis().text().en());
        }
        if (n.causeChanged()) {
            annotations.put("previous_cause", Causes.label(n.previousHypothesis()));
        }
        annotations.put("sequence", String.valueOf(i.sequence()));
        if (n.notice() != null) {
            annotations.put("notice", n.notice());
        }
        if (n.ackUrl() != null) {
            annotations.put("ack_url", n.ackUrl());
        }
        NotificationText.acknowledged(n).ifPresent(a -> annotations.put("acknowledged", a));
        Instant endsAt = n.event() == TransitionType.RESOLVED
                ? (i.resolvedAt() != null ? i.resolvedAt() : i.updatedAt())
                : now.plus(ALERT_LIFETIME);
        JsonObject alert = new JsonObject().put("labels", labels).put("annotations", annotations)
                .put("startsAt", i.startedAt().toString())
                .put("endsAt", endsAt.toString());
        if (n.link() != null) {
            alert.put("generatorURL", n.link());
        }
        return new JsonArray().add(alert);
    }
}
