package dev.bongsu.statuspage.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionLinksTest {
    private final Subscriber s = new Subscriber(SubscriptionTokens.newId(), Subscriber.Channel.EMAIL, "reader@example.com", "ko",
            SubscriberScope.everything(), SubscriptionTokens.newSecret(), Instant.parse("2022-10-15T06:30:00Z"), null);

    @Test
    void linksCarryTheIdAndAPurposeBoundToken() {
        SubscriptionLinks links = new SubscriptionLinks("https://status.example.kr/");

        assertThat(links.confirmUrl(s)).isEqualTo("https://status.example.kr/subscriptions/confirm?id=" + s.id() + "&token="
                + SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM));
        assertThat(links.unsubscribeUrl(s)).isEqualTo("https://status.example.kr/unsubscribe?id=" + s.id() + "&token="
                + SubscriptionTokens.token(s, SubscriptionTokens.UNSUBSCRIBE));
        assertThat(links.confirmUrl(s)).doesNotContain("reader").doesNotContain(s.secret());
    }

    @Test
    void tokensDependOnTheSecretAndThePurpose() {
        String confirm = SubscriptionTokens.token(s, SubscriptionTokens.CONFIRM);
        Subscriber other = new Subscriber(s.id(), s.channel(), s.address(), s.lang(), s.scope(), SubscriptionTokens.newSecret(),
                s.createdAt(), null);

        assertThat(confirm).matches("[A-Za-z0-9_-]{43}");
        assertThat(SubscriptionTokens.matches(s, SubscriptionTokens.CONFIRM, confirm)).isTrue();
        assertThat(SubscriptionTokens.matches(s, SubscriptionTokens.UNSUBSCRIBE, confirm)).isFalse();
        assertThat(SubscriptionTokens.matches(other, SubscriptionTokens.CONFIRM, confirm)).isFalse();
        assertThat(SubscriptionTokens.matches(s, SubscriptionTokens.CONFIRM, null)).isFalse();
        assertThat(SubscriptionTokens.matches(s, SubscriptionTokens.CONFIRM, confirm.substring(1))).isFalse();
    }
}
