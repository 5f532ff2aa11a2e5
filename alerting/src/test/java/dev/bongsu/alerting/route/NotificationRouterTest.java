package dev.bongsu.alerting.route;

import static dev.bongsu.alerting.support.Incidents.T0;
import static dev.bongsu.alerting.support.Incidents.correlated;
import static dev.bongsu.alerting.support.Incidents.probeFault;
import static dev.bongsu.alerting.support.Incidents.service;
import static dev.bongsu.alerting.support.Incidents.transition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.alertmanager.AlertmanagerNotifier;
import dev.bongsu.alerting.silence.LabelMatcher;
import dev.bongsu.alerting.silence.MaintenanceMute;
import dev.bongsu.alerting.silence.Silence;
import dev.bongsu.alerting.support.Incidents;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.IncidentState;
import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.TransitionType;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.MaintenanceWindow;
import dev.bongsu.model.config.OutboxConfig;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.RouteConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationRouterTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Duration REPEAT = Duration.ofHours(4);

    private final List<Mute> mutes = new ArrayList<>();

    private static ReceiverConfig receiver(String name, List<String> dependsOn, String fallback) {
        return new ReceiverConfig(name, new dev.bongsu.model.config.receiver.WebhookSettings("http://127.0.0.1:9/" + name, null), dependsOn, fallback,
                RateLimit.defaults(), 2, Duration.ofSeconds(5));
    }

    private static AlertingConfig config(List<ReceiverConfig> receivers, List<RouteConfig> routes, boolean inhibit) {
        return new AlertingConfig(receivers, routes, List.of(), List.of(), WAIT, INTERVAL, REPEAT, inhibit, List.of(), OutboxConfig.defaults());
    }

    private NotificationRouter router(AlertingConfig cfg) {
        return new NotificationRouter(cfg, Incidents.services(), () -> mutes, "https://status.example.kr");
    }

    private static AlertingConfig oneReceiverConfig(Duration groupWait) {
        return new AlertingConfig(List.of(receiver("oncall", List.of(), null)), List.of(), List.of(), List.of(), groupWait, INTERVAL, REPEAT,
                true, List.of(), OutboxConfig.defaults());
    }

    private NotificationRouter oneReceiver() {
        return router(config(List.of(receiver("oncall", List.of(), null)), List.of(), true));
    }

    private static List<Notification> delivered(List<RoutingDecision> ds) {
        return ds.stream().filter(d -> d instanceof RoutingDecision.Deliver).map(d -> ((RoutingDecision.Deliver) d).notification()).toList();
    }

    private static List<RoutingDecision.Suppress> suppressed(List<RoutingDecision> ds) {
        return ds.stream().filter(d -> d instanceof RoutingDecision.Suppress).map(d -> (RoutingDecision.Suppress) d).toList();
    }

    @Test
    void dataCentreFireIsOneOpenedAndOneResolvedWithoutPerServicePages() {
        NotificationRouter r = oneReceiver();
        List<RoutingDecision> all = new ArrayList<>();
        all.addAll(r.onTransition(transition(service("A", "kakaotalk", 1, IncidentState.OPEN, T0, null)), T0));
        all.addAll(r.onTransition(transition(service("B", "kakaobank", 1, IncidentState.OPEN, T0.plusSeconds(1), null)), T0.plusSeconds(1)));
        // The detector promotes A to a correlated incident and merges B into it.
        all.addAll(r.onTransition(transition(correlated("A", 2, IncidentState.OPEN, T0.plusSeconds(2), "kakaotalk", "kakaobank")),
                T0.plusSeconds(2)));
        all.addAll(r.onTransition(transition(service("B", "kakaobank", 2, IncidentState.RESOLVED, T0.plusSeconds(2), "A")), T0.plusSeconds(2)));
        all.addAll(r.onTransition(transition(correlated("A", 3, IncidentState.OPEN, T0.plusSeconds(3),
                "kakaotalk", "kakaobank", "kakaopay", "kakaomap")), T0.plusSeconds(3)));
        for (int s = 4; s <= 600; s++) {
            all.addAll(r.tick(T0.plusSeconds(s)));
        }
        all.addAll(r.onTransition(transition(correlated("A", 4, IncidentState.RESOLVED, T0.plusSeconds(601),
                "kakaotalk", "kakaobank", "kakaopay", "kakaomap")), T0.plusSeconds(601)));

        List<Notification> sent = delivered(all);
        assertThat(sent).extracting(Notification::eventName).containsExactly("incident.opened", "incident.resolved");
        assertThat(sent.get(0).incident().services()).hasSize(4);
        assertThat(sent.get(0).idempotencyKey()).isEqualTo("A:3");
        assertThat(sent.get(0).createdAt()).isEqualTo(T0.plus(WAIT));
        assertThat(sent.get(0).link()).isEqualTo("https://status.example.kr/incidents/A");
        assertThat(sent.get(1).idempotencyKey()).isEqualTo("A:4");
        assertThat(suppressed(all)).singleElement().satisfies(s -> {
            assertThat(s.incidentId()).isEqualTo("B");
            assertThat(s.reason()).contains("resolved before its first notification");
        });
    }

    @Test
    void memberServiceIncidentsAreInhibitedWhileTheCorrelatedOneIsOpen() {
        NotificationRouter r = oneReceiver();
        r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);
        assertThat(delivered(r.tick(T0.plus(WAIT)))).hasSize(1);

        r.onTransition(transition(service("S", "kakaotalk", 1, IncidentState.OPEN, T0.plusSeconds(10), "C")), T0.plusSeconds(10));
        List<RoutingDecision> d = r.tick(T0.plusSeconds(15));

        assertThat(delivered(d)).isEmpty();
        assertThat(suppressed(d)).singleElement().satisfies(s -> {
            assertThat(s.incidentId()).isEqualTo("S");
            assertThat(s.reason()).startsWith("inhibited by correlated incident C");
        });
        // The correlated incident ends while kakaotalk stays down: its own incident is notified at the next interval.
        r.onTransition(transition(correlated("C", 2, IncidentState.RESOLVED, T0.plusSeconds(30), "kakaotalk", "kakaobank")), T0.plusSeconds(30));
        List<Notification> later = delivered(r.tick(T0.plusSeconds(15).plus(INTERVAL)));
        assertThat(later).singleElement().satisfies(n -> {
            assertThat(n.incident().id()).isEqualTo("S");
            assertThat(n.event()).isEqualTo(TransitionType.OPENED);
        });
    }

    @Test
    void memberIsInhibitedByMembershipEvenWithoutParentId() {
        NotificationRouter r = oneReceiver();
        r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);
        r.onTransition(transition(service("S", "kakaobank", 1, IncidentState.OPEN, T0, null)), T0);

        List<RoutingDecision> d = r.tick(T0.plus(WAIT));

        assertThat(delivered(d)).extracting(n -> n.incident().id()).containsExactly("C");
        assertThat(suppressed(d)).extracting(RoutingDecision.Suppress::incidentId).containsExactly("S");
    }

    @Test
    void inhibitionCanBeTurnedOff() {
        NotificationRouter r = router(config(List.of(receiver("oncall", List.of(), null)), List.of(), false));
        r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);
        r.onTransition(transition(service("S", "kakaobank", 1, IncidentState.OPEN, T0, "C")), T0);

        assertThat(delivered(r.tick(T0.plus(WAIT)))).extracting(n -> n.incident().id()).containsExactlyInAnyOrder("C", "S");
    }

    @Test
    void silenceSuppressesAndRecordsUntilItEnds() {
        NotificationRouter r = oneReceiver();
        mutes.add(new Silence("sil-1", List.of(LabelMatcher.parse("provider=kakao")), T0, T0.plus(Duration.ofMinutes(30)), "kim",
                "DB migration", T0));
        r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);
        r.onTransition(transition(service("N", "navermap", 1, IncidentState.OPEN, T0, null)), T0);

        List<RoutingDecision> d = r.tick(T0.plus(WAIT));

        assertThat(delivered(d)).extracting(n -> n.incident().id()).containsExactly("N");
        assertThat(suppressed(d)).singleElement().satisfies(s -> {
            assertThat(s.incidentId()).isEqualTo("C");
            assertThat(s.reason()).isEqualTo("silenced by sil-1 (provider=kakao, by kim: DB migration)");
        });
        // Still muted a minute later: not recorded again for the same transition.
        assertThat(r.tick(T0.plus(WAIT).plus(INTERVAL))).isEmpty();
        List<RoutingDecision> after = new ArrayList<>();
        for (int m = 2; m <= 32; m++) {
            after.addAll(r.tick(T0.plus(WAIT).plus(Duration.ofMinutes(m))));
        }
        assertThat(delivered(after)).singleElement().satisfies(n -> assertThat(n.eventName()).isEqualTo("incident.opened"));
    }

    @Test
    void resolutionOfANotifiedIncidentIsSentEvenWhenSilencedMeanwhile() {
        NotificationRouter r = oneReceiver();
        r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);
        assertThat(delivered(r.tick(T0.plus(WAIT)))).hasSize(1);
        mutes.add(new Silence("sil-2", List.of(LabelMatcher.parse("service=~kakao.*")), T0, T0.plus(Duration.ofHours(1)), "kim", "noise", T0));

        List<RoutingDecision> d = r.onTransition(transition(correlated("C", 2, IncidentState.RESOLVED, T0.plusSeconds(60),
                "kakaotalk", "kakaobank")), T0.plusSeconds(60));

        assertThat(delivered(d)).extracting(Notification::eventName).containsExactly("incident.resolved");
    }

    @Test
    void maintenanceWindowSuppressesOnlyInsideItsRecurringTime() {
        // Thursdays 15:00-16:00 in Seoul = 06:00-07:00 UTC; T0 is Thursday 2026-10-15 06:33 UTC.
        mutes.add(new MaintenanceMute(new MaintenanceWindow("kakao-weekly", Map.of("provider", List.of("kakao")), null, null,
                Set.of(DayOfWeek.THURSDAY), LocalTime.of(15, 0), Duration.ofHours(1), MaintenanceWindow.DEFAULT_ZONE)));
        NotificationRouter r = oneReceiver();
        r.onTransition(transition(service("K", "kakaopay", 1, IncidentState.OPEN, T0, null)), T0);

        List<RoutingDecision> inside = r.tick(T0.plus(WAIT));
        assertThat(delivered(inside)).isEmpty();
        assertThat(suppressed(inside)).singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo("maintenance window kakao-weekly"));

        NotificationRouter next = oneReceiver();
        Instant weekLater = T0.plus(Duration.ofDays(7)).plus(Duration.ofHours(1));
        next.onTransition(transition(service("K2", "kakaopay", 1, IncidentState.OPEN, weekLater, null)), weekLater);
        assertThat(delivered(next.tick(weekLater.plus(WAIT)))).hasSize(1);
    }

    @Test
    void fallbackGetsTheNotificationWhileTheChannelDependsOnAFailingProvider() {
        NotificationRouter r = router(config(List.of(receiver("kakaowork", List.of("kakao"), "telegram"), receiver("telegram", List.of(), null)),
                List.of(), true));
        r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);
        r.onTransition(transition(service("N", "navermap", 1, IncidentState.OPEN, T0, null)), T0);

        List<Notification> sent = delivered(r.tick(T0.plus(WAIT)));

        assertThat(sent).extracting(n -> n.receiver() + ":" + n.incident().id())
                .containsExactly("kakaowork:C", "telegram:C", "kakaowork:N", "telegram:N");
        assertThat(sent.get(1).notice()).isEqualTo("Also sent to 'telegram' because receiver 'kakaowork' depends on kakao, which is part of"
                + " open incident C (Correlated outage: 2 services, likely cause provider=kakao).");
        assertThat(sent.get(1).idempotencyKey()).isEqualTo("C:1");
        assertThat(sent.get(0).notice()).isNull();
    }

    @Test
    void noFallbackWhileTheDependencyIsHealthy() {
        NotificationRouter r = router(config(List.of(receiver("kakaowork", List.of("kakao"), "telegram"), receiver("telegram", List.of(), null)),
                List.of(), true));
        r.onTransition(transition(service("N", "navermap", 1, IncidentState.OPEN, T0, null)), T0);

        assertThat(delivered(r.tick(T0.plus(WAIT)))).extracting(Notification::receiver).containsExactly("kakaowork");
    }

    @Test
    void probeFaultsSkipServiceRoutesAndGoToTheMonitoringReceivers() {
        RouteConfig everything = new RouteConfig(Map.of(), List.of("oncall"), false, WAIT, INTERVAL, REPEAT);
        NotificationRouter r = router(new AlertingConfig(List.of(receiver("oncall", List.of(), null), receiver("noc", List.of(), null)),
                List.of(everything), List.of(), List.of("noc"), WAIT, INTERVAL, REPEAT, true, List.of(), OutboxConfig.defaults()));
        r.onTransition(transition(probeFault("P", 1, IncidentState.OPEN, T0)), T0);

        assertThat(delivered(r.tick(T0.plus(WAIT)))).extracting(Notification::receiver).containsExactly("noc");
    }

    @Test
    void withoutMonitoringReceiversProbeFaultsReachTheDefaultReceivers() {
        RouteConfig kakao = new RouteConfig(Map.of("provider", List.of("kakao")), List.of("kakao-team"), false, WAIT, INTERVAL, REPEAT);
        NotificationRouter r = router(new AlertingConfig(List.of(receiver("kakao-team", List.of(), null), receiver("oncall", List.of(), null)),
                List.of(kakao), List.of("oncall"), List.of(), WAIT, INTERVAL, REPEAT, true, List.of(), OutboxConfig.defaults()));
        r.onTransition(transition(probeFault("P", 1, IncidentState.OPEN, T0)), T0);
        r.onTransition(transition(blind("B", 1, IncidentState.OPEN, T0)), T0);

        assertThat(delivered(r.tick(T0.plus(WAIT)))).extracting(n -> n.receiver() + ":" + n.incident().id())
                .containsExactly("oncall:P", "oncall:B");
        assertThat(delivered(r.onTransition(transition(blind("B", 2, IncidentState.RESOLVED, T0.plusSeconds(30))), T0.plusSeconds(30))))
                .extracting(n -> n.receiver() + ":" + n.eventName()).containsExactly("oncall:incident.resolved");
    }

    @Test
    void withNothingConfiguredProbeFaultsAreLogged() {
        NotificationRouter r = router(AlertingConfig.defaults());
        List<RoutingDecision> d = r.onTransition(transition(blind("B", 1, IncidentState.OPEN, T0)), T0);

        assertThat(delivered(d)).extracting(Notification::receiver).containsExactly("log");
    }

    /** The detector's "monitoring is blind from every vantage" probe fault. */
    private static Incident blind(String id, int sequence, IncidentState state, Instant at) {
        Incident p = probeFault(id, sequence, state, at);
        Hypothesis h = new Hypothesis("monitoring", "all-vantages",
                new LocalizedText("모든 측정 지점이 응답하지 않습니다", "No vantage reports results: monitoring is blind"), List.of());
        return new Incident(p.id(), p.sequence(), p.kind(), p.state(), p.severity(), p.services(), List.of("seoul-kt", "busan-skb"),
                p.startedAt(), p.updatedAt(), p.resolvedAt(), new LocalizedText("측정 불능", "Monitoring is blind from every vantage"), h,
                null, List.of());
    }

    @Test
    void withoutGroupWaitOneDetectorStepPagesTheCorrelatedIncidentAndInhibitsItsMembers() {
        NotificationRouter r = router(oneReceiverConfig(Duration.ZERO));
        // One detector step: probe faults first, then correlated incidents, then service incidents.
        List<RoutingDecision> step = new ArrayList<>();
        step.addAll(r.onTransition(transition(probeFault("P", 1, IncidentState.OPEN, T0)), T0));
        step.addAll(r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0));
        step.addAll(r.onTransition(transition(service("S1", "kakaotalk", 1, IncidentState.OPEN, T0, "C")), T0));
        step.addAll(r.onTransition(transition(service("S2", "kakaobank", 1, IncidentState.OPEN, T0, "C")), T0));

        assertThat(delivered(step)).extracting(n -> n.receiver() + ":" + n.incident().id() + ":" + n.eventName())
                .containsExactly("oncall:P:incident.opened", "oncall:C:incident.opened");
        assertThat(suppressed(step)).extracting(RoutingDecision.Suppress::incidentId).containsExactly("S1", "S2");
        assertThat(suppressed(step)).allSatisfy(s -> assertThat(s.reason()).startsWith("inhibited by correlated incident C"));
        assertThat(delivered(r.tick(T0.plus(REPEAT)))).as("reminders only, the members stay inhibited")
                .extracting(n -> n.incident().id()).containsExactly("P", "C");
    }

    @Test
    void anExplicitGroupWaitIsStillHonoured() {
        NotificationRouter r = router(oneReceiverConfig(WAIT));

        assertThat(r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk")), T0)).isEmpty();
        assertThat(delivered(r.tick(T0.plus(WAIT)))).hasSize(1);
    }

    @Test
    void aRevisedCauseReachesEachReceiverAsAChangeFromWhatItWasLastTold() {
        NotificationRouter r = router(oneReceiverConfig(Duration.ZERO));
        Incident kakao = correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank");
        assertThat(delivered(r.onTransition(transition(kakao), T0))).singleElement()
                .satisfies(n -> assertThat(n.previousHypothesis()).isNull());

        // Two revisions within one group interval: the receiver hears once, from the cause it was told.
        r.onTransition(transition(Incidents.withCause(correlated("C", 2, IncidentState.OPEN, T0.plusSeconds(10), "kakaotalk", "kakaobank",
                "navermap"), "datacenter", "pangyo", "pangyo")), T0.plusSeconds(10));
        r.onTransition(transition(Incidents.withCause(correlated("C", 3, IncidentState.OPEN, T0.plusSeconds(20), "kakaotalk", "kakaobank",
                "navermap"), "region", "kr-capital", "capital")), T0.plusSeconds(20));
        List<Notification> update = delivered(r.tick(T0.plus(INTERVAL)));

        assertThat(update).singleElement().satisfies(n -> {
            assertThat(n.idempotencyKey()).isEqualTo("C:3");
            assertThat(n.previousHypothesis()).isEqualTo(kakao.hypothesis());
            assertThat(n.causeChanged()).isTrue();
        });
        List<Notification> reminder = delivered(r.tick(T0.plus(INTERVAL).plus(REPEAT)));
        assertThat(reminder).singleElement().satisfies(n -> {
            assertThat(n.previousHypothesis().attribute()).isEqualTo("region");
            assertThat(n.causeChanged()).isFalse();
        });
    }

    @Test
    void alertmanagerHearsOfAnOpenIncidentEveryMinuteEvenWhenSilencedAfterwards() {
        ReceiverConfig am = new ReceiverConfig("am", new dev.bongsu.model.config.receiver.AlertmanagerSettings("http://127.0.0.1:9"), List.of(), null,
                RateLimit.defaults(), 2, Duration.ofSeconds(5));
        RouteConfig slow = new RouteConfig(Map.of(), List.of("am", "oncall"), false, Duration.ZERO, Duration.ofMinutes(5), REPEAT);
        NotificationRouter r = router(new AlertingConfig(List.of(am, receiver("oncall", List.of(), null)), List.of(slow), List.of(), List.of(),
                Duration.ZERO, INTERVAL, REPEAT, true, List.of(), OutboxConfig.defaults()));
        Duration resend = AlertmanagerNotifier.RESEND_INTERVAL;
        assertThat(delivered(r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk")), T0)))
                .extracting(Notification::receiver).containsExactly("am", "oncall");

        // An update is sent to Alertmanager after the resend interval, not the route's 5 min group interval.
        r.onTransition(transition(correlated("C", 2, IncidentState.OPEN, T0.plusSeconds(5), "kakaotalk", "kakaobank")), T0.plusSeconds(5));
        assertThat(delivered(r.tick(T0.plus(resend)))).extracting(n -> n.receiver() + ":" + n.idempotencyKey()).containsExactly("am:C:2");
        mutes.add(new Silence("sil-1", List.of(LabelMatcher.parse("provider=kakao")), T0, T0.plus(Duration.ofHours(1)), "kim", "dc move",
                T0));
        List<Notification> sent = new ArrayList<>();
        for (Instant t = T0.plus(resend); !t.isAfter(T0.plus(Duration.ofMinutes(10))); t = t.plusSeconds(1)) {
            sent.addAll(delivered(r.tick(t)));
        }

        assertThat(sent).extracting(n -> n.receiver() + ":" + n.idempotencyKey()).containsExactly(
                "am:C:2:repeat-1", "am:C:2:repeat-2", "am:C:2:repeat-3", "am:C:2:repeat-4", "am:C:2:repeat-5",
                "am:C:2:repeat-6", "am:C:2:repeat-7", "am:C:2:repeat-8", "am:C:2:repeat-9");
        assertThat(sent.get(0).createdAt()).isEqualTo(T0.plus(resend.multipliedBy(2)));
    }

    @Test
    void routesMatchLabelsFirstMatchWinsUnlessContinue() {
        RouteConfig bank = new RouteConfig(Map.of("category", List.of("bank")), List.of("bank-team"), true, WAIT, INTERVAL, REPEAT);
        RouteConfig kakao = new RouteConfig(Map.of("provider", List.of("kakao")), List.of("kakao-team"), false, WAIT, INTERVAL, REPEAT);
        RouteConfig rest = new RouteConfig(Map.of(), List.of("noc"), false, WAIT, INTERVAL, REPEAT);
        NotificationRouter r = router(config(List.of(receiver("bank-team", List.of(), null), receiver("kakao-team", List.of(), null),
                receiver("noc", List.of(), null)), List.of(bank, kakao, rest), true));
        r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);
        r.onTransition(transition(service("N", "navermap", 1, IncidentState.OPEN, T0, null)), T0);

        assertThat(delivered(r.tick(T0.plus(WAIT)))).extracting(n -> n.receiver() + ":" + n.incident().id())
                .containsExactly("bank-team:C", "kakao-team:C", "noc:N");
    }

    @Test
    void updatesAreCoalescedPerGroupIntervalAndRemindersRepeat() {
        NotificationRouter r = oneReceiver();
        r.onTransition(transition(correlated("C", 1, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);
        assertThat(delivered(r.tick(T0.plus(WAIT)))).hasSize(1);

        assertThat(r.onTransition(transition(correlated("C", 2, IncidentState.OPEN, T0.plusSeconds(10), "kakaotalk", "kakaobank",
                "kakaopay")), T0.plusSeconds(10))).isEmpty();
        assertThat(r.onTransition(transition(correlated("C", 3, IncidentState.OPEN, T0.plusSeconds(20), "kakaotalk", "kakaobank",
                "kakaopay", "kakaomap")), T0.plusSeconds(20))).isEmpty();
        assertThat(r.tick(T0.plus(WAIT).plus(INTERVAL).minusMillis(1))).isEmpty();
        List<Notification> update = delivered(r.tick(T0.plus(WAIT).plus(INTERVAL)));
        assertThat(update).singleElement().satisfies(n -> {
            assertThat(n.eventName()).isEqualTo("incident.updated");
            assertThat(n.idempotencyKey()).isEqualTo("C:3");
        });

        Instant lastSent = T0.plus(WAIT).plus(INTERVAL);
        assertThat(r.tick(lastSent.plus(REPEAT).minusSeconds(1))).isEmpty();
        List<Notification> reminder = delivered(r.tick(lastSent.plus(REPEAT)));
        assertThat(reminder).singleElement().satisfies(n -> {
            assertThat(n.idempotencyKey()).isEqualTo("C:3:repeat-1");
            assertThat(n.repeat()).isEqualTo(1);
            assertThat(n.eventName()).isEqualTo("incident.updated");
        });
    }

    @Test
    void aBlipResolvedWithinGroupWaitIsRecordedNotSent() {
        NotificationRouter r = oneReceiver();
        r.onTransition(transition(service("S", "kakaotalk", 1, IncidentState.OPEN, T0, null)), T0);
        Incident resolved = service("S", "kakaotalk", 2, IncidentState.RESOLVED, T0.plusSeconds(2), null);

        List<RoutingDecision> d = r.onTransition(transition(resolved), T0.plusSeconds(2));

        assertThat(delivered(d)).isEmpty();
        assertThat(suppressed(d)).singleElement().satisfies(s -> assertThat(s.transitionKey()).isEqualTo("S:2"));
        assertThat(r.tick(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void afterARestartAnIncidentAlreadyNotifiedGetsUpdatesNotASecondOpened() {
        NotificationRouter r = oneReceiver();
        r.restoreNotified("oncall", "C");

        List<RoutingDecision> d = r.onTransition(transition(correlated("C", 5, IncidentState.OPEN, T0, "kakaotalk", "kakaobank")), T0);

        assertThat(delivered(d)).singleElement().satisfies(n -> {
            assertThat(n.eventName()).isEqualTo("incident.updated");
            assertThat(n.idempotencyKey()).isEqualTo("C:5");
        });
        assertThat(delivered(r.onTransition(transition(correlated("C", 6, IncidentState.RESOLVED, T0.plusSeconds(1), "kakaotalk")),
                T0.plusSeconds(1)))).extracting(Notification::eventName).containsExactly("incident.resolved");
    }

    @Test
    void afterARestartAnIncidentStillOpenIsRemindedWithoutWaitingForItsNextTransition() {
        NotificationRouter r = oneReceiver();
        r.restoreNotified("oncall", "C");
        r.restoreNotified("oncall", "GONE");
        r.restoreOpen(correlated("C", 5, IncidentState.OPEN, T0, "kakaotalk", "kakaobank"), T0);

        assertThat(r.openIncidents()).extracting(Incident::id).containsExactly("C");
        assertThat(r.tick(T0.plus(REPEAT).minusSeconds(1))).isEmpty();
        assertThat(delivered(r.tick(T0.plus(REPEAT)))).singleElement().satisfies(n -> {
            assertThat(n.eventName()).isEqualTo("incident.updated");
            assertThat(n.idempotencyKey()).isEqualTo("C:5:repeat-1");
        });
    }
}
