package dev.bongsu.alerting.route;

import static dev.bongsu.alerting.support.Incidents.T0;
import static dev.bongsu.alerting.support.Incidents.correlated;
import static dev.bongsu.alerting.support.Incidents.transition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.ack.AckLinks;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.silence.LabelMatcher;
import dev.bongsu.alerting.silence.Silence;
import dev.bongsu.model.AckReader;
import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.config.ServiceConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Acknowledgements and escalation steps in routing, with explicit times. */
class AckAndEscalationRoutingTest {
    private static final Duration REPEAT = Duration.ofHours(1);
    private final Map<String, Acknowledgement> acks = new HashMap<>();
    private final List<Mute> mutes = new ArrayList<>();

    private static BongsuConfig config(String extraReceivers, String escalate) {
        String yaml = """
                http: {publicUrl: "https://status.example.kr"}
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaobank, name: KakaoBank, provider: kakao, category: bank, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                alerting:
                  groupWait: 0s
                  groupInterval: 1m
                  repeatInterval: 1h
                  receivers:
                    - {name: oncall, type: webhook, url: "http://127.0.0.1:9/oncall"}
                    - {name: second, type: webhook, url: "http://127.0.0.1:9/second"}
                    - {name: manager, type: webhook, url: "http://127.0.0.1:9/manager"}
                %s
                  routes:
                    - match: {provider: kakao}
                      receivers: [oncall]
                      escalate: %s
                """.formatted(extraReceivers, escalate);
        return new ConfigLoader(Map.of()).parse("test.yaml", yaml);
    }

    private static final String TWO_STEPS = "[{after: 10m, receivers: [second]}, {after: 30m, receivers: [manager]}]";

    private NotificationRouter router(BongsuConfig cfg) {
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        cfg.services().forEach(s -> services.put(s.id(), s));
        AckReader reader = id -> Optional.ofNullable(acks.get(id));
        AckLinks links = new AckLinks("0123456789abcdef-ack-key".getBytes(StandardCharsets.UTF_8), cfg.pageUrl(), Duration.ofDays(7));
        return new NotificationRouter(cfg.alerting(), services, () -> mutes, "https://status.example.kr", reader, links);
    }

    private static List<Notification> delivered(List<RoutingDecision> ds) {
        return ds.stream().filter(d -> d instanceof RoutingDecision.Deliver).map(d -> ((RoutingDecision.Deliver) d).notification()).toList();
    }

    private static List<RoutingDecision.Suppress> suppressed(List<RoutingDecision> ds) {
        return ds.stream().filter(d -> d instanceof RoutingDecision.Suppress).map(d -> (RoutingDecision.Suppress) d).toList();
    }

    /** Ticks every 10 s from {@code from} (exclusive) to {@code to} (inclusive). */
    private static List<RoutingDecision> run(NotificationRouter r, Instant from, Instant to) {
        List<RoutingDecision> out = new ArrayList<>();
        for (Instant t = from.plusSeconds(10); !t.isAfter(to); t = t.plusSeconds(10)) {
            out.addAll(r.tick(t));
        }
        return out;
    }

    private static String who(Notification n) {
        return n.receiver() + " " + n.eventName() + " " + n.idempotencyKey();
    }

