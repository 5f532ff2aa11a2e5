package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.config.receiver.PagerDutySettings;
import dev.bongsu.model.config.receiver.TelegramSettings;
import dev.bongsu.model.config.receiver.WebhookSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertingSectionTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("WEBHOOK_SECRET", "0123456789abcdef-secret"));

    private static Path fixture(String name) {
        try {
            return Path.of(AlertingSectionTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutAlertingSectionOnlyTheLogReceiverExists() {
        AlertingConfig a = loader.load(fixture("minimal.yaml")).alerting();

        assertThat(a).isEqualTo(AlertingConfig.defaults());
        assertThat(a.effectiveReceivers()).extracting(ReceiverConfig::name).containsExactly("log");
        assertThat(a.effectiveDefaultReceivers()).containsExactly("log");
        assertThat(a.effectiveMonitoringReceivers()).containsExactly("log");
        assertThat(a.groupWait()).isZero();
        assertThat(a.groupInterval()).as("twice the 30 s default check interval").isEqualTo(Duration.ofMinutes(1));
        assertThat(a.repeatInterval()).isEqualTo(Duration.ofHours(4));
        assertThat(a.inhibit()).isTrue();
        assertThat(a.outbox()).isEqualTo(OutboxConfig.defaults());
    }

    @ParameterizedTest(name = "smallest check interval {0} -> groupInterval {1}")
    @CsvSource(textBlock = """
            15s,  30s
            5s,   10s
            300ms, 1s
            2m,   4m
            10m,  5m
            """)
    void defaultGroupIntervalIsTwiceTheSmallestCheckIntervalWithinOneSecondAndFiveMinutes(String smallest, String expected) {
        AlertingConfig a = loader.parse("intervals.yaml", """
                services:
                  - id: kakaotalk
                    name: KakaoTalk
                    provider: kakao
                    category: messenger
                    checks:
                      - {type: tcp, host: 127.0.0.1, port: 1, interval: 1h, timeout: 1s}
                      - {type: http, url: "http://127.0.0.1:9/", interval: %s, timeout: 100ms}
                """.formatted(smallest)).alerting();

        assertThat(a.groupInterval()).isEqualTo(Durations.parse(expected));
        assertThat(a.groupWait()).isZero();
        assertThat(a.repeatInterval()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void configuredGroupingIsHonouredOverTheDerivedDefaults() {
        AlertingConfig a = loader.parse("grouping.yaml", """
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger,
                     checks: [{type: tcp, host: 127.0.0.1, port: 1, interval: 5s, timeout: 1s}]}
                alerting:
                  groupWait: 3s
                  groupInterval: 2m
                  routes:
                    - {match: {provider: kakao}, receivers: [log], groupWait: 1s}
                    - {receivers: [log]}
                """).alerting();

        assertThat(a.groupWait()).isEqualTo(Duration.ofSeconds(3));
        assertThat(a.groupInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.routes().get(0).groupWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(a.routes().get(0).groupInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.routes().get(1).groupWait()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void probeFaultsGoToTheDefaultReceiversUnlessMonitoringReceiversAreSet() {
        String yaml = """
                services:
                  - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger,
                     checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                alerting:
                  receivers:
                    - {name: hook, type: webhook, url: "http://127.0.0.1:9/hook"}
                    - {name: noc, type: webhook, url: "http://127.0.0.1:9/noc"}
                """;
        AlertingConfig defaults = loader.parse("defaults.yaml", yaml).alerting();
        AlertingConfig monitoring = loader.parse("monitoring.yaml", yaml + "  monitoringReceivers: [noc]\n").alerting();

        assertThat(defaults.effectiveMonitoringReceivers()).containsExactly("hook", "noc");
        assertThat(monitoring.effectiveMonitoringReceivers()).containsExactly("noc");
        assertThat(monitoring.effectiveDefaultReceivers()).containsExactly("hook", "noc");
    }

    @Test
    void fullSectionIsRead() {
        AlertingConfig a = loader.load(fixture("alerting-full.yaml")).alerting();

        assertThat(a.receivers()).extracting(ReceiverConfig::name)
                .containsExactly("oncall-webhook", "oncall-kakaowork", "oncall-telegram", "pd", "am");
        ReceiverConfig hook = a.receiver("oncall-webhook").orElseThrow();
        assertThat(hook.type()).isEqualTo("webhook");
        assertThat(hook.settings(WebhookSettings.class).orElseThrow().secret()).isEqualTo("0123456789abcdef-secret");
        assertThat(hook.toString()).doesNotContain("secret-", "hooks.example");
        ReceiverConfig slack = a.receiver("oncall-kakaowork").orElseThrow();
        assertThat(slack.dependsOn()).containsExactly("kakao");
        assertThat(slack.fallback()).isEqualTo("oncall-telegram");
        assertThat(slack.rateLimit()).isEqualTo(new RateLimit(1, Duration.ofSeconds(1), 3));
        assertThat(a.receiver("pd").orElseThrow().settings(PagerDutySettings.class).orElseThrow().url()).isEqualTo("https://events.pagerduty.com/v2/enqueue");
        assertThat(a.receiver("pd").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(a.receiver("oncall-telegram").orElseThrow().settings(TelegramSettings.class).orElseThrow().url()).isEqualTo("https://api.telegram.org");
        assertThat(a.effectiveReceivers()).extracting(ReceiverConfig::name).endsWith("log");
        assertThat(a.effectiveDefaultReceivers()).containsExactly("oncall-webhook", "oncall-kakaowork", "pd", "am");

        assertThat(a.routes()).hasSize(3);
        RouteConfig kakao = a.routes().get(1);
        assertThat(kakao.match()).isEqualTo(Map.of("provider", List.of("kakao"), "severity", List.of("critical")));
        assertThat(kakao.continueMatching()).isTrue();
        assertThat(kakao.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(kakao.repeatInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(a.routes().get(2).match()).isEmpty();

        MaintenanceWindow weekly = a.maintenance().get(0);
        assertThat(weekly.days()).isEqualTo(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
        assertThat(weekly.at()).isEqualTo(LocalTime.of(2, 0));
        assertThat(weekly.timeZone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        MaintenanceWindow once = a.maintenance().get(1);
        assertThat(once.start()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(a.outbox().maxAge()).isEqualTo(Duration.ofHours(12));
        assertThat(a.outbox().maxAttempts()).isEqualTo(100);
        assertThat(a.outbox().initialBackoff()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aWindowWithATitleIsPublicWithAStableIdAndOneWithoutOnlyMutes() {
        AlertingConfig a = loader.load(fixture("alerting-public-window.yaml")).alerting();
        MaintenanceWindow kakao = a.maintenance().get(0);
        MaintenanceWindow quiet = a.maintenance().get(1);

        assertThat(kakao.isPublic()).isTrue();
        assertThat(kakao.title().en()).isEqualTo("Kakao planned maintenance");
        assertThat(kakao.description().ko()).isEqualTo("점검 중에는 접속이 안 됩니다.");
        assertThat(kakao.id()).isEqualTo(MaintenanceWindow.idFor("kakao db upgrade"));
        assertThat(kakao.start()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(quiet.isPublic()).isFalse();
        assertThat(quiet.days()).hasSize(7);
    }

    @Test
    void recurringWindowIsActiveInItsTimeZone() {
        AlertingConfig a = loader.load(fixture("alerting-full.yaml")).alerting();
        MaintenanceWindow weekly = a.maintenance().get(0);

        // Tuesday 2026-12-01 02:30 in Seoul is Monday 17:30 UTC.
        assertThat(weekly.activeAt(Instant.parse("2026-11-30T17:30:00Z"))).isTrue();
        assertThat(weekly.activeAt(Instant.parse("2026-11-30T16:59:59Z"))).isFalse();
        assertThat(weekly.activeAt(Instant.parse("2026-11-30T19:00:00Z"))).isFalse();
        // Wednesday 02:30 in Seoul.
        assertThat(weekly.activeAt(Instant.parse("2026-12-01T17:30:00Z"))).isFalse();
    }

    @Test
    void windowCrossingMidnightStaysActiveNextDay() {
        MaintenanceWindow late = new MaintenanceWindow("late", Map.of(), null, null, Set.of(DayOfWeek.SUNDAY), LocalTime.of(23, 0),
                Duration.ofHours(3), ZoneId.of("UTC"));

        assertThat(late.activeAt(Instant.parse("2026-11-30T01:00:00Z"))).isTrue(); // Monday 01:00
        assertThat(late.activeAt(Instant.parse("2026-11-30T02:00:00Z"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-alerting-type.yaml          | bad-alerting-type.yaml:6: alerting.receivers[0].type: expected one of webhook, slack, pagerduty, telegram, alertmanager, log, email, found 'smoke-signal'
            bad-alerting-url.yaml           | bad-alerting-url.yaml:7: alerting.receivers[0].url: expected an absolute http:// or https:// URL (value not shown)
            bad-alerting-key.yaml           | bad-alerting-key.yaml:8: alerting.receivers[0].routingKey: unknown key; expected one of name, type, dependsOn, fallback, rateLimit, burst, concurrency, timeout, url, secret, signature
            bad-alerting-missing-routing-key.yaml | bad-alerting-missing-routing-key.yaml:5: alerting.receivers[0].routingKey: required key is missing
            bad-alerting-fallback.yaml      | bad-alerting-fallback.yaml:8: alerting.receivers[0].fallback: expected the name of another receiver (hook, log), found 'nowhere'
            bad-alerting-depends-on.yaml    | bad-alerting-depends-on.yaml:8: alerting.receivers[0].dependsOn[0]: expected a provider or service id of this config (kakao, kakaotalk), found 'kakoa'
            bad-alerting-route-kind.yaml    | bad-alerting-route-kind.yaml:5: alerting.routes[0].match.kind: expected one of service, correlated, probe_fault, found 'outage'
            bad-alerting-route-receiver.yaml | bad-alerting-route-receiver.yaml:6: alerting.routes[0].receivers[0]: expected a receiver name (log), found 'pager'
            bad-alerting-window-time.yaml   | bad-alerting-window-time.yaml:7: alerting.maintenance[0].at: expected a local time such as 02:00, found '25:00'
            bad-alerting-window-public.yaml | bad-alerting-window-public.yaml:6: alerting.maintenance[0].public: a public maintenance window needs a title (ko and en, or one text for both)
            bad-alerting-window-kind.yaml   | bad-alerting-window-kind.yaml:5: alerting.maintenance[0]: expected either start and end (one-off) or days, at and duration (recurring)
            bad-alerting-rate.yaml          | bad-alerting-rate.yaml:8: alerting.receivers[0].rateLimit: expected a rate such as 1/s, 30/m or 100/h, found 'fast'
            bad-alerting-unknown-key.yaml   | bad-alerting-unknown-key.yaml:4: alerting.recievers: unknown key; expected one of receivers, routes, defaultReceivers, monitoringReceivers, groupWait, groupInterval, repeatInterval, inhibit, maintenance, outbox, ack
            bad-alerting-secret.yaml        | bad-alerting-secret.yaml:8: alerting.receivers[0].secret: expected a secret of at least 16 characters (value not shown)
            bad-alerting-signature.yaml     | bad-alerting-signature.yaml:8: alerting.receivers[0].signature: expected one of v1, legacy, found 'sha1'
            bad-alerting-duplicate.yaml     | bad-alerting-duplicate.yaml:8: alerting.receivers[1].name: duplicate receiver name 'hook' (first at line 5)
            """)
    void badAlertingConfigIsRejectedWithFileLineKeyAndValue(String file, String message) {
        assertThatThrownBy(() -> loader.load(fixture(file)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith(message))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-host", "token-abc", "short"));
    }

    @Test
    void theFullExampleOfTheAlertingDocIsValid() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(Path.of("..", "docs", "ALERTING.md"));
        String section = doc.substring(doc.indexOf("## A full example"));
        String yaml = section.substring(section.indexOf("```yaml") + 7, section.indexOf("```", section.indexOf("```yaml") + 7));
        ConfigLoader withEnv = new ConfigLoader(Map.of("BONGSU_ADMIN_TOKEN", "0123456789abcdef-token",
                "ONCALL_WEBHOOK_URL", "https://hooks.example.kr/bongsu", "ONCALL_WEBHOOK_SECRET", "0123456789abcdef-secret",
                "KAKAOWORK_WEBHOOK", "https://kakaowork.example/hook", "TELEGRAM_TOKEN", "123:abc",
                "PD_ROUTING_KEY", "R0UT1NG", "NOC_SLACK_WEBHOOK", "https://hooks.slack.com/services/T/B/X"));

        AlertingConfig a = withEnv.parse("ALERTING.md", yaml).alerting();

        assertThat(a.receivers()).hasSize(6);
        assertThat(a.routes()).hasSize(4);
        assertThat(a.groupWait()).isZero();
        assertThat(a.groupInterval()).as("twice the default 30 s check interval").isEqualTo(Duration.ofMinutes(1));
        assertThat(a.routes().get(2).repeatInterval()).isEqualTo(Duration.ofHours(4));
        assertThat(a.effectiveDefaultReceivers()).doesNotContain("oncall-telegram");
    }
}
