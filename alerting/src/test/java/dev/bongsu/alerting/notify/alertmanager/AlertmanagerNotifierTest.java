package dev.bongsu.alerting.notify.alertmanager;

import static dev.bongsu.alerting.support.Incidents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.testkit.ManualClock;
import dev.bongsu.alerting.support.Notifications;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertmanagerNotifierTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static AlertmanagerNotifier notifier(String url, ManualClock clock) {
        return new AlertmanagerNotifier(new ReceiverConfig("am", new dev.bongsu.model.config.receiver.AlertmanagerSettings(url), List.of(), null,
                RateLimit.defaults(), 1, Duration.ofSeconds(5)), Notifications.http(vertx), clock);
    }

    @Test
    void oneAlertWithStableLabelsFromOpeningToResolution() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            ManualClock clock = new ManualClock(T0.plusSeconds(5));
            AlertmanagerNotifier n = notifier(r.url("/"), clock);
            for (Notification x : Notifications.all()) {
                clock.advance(Duration.between(clock.instant(), x.createdAt()));
                assertThat(n.send(x).await().isDelivered()).isTrue();
            }

            List<RecordingReceiver.Request> got = r.requests();
            assertThat(got).extracting(RecordingReceiver.Request::path).containsOnly("/api/v2/alerts");
            assertThat(new JsonArray(got.get(0).body())).isEqualTo(new JsonArray("""
                    [{"labels":{"alertname":"BongsuIncident","incident_id":"01JABCDEF","kind":"correlated"},
                      "annotations":{"summary":"Correlated outage: 2 services, likely cause provider=kakao","severity":"critical",
                        "services":"kakaotalk,kakaobank","vantages":"seoul-kt,busan-skb","cause":"provider=kakao",
                        "description":"All 2 services of provider kakao are down → provider-side failure","sequence":"1"},
                      "startsAt":"2026-10-15T06:33:00Z","endsAt":"2026-10-15T06:37:05Z",
                      "generatorURL":"https://status.example.kr/incidents/01JABCDEF"}]
                    """));
            assertThat(new JsonArray(got.get(1).body())).isEqualTo(new JsonArray("""
                    [{"labels":{"alertname":"BongsuIncident","incident_id":"01JABCDEF","kind":"correlated"},
                      "annotations":{"summary":"Correlated outage: 4 services, likely cause datacenter=pangyo","severity":"critical",
                        "services":"kakaotalk,kakaobank,kakaopay,kakaomap","vantages":"seoul-kt,busan-skb","cause":"datacenter=pangyo",
                        "description":"All 4 services in datacenter pangyo are down → datacenter failure",
                        "previous_cause":"provider=kakao","sequence":"2"},
                      "startsAt":"2026-10-15T06:33:00Z","endsAt":"2026-10-15T06:38:05Z",
                      "generatorURL":"https://status.example.kr/incidents/01JABCDEF"}]
                    """));
            assertThat(new JsonArray(got.get(2).body())).isEqualTo(new JsonArray("""
                    [{"labels":{"alertname":"BongsuIncident","incident_id":"01JABCDEF","kind":"correlated"},
                      "annotations":{"summary":"Correlated outage: 4 services, likely cause datacenter=pangyo","severity":"critical",
                        "services":"kakaotalk,kakaobank,kakaopay,kakaomap","vantages":"seoul-kt,busan-skb","cause":"datacenter=pangyo",
                        "description":"All 4 services in datacenter pangyo are down → datacenter failure","sequence":"3"},
                      "startsAt":"2026-10-15T06:33:00Z","endsAt":"2026-10-15T06:43:00Z",
                      "generatorURL":"https://status.example.kr/incidents/01JABCDEF"}]
                    """));
        }
    }

    @Test
    void anOpenAlertOutlivesSeveralMissedResends() {
        Notification open = Notifications.updated();

        String endsAt = AlertmanagerNotifier.body(open, T0.plusSeconds(100)).getJsonObject(0).getString("endsAt");

        assertThat(AlertmanagerNotifier.ALERT_LIFETIME).isGreaterThanOrEqualTo(AlertmanagerNotifier.RESEND_INTERVAL.multipliedBy(3));
        assertThat(endsAt).isEqualTo(T0.plusSeconds(100).plus(AlertmanagerNotifier.ALERT_LIFETIME).toString());
    }

    @Test
    void aNoticeIsAnAnnotation() {
        Notification n = Notifications.opened().forFallback("am", "Also sent to 'am' because …");

        assertThat(AlertmanagerNotifier.body(n, T0).getJsonObject(0).getJsonObject("annotations").getString("notice"))
                .isEqualTo("Also sent to 'am' because …");
    }
}
