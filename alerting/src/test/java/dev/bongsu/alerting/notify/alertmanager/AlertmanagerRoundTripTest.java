package dev.bongsu.alerting.notify.alertmanager;

import static dev.bongsu.alerting.support.Incidents.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.route.NotificationRouter;
import dev.bongsu.alerting.route.RoutingDecision;
import dev.bongsu.alerting.support.AlertmanagerProcess;
import dev.bongsu.alerting.support.Incidents;
import dev.bongsu.alerting.support.Notifications;
import dev.bongsu.alerting.support.RecordingReceiver;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.OutboxConfig;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Alertmanager (Debian's prometheus-alertmanager) keeps one alert for one growing incident until it resolves. */
class AlertmanagerRoundTripTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ID = "01JROUNDTRIP";
    private static Vertx vertx;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void anIncidentGrowingFromTwoToFourServicesIsOneAlertUntilItIsResolved() throws Exception {
        try (RecordingReceiver hook = RecordingReceiver.start(vertx);
                AlertmanagerProcess am = AlertmanagerProcess.start(dir, hook.url("/am"))) {
            ReceiverConfig rc = new ReceiverConfig("am", new dev.bongsu.model.config.receiver.AlertmanagerSettings(am.url()), List.of(), null,
                    RateLimit.defaults(), 1, Duration.ofSeconds(10));
            AlertmanagerNotifier notifier = new AlertmanagerNotifier(rc, Notifications.http(vertx), Clock.systemUTC());
            NotificationRouter router = new NotificationRouter(new AlertingConfig(List.of(rc), List.of(), List.of(), List.of(),
                    Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(4), true, List.of(), OutboxConfig.defaults()),
                    Incidents.services(), List::of, "https://status.example.kr");
            // The router's time is an input; Alertmanager's is the wall clock, so the incident lies in the recent past.
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
            List<String> services = new ArrayList<>(List.of("kakaotalk", "kakaobank"));
            List<String> growth = List.of("kakaopay", "kakaomap");

            for (int seq = 1; seq <= 3; seq++) {
                Instant at = startedAt.plus(Duration.ofMinutes(seq - 1));
                deliver(router.onTransition(transition(incident(seq, IncidentState.OPEN, at, services, startedAt)), at), notifier);
                String expected = String.join(",", services);
                JsonObject alert = await().atMost(DEADLINE).until(() -> onlyAlert(am),
                        a -> a != null && expected.equals(a.getJsonObject("annotations").getString("services")));
                assertThat(alerts(am)).hasSize(1);
                assertThat(alert.getJsonObject("labels")).isEqualTo(new JsonObject()
                        .put("alertname", "BongsuIncident").put("incident_id", ID).put("kind", "correlated"));
                assertThat(alert.getJsonObject("status").getString("state")).isEqualTo("active");
                assertThat(time(alert.getString("startsAt"))).isEqualTo(startedAt);
                assertThat(time(alert.getString("endsAt"))).isAfter(Instant.now().plus(AlertmanagerNotifier.RESEND_INTERVAL.multipliedBy(3)));
                if (seq < 3) {
                    services.add(growth.get(seq - 1));
                }
            }
            await().atMost(DEADLINE).until(() -> !notifications(hook).isEmpty());
            List<JsonObject> beforeResolution = notifications(hook);

            Instant resolvedAt = startedAt.plus(Duration.ofMinutes(3));
            deliver(router.onTransition(transition(incident(4, IncidentState.RESOLVED, resolvedAt, services, startedAt)), resolvedAt),
                    notifier);

            await().atMost(DEADLINE).until(() -> alerts(am).isEmpty());
            await().atMost(DEADLINE).until(() -> notifications(hook).stream().anyMatch(n -> "resolved".equals(n.getString("status"))));
            assertThat(beforeResolution).allSatisfy(n -> assertThat(n.getString("status")).isEqualTo("firing"));
            List<JsonObject> amAlerts = notifications(hook).stream()
                    .flatMap(n -> n.getJsonArray("alerts").stream().map(JsonObject.class::cast)).toList();
            assertThat(amAlerts).extracting(a -> a.getString("fingerprint")).as("one alert from opening to resolution").containsOnly(
                    amAlerts.get(0).getString("fingerprint"));
            JsonObject resolved = amAlerts.get(amAlerts.size() - 1);
            assertThat(resolved.getString("status")).isEqualTo("resolved");
            assertThat(time(resolved.getString("endsAt"))).isEqualTo(resolvedAt);
            assertThat(resolved.getJsonObject("annotations").getString("services")).isEqualTo("kakaotalk,kakaobank,kakaopay,kakaomap");
        }
    }

    private static void deliver(List<RoutingDecision> decisions, AlertmanagerNotifier notifier) {
        List<Notification> sent = decisions.stream().filter(d -> d instanceof RoutingDecision.Deliver)
                .map(d -> ((RoutingDecision.Deliver) d).notification()).toList();
        assertThat(sent).hasSize(1);
        assertThat(notifier.send(sent.get(0)).await().isDelivered()).isTrue();
    }

    private static Incident incident(int seq, IncidentState state, Instant at, List<String> services, Instant startedAt) {
        Incident i = Incidents.correlated(ID, seq, state, at, services.toArray(String[]::new));
        return new Incident(i.id(), i.sequence(), i.kind(), i.state(), i.severity(), i.services(), i.vantages(), startedAt, at,
                i.resolvedAt(), i.title(), i.hypothesis(), null, List.of());
    }

    private static List<JsonObject> alerts(AlertmanagerProcess am) throws IOException, InterruptedException {
        var r = am.get("/api/v2/alerts");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonArray(r.body()).stream().map(JsonObject.class::cast).toList();
    }

    private static JsonObject onlyAlert(AlertmanagerProcess am) throws IOException, InterruptedException {
        List<JsonObject> all = alerts(am);
        return all.size() == 1 ? all.get(0) : null;
    }

    private static List<JsonObject> notifications(RecordingReceiver hook) {
        return hook.requests().stream().filter(q -> q.path().equals("/am")).map(q -> new JsonObject(q.body())).toList();
    }

    private static Instant time(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
