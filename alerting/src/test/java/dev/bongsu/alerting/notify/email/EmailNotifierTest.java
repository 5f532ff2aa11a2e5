package dev.bongsu.alerting.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.bongsu.alerting.notify.DeliveryOutcome;
import dev.bongsu.alerting.notify.Notification;
import dev.bongsu.alerting.notify.Notifier;
import dev.bongsu.alerting.notify.Notifiers;
import dev.bongsu.alerting.support.Notifications;
import dev.bongsu.alerting.support.OutboxHarness;
import dev.bongsu.alerting.support.ScriptedSmtpServer;
import dev.bongsu.model.config.AlertingConfig;
import dev.bongsu.model.config.OutboxConfig;
import dev.bongsu.model.config.RateLimit;
import dev.bongsu.model.config.ReceiverConfig;
import dev.bongsu.model.config.SmtpConfig;
import dev.bongsu.model.config.receiver.EmailSettings;
import dev.bongsu.testkit.Tools;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The e-mail receiver against real SMTP servers on loopback: GreenMail, and a scripted one that refuses. */
class EmailNotifierTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ACK = "https://status.example.kr/api/v1/ack/01JABCDEF?exp=1&sig=abc";

    @TempDir
    Path dir;

    private Vertx vertx;
    private GreenMail greenMail;
    private Notifiers notifiers;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        if (notifiers != null) {
            notifiers.close();
        }
        vertx.close().await();
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static SmtpConfig smtp(int port) {
        return new SmtpConfig("127.0.0.1", port, SmtpConfig.StartTls.DISABLED, false, null, null, "Bongsu <bongsu@status.example.kr>", null,
                Duration.ofSeconds(10));
    }

    private static ReceiverConfig mail() {
        return new ReceiverConfig("oncall", new EmailSettings(List.of("oncall@example.kr")), List.of(), null, RateLimit.defaults(), 2,
                Duration.ofSeconds(15));
    }

    private Notifier notifier(int port) {
        notifiers = Notifiers.create(vertx, AlertingConfig.defaults().withReceiver(mail()), smtp(port), Clock.systemUTC());
        return notifiers.get("oncall").orElseThrow();
    }

    private void startGreenMail(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    @Test
    void theDeliveredMessageHasTheSubjectBothLanguagesTheLinksAndAStableMessageId() throws Exception {
        int port = Tools.freeLoopbackPort();
        startGreenMail(port);
        Notification n = Notifications.opened().withAck(ACK, null);
        Notifier notifier = notifier(port);

        assertThat(notifier.send(n).await()).isEqualTo(DeliveryOutcome.delivered());
        assertThat(notifier.send(n).await()).isEqualTo(DeliveryOutcome.delivered());

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("[Bongsu] OPENED: 연관 장애: 카카오 / Correlated outage: 2 services, likely cause provider=kakao");
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@example.kr");
        String body = GreenMailUtil.getBody(m);
        String text = m.getContent() instanceof String s ? s : body;
        assertThat(text).contains("[발생] 연관 장애: 카카오", "추정 원인: 카카오 서비스 모두 중단", "사건 페이지: " + Notifications.LINK,
                "[OPENED] Correlated outage: 2 services", "Likely cause: All 2 services of provider kakao", "Acknowledge: " + ACK);
        assertThat(m.getMessageID()).isEqualTo(new EmailMessages(smtp(port)).messageId("oncall", n.idempotencyKey()))
                .isEqualTo(received[1].getMessageID());
        assertThat(m.getHeader("X-Bongsu-Event")[0]).isEqualTo("incident.opened");
    }

    @Test
    void aPermanentRefusalFailsForGoodAndATemporaryOneIsRetried() {
        try (ScriptedSmtpServer refuses = ScriptedSmtpServer.start(vertx, "550 5.1.1 <oncall@example.kr>: no such user");
                ScriptedSmtpServer busy = ScriptedSmtpServer.start(vertx, "451 4.3.0 try again later")) {
            DeliveryOutcome refused = notifier(refuses.port()).send(Notifications.opened()).await();
            notifiers.close();
            DeliveryOutcome later = notifier(busy.port()).send(Notifications.opened()).await();

            assertThat(refused.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(refused.reason()).startsWith("SMTP 550").contains("no such user");
            assertThat(later.status()).isEqualTo(DeliveryOutcome.Status.RETRY);
            assertThat(later.reason()).startsWith("SMTP 451");
            assertThat(refuses.commands()).anyMatch(c -> c.startsWith("RCPT TO:<oncall@example.kr>"));
        }
    }

    @Test
    void aServerThatIsDownIsRetriedByTheOutboxAndTheMessageArrivesOnce() {
        int port = Tools.freeLoopbackPort();
        OutboxConfig quick = new OutboxConfig(Duration.ofHours(1), 0, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofDays(1));
        try (OutboxHarness h = OutboxHarness.start(vertx, dir.resolve("outbox.db"), List.of(mail()), smtp(port), quick, Clock.systemUTC(),
                "node-a")) {
            h.enqueue(Notifications.opened());
            await().atMost(WAIT).until(() -> h.count("failed") >= 1);
            JsonObject failed = h.events.stream().filter(e -> "failed".equals(e.getString("outcome"))).findFirst().orElseThrow();
            assertThat(failed.getString("reason")).startsWith("SMTP unreachable");

            startGreenMail(port);
            await().atMost(WAIT).until(() -> h.count("sent") == 1);

            assertThat(greenMail.getReceivedMessages()).hasSize(1);
            assertThat(h.on(() -> h.outbox.rows("sent", 10)).getJsonObject(0).getString("transitionKey"))
                    .isEqualTo(Notifications.opened().idempotencyKey());
        }
    }
}
