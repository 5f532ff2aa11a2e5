package dev.bongsu.statuspage.subscribe.delivery;

import static dev.bongsu.statuspage.subscribe.delivery.DeliveryFixtures.KAKAO;
import static dev.bongsu.statuspage.subscribe.delivery.DeliveryFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.TransitionType;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One notice per correlated incident transition, never one per member; lone service incidents after a debounce. */
class IncidentAnnouncerTest {
    private static final Duration DEBOUNCE = Duration.ofSeconds(10);
    private final IncidentAnnouncer announcer = new IncidentAnnouncer(new PublicView(DeliveryFixtures.config("", "/tmp/unused")), DEBOUNCE);

    private List<PublicNotice> feed(List<IncidentTransition> ts, Instant now) {
        List<PublicNotice> out = new ArrayList<>();
        ts.forEach(t -> out.addAll(announcer.accept(t, now)));
        return out;
    }

    @Test
    void aFireWithFourMembersIsAnnouncedOnceWhenItOpensAndOnceWhenItResolves() {
        List<PublicNotice> notices = feed(DeliveryFixtures.fire("g1"), T0);
        notices.addAll(announcer.due(T0.plus(Duration.ofHours(2))));

        assertThat(notices).extracting(PublicNotice::key).containsExactly("incident:g1:opened", "incident:g1:resolved");
        PublicNotice opened = notices.get(0);
        assertThat(opened.event()).isEqualTo("incident.opened");
        assertThat(opened.services()).containsExactlyElementsOf(KAKAO);
        assertThat(opened.path()).isEqualTo("/incidents/g1");
        assertThat(opened.title().ko()).contains("4");
        assertThat(opened.text().en()).contains("kakao");
        assertThat(notices.get(1).event()).isEqualTo("incident.resolved");
        assertThat(notices.get(1).text()).isNull();
    }

    @Test
    void servicesJoiningLaterAreOneUpdateAndTheSameTransitionSeenAgainIsNothingNew() {
        feed(List.of(new IncidentTransition(TransitionType.OPENED, DeliveryFixtures.group("g1", 1, true, KAKAO.subList(0, 2), T0))), T0);

        List<PublicNotice> more = feed(List.of(
                new IncidentTransition(TransitionType.UPDATED, DeliveryFixtures.group("g1", 2, true, KAKAO.subList(0, 2), T0)),
                new IncidentTransition(TransitionType.UPDATED, DeliveryFixtures.group("g1", 3, true, KAKAO, T0)),
                new IncidentTransition(TransitionType.UPDATED, DeliveryFixtures.group("g1", 4, true, KAKAO, T0))), T0);

        assertThat(more).extracting(PublicNotice::key, PublicNotice::event).containsExactly(
                org.assertj.core.groups.Tuple.tuple("incident:g1:services-4", "incident.updated"));
    }

    @Test
    void aLoneServiceIncidentIsAnnouncedAfterTheDebounceAndItsResolutionToo() {
        var open = DeliveryFixtures.service("s1", "naverpay", 1, true, null, T0);
        assertThat(announcer.accept(new IncidentTransition(TransitionType.OPENED, open), T0)).isEmpty();
        assertThat(announcer.due(T0.plus(DEBOUNCE).minusMillis(1))).isEmpty();
        assertThat(announcer.nextDue()).isEqualTo(T0.plus(DEBOUNCE));

        assertThat(announcer.due(T0.plus(DEBOUNCE))).extracting(PublicNotice::key).containsExactly("incident:s1:opened");
        var resolved = DeliveryFixtures.service("s1", "naverpay", 2, false, null, T0.plusSeconds(600));
        assertThat(announcer.accept(new IncidentTransition(TransitionType.RESOLVED, resolved), T0.plusSeconds(600)))
                .extracting(PublicNotice::key).containsExactly("incident:s1:resolved");
    }

    @Test
    void aServiceIncidentThatJoinsAGroupWithinTheDebounceIsNeverAnnouncedOnItsOwn() {
        announcer.accept(new IncidentTransition(TransitionType.OPENED, DeliveryFixtures.service("s1", "kakaotalk", 1, true, null, T0)), T0);
        announcer.accept(new IncidentTransition(TransitionType.UPDATED, DeliveryFixtures.service("s1", "kakaotalk", 2, true, "g1", T0)),
                T0.plusSeconds(3));

        assertThat(announcer.due(T0.plus(DEBOUNCE).plusSeconds(1))).isEmpty();
        assertThat(announcer.accept(new IncidentTransition(TransitionType.RESOLVED,
                DeliveryFixtures.service("s1", "kakaotalk", 3, false, "g1", T0.plusSeconds(60))), T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void aLoneIncidentAnnouncedBeforeJoiningAGroupStillHasItsResolutionAnnounced() {
        announcer.accept(new IncidentTransition(TransitionType.OPENED, DeliveryFixtures.service("s1", "kakaotalk", 1, true, null, T0)), T0);
        assertThat(announcer.due(T0.plus(DEBOUNCE))).hasSize(1);
        announcer.accept(new IncidentTransition(TransitionType.UPDATED, DeliveryFixtures.service("s1", "kakaotalk", 2, true, "g1", T0)),
                T0.plusSeconds(30));

        assertThat(announcer.accept(new IncidentTransition(TransitionType.RESOLVED,
                DeliveryFixtures.service("s1", "kakaotalk", 3, false, "g1", T0.plusSeconds(90))), T0.plusSeconds(90)))
                .extracting(PublicNotice::key).containsExactly("incident:s1:resolved");
    }

    @Test
    void aBlipResolvedWithinTheDebounceAndProbeFaultsAreNeverAnnounced() {
        announcer.accept(new IncidentTransition(TransitionType.OPENED, DeliveryFixtures.service("s1", "naverpay", 1, true, null, T0)), T0);
        assertThat(announcer.accept(new IncidentTransition(TransitionType.RESOLVED,
                DeliveryFixtures.service("s1", "naverpay", 2, false, null, T0.plusSeconds(5))), T0.plusSeconds(5))).isEmpty();
        assertThat(announcer.accept(new IncidentTransition(TransitionType.OPENED, DeliveryFixtures.probeFault("p1", T0)), T0)).isEmpty();

        assertThat(announcer.due(T0.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void afterARestartTheResolutionOfAnAnnouncedOpeningIsAnnouncedAndOfAnUnannouncedOneIsNot() {
        announcer.restore(List.of("g1"));

        assertThat(announcer.accept(new IncidentTransition(TransitionType.RESOLVED, DeliveryFixtures.group("g1", 5, false, KAKAO, T0)), T0))
                .extracting(PublicNotice::key).containsExactly("incident:g1:resolved");
        assertThat(announcer.accept(new IncidentTransition(TransitionType.RESOLVED, DeliveryFixtures.group("g2", 5, false, KAKAO, T0)), T0))
                .isEmpty();
    }
}
