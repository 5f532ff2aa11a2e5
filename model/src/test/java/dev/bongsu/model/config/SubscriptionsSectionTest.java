package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionsSectionTest {
    private static final String SERVICES = """
            services:
              - {id: a, name: A, provider: p, category: c, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void withoutTheSectionTheDefaultsApply() {
        SubscriptionsConfig s = loader.parse("d.yaml", SERVICES).statusPage().subscriptions();

        assertThat(s).isEqualTo(SubscriptionsConfig.defaults());
        assertThat(s.enabled()).isTrue();
        assertThat(s.confirmWithin()).isEqualTo(Duration.ofHours(48));
        assertThat(s.pendingPerClientPerHour()).isEqualTo(5);
        assertThat(s.maxPending()).isEqualTo(10_000);
        assertThat(s.privateWebhooks()).isFalse();
    }

    @Test
    void everySettingIsRead() {
        SubscriptionsConfig s = loader.parse("s.yaml", """
                statusPage:
                  subscriptions:
                    enabled: false
                    perSubscriber: {permits: 20, per: 30m, burst: 3}
                    confirmWithin: 24h
                    pendingPerClientPerHour: 2
                    maxPending: 500
                    privateWebhooks: true
                """ + SERVICES).statusPage().subscriptions();

        assertThat(s).isEqualTo(new SubscriptionsConfig(false, new RateLimit(20, Duration.ofMinutes(30), 3), Duration.ofHours(24), 2, 500, true));
    }

    @Test
    void aPartialRateKeepsTheOtherDefaults() {
        SubscriptionsConfig s = loader.parse("p.yaml", """
                statusPage:
                  subscriptions: {perSubscriber: {permits: 4}}
                """ + SERVICES).statusPage().subscriptions();

        assertThat(s.perSubscriber()).isEqualTo(new RateLimit(4, Duration.ofHours(1), 5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {enabled: perhaps}            | b.yaml:3: statusPage.subscriptions.enabled: expected true or false, found 'perhaps'
            {confirmWithin: 1s}           | b.yaml:3: statusPage.subscriptions.confirmWithin: expected a duration from 5m to 30d
            {maxPending: 0}               | b.yaml:3: statusPage.subscriptions.maxPending: expected
            {perSubscriber: {rate: 3}}    | b.yaml:3: statusPage.subscriptions.perSubscriber.rate: unknown key; expected one of permits, per, burst
            {confirmwithin: 2h}           | b.yaml:3: statusPage.subscriptions.confirmwithin: unknown key; expected one of enabled, perSubscriber, confirmWithin
            """)
    void badSettingsNameTheKey(String section, String message) {
        assertThatThrownBy(() -> loader.parse("b.yaml", "statusPage:\n  title: T\n  subscriptions: " + section + "\n" + SERVICES))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }
}
