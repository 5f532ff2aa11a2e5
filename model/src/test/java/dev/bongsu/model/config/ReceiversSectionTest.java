package dev.bongsu.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bongsu.model.config.receiver.EmailSettings;
import dev.bongsu.model.config.receiver.LogSettings;
import dev.bongsu.model.config.receiver.ReceiverKinds;
import dev.bongsu.model.config.receiver.ReceiverSettings;
import dev.bongsu.model.config.receiver.SlackSettings;
import dev.bongsu.model.config.receiver.TelegramSettings;
import dev.bongsu.model.config.receiver.WebhookSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code alerting.receivers}: each kind's settings in its own record, the e-mail receiver, and its errors. */
class ReceiversSectionTest {
    private static final String SERVICES = """
            services:
              - {id: kakaotalk, name: KakaoTalk, provider: kakao, category: messenger, checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
            """;
    private static final String SMTP = "smtp: {host: 127.0.0.1, port: 2525, startTls: disabled, from: \"Bongsu <bongsu@example.com>\"}\n";

    private final ConfigLoader loader = new ConfigLoader(Map.of("TG_TOKEN", "123456:ABC-def_1"));

    private static Path fixture(String name) {
        try {
            return Path.of(ReceiversSectionTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyKindOfTheSealedSettingsIsRegisteredOnceUnderItsOwnTypeName() {
        List<Class<?>> permitted = Arrays.asList(ReceiverSettings.class.getPermittedSubclasses());
        assertThat(ReceiverKinds.all()).hasSameSizeAs(permitted);
        assertThat(ReceiverKinds.types()).doesNotHaveDuplicates()
                .containsExactly("webhook", "slack", "pagerduty", "telegram", "alertmanager", "log", "email");
    }

    @Test
    void eachReceiverGetsTheSettingsRecordOfItsKind() {
        AlertingConfig a = loader.parse("t.yaml", SERVICES + SMTP + """
                alerting:
                  receivers:
                    - {name: hook, type: webhook, url: "http://127.0.0.1:9/hook", signature: legacy, secret: 0123456789abcdef}
                    - {name: chat, type: slack, url: "https://hooks.slack.com/services/T/B/x"}
                    - {name: tg, type: telegram, botToken: "${TG_TOKEN}", chatId: "-100123"}
                    - {name: mail, type: email, to: [oncall@example.com, noc@example.com], lang: ko, subjectPrefix: "[NOC]", timeout: 20s}
                    - {name: quiet, type: log}
                """).alerting();

        assertThat(a.receiver("hook").orElseThrow().settings()).isEqualTo(new WebhookSettings("http://127.0.0.1:9/hook", "0123456789abcdef", true));
        assertThat(a.receiver("chat").orElseThrow().settings()).isInstanceOf(SlackSettings.class);
        assertThat(a.receiver("tg").orElseThrow().settings()).isEqualTo(new TelegramSettings(TelegramSettings.DEFAULT_URL, "123456:ABC-def_1", "-100123"));
        assertThat(a.receiver("mail").orElseThrow().settings()).isEqualTo(
                new EmailSettings(List.of("oncall@example.com", "noc@example.com"), "[NOC]", EmailSettings.Language.KO));
        assertThat(a.receiver("mail").orElseThrow().timeout()).hasSeconds(20);
        assertThat(a.receiver("quiet").orElseThrow().settings()).isEqualTo(new LogSettings());
        assertThat(a.receiver("tg").orElseThrow().toString()).doesNotContain("ABC-def");
        assertThat(a.receiver("tg").orElseThrow().secrets()).contains("123456:ABC-def_1");
    }

    @Test
    void anEmailReceiverWritesBothLanguagesWithTheDefaultPrefixUnlessToldOtherwise() {
        AlertingConfig a = loader.parse("t.yaml", SERVICES + SMTP + """
                alerting:
                  receivers:
                    - {name: mail, type: email, to: oncall@example.com}
                """).alerting();

        EmailSettings mail = a.receiver("mail").orElseThrow().settings(EmailSettings.class).orElseThrow();
        assertThat(mail).isEqualTo(new EmailSettings(List.of("oncall@example.com")));
        assertThat(mail.subjectPrefix()).isEqualTo("[Bongsu]");
        assertThat(mail.lang()).isEqualTo(EmailSettings.Language.BOTH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            bad-alerting-email-no-smtp.yaml  | bad-alerting-email-no-smtp.yaml:6: alerting.receivers[0].type: an email receiver needs the top-level smtp section (host, port, from) to send through
            bad-alerting-email-address.yaml  | bad-alerting-email-address.yaml:10: alerting.receivers[0].to[1]: expected an e-mail address such as oncall@example.com, found 'noc at example.com'
            bad-alerting-email-lang.yaml     | bad-alerting-email-lang.yaml:9: alerting.receivers[0].lang: expected one of ko, en, both, found 'jp'
            bad-alerting-email-key.yaml      | bad-alerting-email-key.yaml:9: alerting.receivers[0].url: unknown key; expected one of name, type, dependsOn, fallback, rateLimit, burst, concurrency, timeout, to, subjectPrefix, lang
            """)
    void aBadEmailReceiverIsRefusedWithFileLineAndKey(String file, String message) {
        assertThatThrownBy(() -> loader.load(fixture(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(message);
    }
}
