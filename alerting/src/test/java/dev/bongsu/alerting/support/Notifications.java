package dev.bongsu.alerting.support;

import static dev.bongsu.alerting.support.Incidents.T0;

import dev.bongsu.alerting.notify.HttpDelivery;
import dev.bongsu.alerting.notify.HttpOutcomes;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.TransitionType;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;

/** Sample notifications of one correlated incident: opened, updated (with a revised cause), resolved. */
public final class Notifications {
    /** The status page link used in samples. */
    public static final String LINK = "https://status.example.kr/incidents/01JABCDEF";

    private Notifications() {
    }

    /** The incident at sequence 1, open. */
    public static Notification opened() {
        Incident i = Incidents.correlated("01JABCDEF", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank");
        return new Notification("oncall", TransitionType.OPENED, i, i.transitionKey(), LINK, null, 0, T0.plusSeconds(5), null);
    }

    /** The incident at sequence 2, grown to four services, its likely cause revised from provider=kakao to datacenter=pangyo. */
    public static Notification updated() {
        Incident i = pangyo(Incidents.correlated("01JABCDEF", 2, IncidentState.OPEN, T0.plusSeconds(20), "kakaotalk", "kakaobank",
                "kakaopay", "kakaomap"));
        return new Notification("oncall", TransitionType.UPDATED, i, i.transitionKey(), LINK, null, 0, T0.plusSeconds(65),
                opened().incident().hypothesis());
    }

    /** The incident at sequence 3, resolved (the cause unchanged since the update). */
    public static Notification resolved() {
        Incident i = pangyo(Incidents.correlated("01JABCDEF", 3, IncidentState.RESOLVED, T0.plusSeconds(600), "kakaotalk", "kakaobank",
                "kakaopay", "kakaomap"));
        return new Notification("oncall", TransitionType.RESOLVED, i, i.transitionKey(), LINK, null, 0, T0.plusSeconds(600),
                updated().incident().hypothesis());
    }

    private static Incident pangyo(Incident i) {
        return Incidents.withCause(i, "datacenter", "pangyo",
                "All " + i.services().size() + " services in datacenter pangyo are down → datacenter failure");
    }

    /** The three in order. */
    public static java.util.List<Notification> all() {
        return java.util.List.of(opened(), updated(), resolved());
    }

    /** An HTTP delivery helper over a fresh web client. */
    public static HttpDelivery http(Vertx vertx) {
        return new HttpDelivery(vertx, WebClient.create(vertx), new HttpOutcomes(Clock.systemUTC()));
    }
}
