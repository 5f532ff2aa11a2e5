package dev.bongsu.alerting.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.alerting.support.Notifications;
import dev.bongsu.model.Acknowledgement;
import dev.bongsu.model.config.SmtpConfig;
import dev.bongsu.model.config.receiver.EmailSettings;
import dev.bongsu.model.config.receiver.EmailSettings.Language;
import io.vertx.ext.mail.MailMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The on-call e-mail: subject, both languages, links, and a Message-ID that stays the same for the same notification. */
class EmailMessagesTest {
    private static final SmtpConfig SMTP = new SmtpConfig("mail.example.com", 587, SmtpConfig.StartTls.REQUIRED, false, null, null,
            "Bongsu <bongsu@status.example.kr>", "noc@example.kr", Duration.ofSeconds(30));
    private static final String ACK = "https://status.example.kr/api/v1/ack/01JABCDEF?exp=1&sig=abc";
    private static final EmailSettings BOTH = new EmailSettings(List.of("oncall@example.kr", "noc@example.kr"));

    private final EmailMessages messages = new EmailMessages(SMTP);

    @Test
    void theSubjectNamesWhatHappenedInKoreanAndEnglish() {
        assertThat(EmailMessages.subject(Notifications.opened(), BOTH))
                .isEqualTo("[Bongsu] OPENED: 연관 장애: 카카오 / Correlated outage: 2 services, likely cause provider=kakao");
        assertThat(EmailMessages.subject(Notifications.resolved(), new EmailSettings(List.of("a@example.kr"), "[NOC]", Language.KO)))
                .isEqualTo("[NOC] 해소: 연관 장애: pangyo");
        assertThat(EmailMessages.subject(Notifications.updated(), new EmailSettings(List.of("a@example.kr"), "[Bongsu]", Language.EN)))
                .isEqualTo("[Bongsu] UPDATED: Correlated outage: 4 services, likely cause datacenter=pangyo");
    }

    @Test
    void theBodyCarriesTheSameFactsInBothLanguagesWithTheIncidentAndAcknowledgementLinks() {
        MailMessage m = messages.of(Notifications.updated().withAck(ACK, null), BOTH);
        String text = m.getText();

        assertThat(m.getTo()).containsExactly("oncall@example.kr", "noc@example.kr");
        assertThat(m.getFrom()).isEqualTo("Bongsu <bongsu@status.example.kr>");
        assertThat(text).contains("[변경] 연관 장애: pangyo", "서비스: kakaotalk, kakaobank, kakaopay, kakaomap",
                "추정 원인 변경: provider=kakao → datacenter=pangyo", "사건 페이지: " + Notifications.LINK, "확인(ack) 링크: " + ACK);
        assertThat(text).contains("[UPDATED] Correlated outage: 4 services", "Likely cause changed: provider=kakao → datacenter=pangyo",
                "Incident: " + Notifications.LINK, "Acknowledge: " + ACK);
        assertThat(text.indexOf("[변경]")).isLessThan(text.indexOf("[UPDATED]"));
        assertThat(text).contains("incident 01JABCDEF · #2");
        assertThat(m.getHeaders().get("Reply-To")).isEqualTo("noc@example.kr");
        assertThat(m.getHeaders().get("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(m.getHeaders().get("X-Bongsu-Event")).isEqualTo("incident.updated");
    }

    @Test
    void anAcknowledgedIncidentSaysWhoInsteadOfOfferingTheLink() {
        Acknowledgement ack = new Acknowledgement("01JABCDEF", "kim", Instant.parse("2026-10-15T06:40:00Z"), "link");
        String text = EmailMessages.body(Notifications.updated().withAck(ACK, ack), BOTH);

        assertThat(text).contains("확인: kim (2026-10-15T06:40:00Z)", "Acknowledged by kim at 2026-10-15T06:40:00Z").doesNotContain(ACK);
    }

    @Test
    void oneLanguageOnlyWhenAsked() {
        String en = EmailMessages.body(Notifications.opened(), new EmailSettings(List.of("a@example.kr"), "[Bongsu]", Language.EN));
        String ko = EmailMessages.body(Notifications.opened(), new EmailSettings(List.of("a@example.kr"), "[Bongsu]", Language.KO));

        assertThat(en).contains("[OPENED]").doesNotContain("[발생]", "심각도");
        assertThat(ko).contains("[발생]", "심각도: critical").doesNotContain("[OPENED]", "Severity");
    }

    @Test
    void theMessageIdIsTheSameForTheSameNotificationAndDiffersOtherwise() {
        String first = messages.of(Notifications.opened(), BOTH).getHeaders().get("Message-ID");
        String again = messages.of(Notifications.opened(), BOTH).getHeaders().get("Message-ID");
        String other = messages.of(Notifications.updated(), BOTH).getHeaders().get("Message-ID");

        assertThat(first).isEqualTo(again).matches("<[0-9a-f]{40}\\.bongsu@status\\.example\\.kr>").isNotEqualTo(other);
        assertThat(messages.of(Notifications.opened(), BOTH).getHeaders().get("References"))
                .isEqualTo(messages.of(Notifications.resolved(), BOTH).getHeaders().get("References"));
    }
}
