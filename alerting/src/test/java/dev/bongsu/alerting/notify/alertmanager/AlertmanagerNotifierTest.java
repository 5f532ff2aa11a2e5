package dev.bongsu.alerting.notify.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.support.Notifications;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.ReceiverType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

    @Test
    void postsAlertsFiringThenEndedOnResolve() {
        try (RecordingReceiver r = RecordingReceiver.start(vertx)) {
            AlertmanagerNotifier n = new AlertmanagerNotifier(new ReceiverConfig("am", ReceiverType.ALERTMANAGER, r.url("/"), null, null, null,
                    null, List.of(), null, RateLimit.defaults(), 1, Duration.ofSeconds(5)), Notifications.http(vertx));
            for (Notification x : Notifications.all()) {
                assertThat(n.send(x).await().isDelivered()).isTrue();
            }

            List<RecordingReceiver.Request> got = r.requests();
            assertThat(got).extracting(RecordingReceiver.Request::path).containsOnly("/api/v2/alerts");
            assertThat(new JsonArray(got.get(0).body())).isEqualTo(new JsonArray("""
                    [{"labels":{"alertname":"BongsuIncident","incident_id":"01JABCDEF","kind":"correlated","severity":"critical",
                        "services":"kakaotalk,kakaobank","cause_provider":"kakao"},
                      "annotations":{"summary":"Correlated outage: 2 services, likely cause provider=kakao","sequence":"1",
                        "description":"All 2 services of provider kakao are down → provider-side failure"},
                      "startsAt":"2026-10-15T06:33:00Z","generatorURL":"https://status.example.kr/incidents/01JABCDEF"}]
                    """));
            JsonObject updated = new JsonArray(got.get(1).body()).getJsonObject(0);
            assertThat(updated.containsKey("endsAt")).isFalse();
            assertThat(updated.getJsonObject("labels").getString("services")).isEqualTo("kakaotalk,kakaobank,kakaopay,kakaomap");
            JsonObject resolved = new JsonArray(got.get(2).body()).getJsonObject(0);
            assertThat(resolved.getString("endsAt")).isEqualTo("2026-10-15T06:43:00Z");
            assertThat(resolved.getJsonObject("labels").getString("incident_id")).isEqualTo("01JABCDEF");
        }
    }
}
