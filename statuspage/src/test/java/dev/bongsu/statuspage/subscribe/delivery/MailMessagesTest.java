package dev.bongsu.statuspage.subscribe.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.model.LocalizedText;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.statuspage.publicview.PublicView;
import dev.bongsu.statuspage.subscribe.PublicNotice;
import dev.bongsu.statuspage.subscribe.SubscriberScope;
import io.vertx.ext.mail.MailMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The subscription e-mails as built, before any server sees them. */
class MailMessagesTest {
    private final BongsuConfig cfg = DeliveryFixtures.config(
            "smtp: {host: 127.0.0.1, port: 2525, startTls: disabled, from: status@status.example.com, replyTo: noc@example.com}", "/tmp/unused");
    private final MailMessages messages = new MailMessages(cfg.smtp(), new PublicView(cfg));

    @Test
    void aTitleWithLineBreaksCannotAddHeaders() {
        PublicNotice n = new PublicNotice("operator:x:opened", "x", "incident.opened", List.of(),
                new LocalizedText("결제 지연\r\nBcc: victim@example.com", "Payments delayed\nBcc: victim@example.com"), null, "/incidents/x",
                DeliveryFixtures.T0);

        MailMessage m = messages.notice(DeliveryFixtures.email("s1", "reader@example.com", "en", SubscriberScope.everything()), n,
                "https://status.example.com/incidents/x", "https://status.example.com/unsubscribe?id=s1&token=t");

        assertThat(m.getSubject()).isEqualTo("Payments delayed Bcc: victim@example.com").doesNotContain("\r", "\n");
        assertThat(m.getBcc()).isNull();
        assertThat(m.getTo()).containsExactly("reader@example.com");
        assertThat(m.getHeaders().get("Reply-To")).isEqualTo("noc@example.com");
        assertThat(m.getText()).contains("It began at 2026-10-15 15:19 KST.");
    }

    @Test
    void theMessageIdIsTheSameForTheSameSubscriberAndNoticeAndDiffersOtherwise() {
        assertThat(messages.messageId("s1", "incident:g1:opened")).isEqualTo(messages.messageId("s1", "incident:g1:opened"))
                .isNotEqualTo(messages.messageId("s2", "incident:g1:opened"))
                .isNotEqualTo(messages.messageId("s1", "incident:g1:resolved"))
                .endsWith("@status.example.com>");
    }

    @Test
    void anEventWithoutItsOwnSentenceGetsTheGeneralOne() {
        PublicNotice n = new PublicNotice("operator:x:note", "x", "operator.note", List.of(), new LocalizedText("공지", "Notice"), null,
                "/incidents/x", DeliveryFixtures.T0);

        assertThat(MailMessages.event(dev.bongsu.statuspage.render.Lang.KO, n)).isEqualTo("2026-10-15 15:19 KST 기준 소식입니다.");
    }
}