    @Test
    void anUnacknowledgedIncidentEscalatesStepByStepCountedFromItsFirstNotification() {
        NotificationRouter r = router(config("", TWO_STEPS));
        List<Notification> first = delivered(r.onTransition(transition(correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk")), T0));
        assertThat(first).extracting(AckAndEscalationRoutingTest::who).containsExactly("oncall incident.opened A:1");
        assertThat(first.get(0).ackUrl()).startsWith("https://status.example.kr/api/v1/ack/A?exp=");
        assertThat(r.nextEscalation("A")).contains(T0.plus(Duration.ofMinutes(10)));

        List<Notification> tenMinutes = delivered(run(r, T0, T0.plus(Duration.ofMinutes(10))));
        assertThat(tenMinutes).extracting(AckAndEscalationRoutingTest::who).containsExactly("second incident.opened A:escalation-1");
        Notification escalated = tenMinutes.get(0);
        assertThat(escalated.createdAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(escalated.notice()).isEqualTo("Escalated (step 1): not acknowledged within 10m of its first notification.");
        assertThat(escalated.ackUrl()).contains("/api/v1/ack/A?");

        List<Notification> later = delivered(run(r, T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(30))));
        assertThat(later).extracting(AckAndEscalationRoutingTest::who).containsExactly("manager incident.opened A:escalation-2");

        // Escalated receivers hear of later changes and of the resolution like the first one.
        List<Notification> resolved = delivered(r.onTransition(transition(correlated("A", 2, IncidentState.RESOLVED,
                T0.plus(Duration.ofMinutes(40)), "kakaotalk")), T0.plus(Duration.ofMinutes(40))));
        assertThat(resolved).extracting(AckAndEscalationRoutingTest::who).containsExactlyInAnyOrder(
                "oncall incident.resolved A:2", "second incident.resolved A:2", "manager incident.resolved A:2");
        assertThat(resolved).allSatisfy(n -> assertThat(n.ackUrl()).isNull());
    }

    @Test
    void afterAnAcknowledgementNoReminderAndNoFurtherStepButChangesAndTheResolutionStillGo() {
        NotificationRouter r = router(config("", TWO_STEPS));
        r.onTransition(transition(correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk")), T0);
        assertThat(delivered(run(r, T0, T0.plus(Duration.ofMinutes(10))))).hasSize(1);

        Acknowledgement ack = new Acknowledgement("A", "kim", T0.plus(Duration.ofMinutes(12)), "link");
        acks.put("A", ack);
        List<Notification> news = delivered(r.tick(T0.plus(Duration.ofMinutes(12))));
        assertThat(news).extracting(AckAndEscalationRoutingTest::who).containsExactly(
                "oncall incident.acknowledged A:ack", "second incident.acknowledged A:ack");
        assertThat(news).allSatisfy(n -> {
            assertThat(n.acknowledgement()).isEqualTo(ack);
            assertThat(n.ackUrl()).isNull();
        });

        // Four hours without news: no reminder (repeatInterval 1h), no step 2 (due at 30m).
        assertThat(run(r, T0.plus(Duration.ofMinutes(12)), T0.plus(Duration.ofHours(4)))).isEmpty();

        List<Notification> change = delivered(r.onTransition(transition(correlated("A", 2, IncidentState.OPEN, T0.plus(Duration.ofHours(4)),
                "kakaotalk", "kakaobank")), T0.plus(Duration.ofHours(4))));
        assertThat(change).extracting(AckAndEscalationRoutingTest::who).containsExactly("oncall incident.updated A:2", "second incident.updated A:2");
        assertThat(change).allSatisfy(n -> {
            assertThat(n.acknowledgement()).isEqualTo(ack);
            assertThat(n.ackUrl()).isNull();
        });
        List<Notification> resolved = delivered(r.onTransition(transition(correlated("A", 3, IncidentState.RESOLVED,
                T0.plus(Duration.ofHours(5)), "kakaotalk", "kakaobank")), T0.plus(Duration.ofHours(5))));
        assertThat(resolved).extracting(AckAndEscalationRoutingTest::who).containsExactly("oncall incident.resolved A:3",
                "second incident.resolved A:3");
    }

    @Test
    void withoutAnAcknowledgementRemindersGoOn() {
        NotificationRouter r = router(config("", "[]"));
        r.onTransition(transition(correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk")), T0);

        List<Notification> reminders = delivered(run(r, T0, T0.plus(REPEAT.multipliedBy(2))));

        assertThat(reminders).extracting(Notification::idempotencyKey).containsExactly("A:1:repeat-1", "A:1:repeat-2");
        assertThat(reminders).allSatisfy(n -> assertThat(n.ackUrl()).isNotNull());
    }

    @Test
    void anEscalatedReceiverThatDependsOnTheFailedProviderHasItsFallbackToldToo() {
        BongsuConfig cfg = config("""
                    - {name: kakaowork, type: webhook, url: "http://127.0.0.1:9/kakaowork", dependsOn: [kakao], fallback: sms}
                    - {name: sms, type: webhook, url: "http://127.0.0.1:9/sms"}
                """, "[{after: 5m, receivers: [kakaowork]}]");
        NotificationRouter r = router(cfg);
        r.onTransition(transition(correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk")), T0);

        List<Notification> escalated = delivered(run(r, T0, T0.plus(Duration.ofMinutes(5))));

        assertThat(escalated).extracting(AckAndEscalationRoutingTest::who).containsExactly(
                "kakaowork incident.opened A:escalation-1", "sms incident.opened A:escalation-1");
        assertThat(escalated.get(1).notice()).contains("depends on kakao");
    }

    @Test
    void aMutedEscalationIsRecordedAndDroppedOnceAcknowledged() {
        NotificationRouter r = router(config("", "[{after: 5m, receivers: [second]}]"));
        r.onTransition(transition(correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk")), T0);
        mutes.add(new Silence("sil-1", List.of(LabelMatcher.parse("provider=kakao")), T0, T0.plus(Duration.ofHours(1)), "kim",
                "DB migration", T0));

        List<RoutingDecision> muted = run(r, T0, T0.plus(Duration.ofMinutes(5)));
        assertThat(delivered(muted)).isEmpty();
        assertThat(suppressed(muted)).singleElement().satisfies(s -> assertThat(s.receiver()).isEqualTo("second"));

        acks.put("A", new Acknowledgement("A", "kim", T0.plus(Duration.ofMinutes(6)), "api"));
        mutes.clear();
        List<RoutingDecision> after = run(r, T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(20)));
        assertThat(delivered(after)).extracting(AckAndEscalationRoutingTest::who).containsExactly("oncall incident.acknowledged A:ack");
        assertThat(suppressed(after)).singleElement().satisfies(s -> {
            assertThat(s.receiver()).isEqualTo("second");
            assertThat(s.transitionKey()).isEqualTo("A:escalation-1");
            assertThat(s.reason()).isEqualTo("acknowledged by kim before escalation step 1");
        });
    }

    @Test
    void anIncidentAcknowledgedBeforeARestartIsNotAnnouncedAgainNorReminded() {
        NotificationRouter r = router(config("", TWO_STEPS));
        acks.put("A", new Acknowledgement("A", "kim", T0.plusSeconds(30), "cli"));
        r.restoreNotified("oncall", "A");
        r.restoreOpen(correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk"), T0.plus(Duration.ofMinutes(1)));

        assertThat(run(r, T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofHours(3)))).isEmpty();
    }

    @Test
    void aRestartKeepsTheEscalationClockAndDoesNotTellEscalatedReceiversTwice() {
        NotificationRouter r = router(config("", TWO_STEPS));
        r.restoreNotified("oncall", "A");
        r.restoreNotified("second", "A");
        r.restoreOpen(correlated("A", 1, IncidentState.OPEN, T0, "kakaotalk"), T0.plus(Duration.ofMinutes(20)));

        List<Notification> sent = delivered(run(r, T0.plus(Duration.ofMinutes(20)), T0.plus(Duration.ofMinutes(30))));

        assertThat(sent).extracting(AckAndEscalationRoutingTest::who).containsExactly("manager incident.opened A:escalation-2");
    }
}
