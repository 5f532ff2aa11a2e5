package dev.bongsu.statuspage.subscribe.delivery;

import dev.bongsu.alerting.notify.email.SmtpMail;
import static dev.bongsu.statuspage.subscribe.delivery.DeliveryFixtures.KAKAO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.bongsu.alerting.notify.webhook.WebhookSignature;
import dev.bongsu.model.Addresses;
import dev.bongsu.model.IncidentTransition;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.statuspage.subscribe.Subscriber;
import dev.bongsu.statuspage.subscribe.SubscriberScope;
import dev.bongsu.testkit.Tools;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailConfig;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscription delivery end to end with real parts: GreenMail as the SMTP server on loopback, a Vert.x HTTP server as
 * the webhook subscriber, subscriptions-outbox.db in a temp dir, transitions published on the event bus.
 */
class SubscriptionDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Vertx vertx;
    private GreenMail smtp;
    private int smtpPort;
    private HttpServer receiver;
    private final List<Delivered> hooks = new CopyOnWriteArrayList<>();
    private final DeliveryFixtures.Directory directory = new DeliveryFixtures.Directory();
    private SubscriptionDelivery delivery;

    record Delivered(MultiMap headers, Buffer body) {
        JsonObject json() {
            return body.toJsonObject();
        }
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        smtpPort = Tools.freeLoopbackPort();
        receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            hooks.add(new Delivered(req.headers(), b));
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startSmtp(String protocol) {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", protocol));
        smtp.start();
    }

    private BongsuConfig config(String security) {
        return DeliveryFixtures.config("smtp: {host: 127.0.0.1, port: " + smtpPort + ", " + security
                + ", from: \"봉수 <status@status.example.com>\", timeout: 3s}", dir.toString());
    }

    private void deploy(BongsuConfig cfg, MailConfig mail) {
        delivery = SubscriptionDelivery.create(vertx, cfg, directory, Clock.systemUTC(), dir.resolve(SubscriptionDelivery.FILE), mail);
        vertx.deployVerticle(delivery.verticle()).await();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.actualPort() + "/status-hook";
    }

    private void publish(List<IncidentTransition> ts) {
        ts.forEach(t -> vertx.eventBus().publish(Addresses.INCIDENTS, t));
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aFireWithFourMembersIsOneMailAndOneCallPerSubscriberWhenItOpensAndWhenItResolvesInTheirLanguage() throws Exception {
        startSmtp(ServerSetup.PROTOCOL_SMTP);
        directory.add(DeliveryFixtures.email("sub-ko", "ko@example.com", "ko", SubscriberScope.everything()))
                .add(DeliveryFixtures.email("sub-en", "en@example.com", "en", DeliveryFixtures.provider("kakao")))
                .add(DeliveryFixtures.email("sub-naver", "naver@example.com", "ko", DeliveryFixtures.provider("naver")))
                .add(DeliveryFixtures.webhook("sub-hook", hookUrl(), "en", SubscriberScope.everything()));
        BongsuConfig cfg = config("startTls: disabled");
        MailConfig mail = SmtpMail.config(cfg.smtp());
        deploy(cfg, mail);

        publish(DeliveryFixtures.fire("g1"));
        publish(DeliveryFixtures.fire("g1"));

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 4 && hooks.size() >= 2);
        await("nothing more arrives").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> smtp.getReceivedMessages().length == 4 && hooks.size() == 2);
        assertThat(mailsTo("naver@example.com")).as("a naver-only subscriber hears nothing of a kakao outage").isEmpty();

        List<MimeMessage> ko = mailsTo("ko@example.com");
        assertThat(ko).hasSize(2);
        assertThat(ko.get(0).getSubject()).contains("4").containsPattern("[가-힣]");
        String koBody = (String) ko.get(0).getContent();
        assertThat(koBody).contains("장애가 시작되었습니다", "카카오톡", "https://status.example.com/incidents/g1",
                "구독 취소: https://status.example.com/unsubscribe?id=sub-ko&token=");
        assertThat((String) ko.get(1).getContent()).contains("복구되었습니다");
        assertMime(ko.get(0), "sub-ko");

        List<MimeMessage> en = mailsTo("en@example.com");
        assertThat(en).hasSize(2);
        assertThat(en.get(0).getSubject()).doesNotContainPattern("[가-힣]").contains("4");
        assertThat((String) en.get(0).getContent()).contains("It began at", "KakaoTalk", "Unsubscribe: https://status.example.com/unsubscribe?id=sub-en");
        assertThat((String) en.get(1).getContent()).contains("It was resolved at");
        assertThat(en.get(0).getMessageID()).isNotEqualTo(en.get(1).getMessageID()).isNotEqualTo(ko.get(0).getMessageID());
        assertThat(en.get(0).getMessageID()).isEqualTo(new MailMessages(cfg.smtp(), new dev.bongsu.statuspage.publicview.PublicView(cfg))
                .messageId("sub-en", "incident:g1:opened"));

        assertThat(hooks).extracting(h -> h.json().getString("event")).containsExactly("incident.opened", "incident.resolved");
        Delivered opened = hooks.get(0);
        JsonObject body = opened.json();
        assertThat(body.getString("key")).isEqualTo("incident:g1:opened");
        assertThat(body.getString("title")).isEqualTo(body.getJsonObject("titles").getString("en"));
        assertThat(body.getJsonObject("titles").getString("ko")).isEqualTo(ko.get(0).getSubject());
        assertThat(body.getString("url")).isEqualTo("https://status.example.com/incidents/g1");
        assertThat(body.getString("unsubscribeUrl")).startsWith("https://status.example.com/unsubscribe?id=sub-hook&token=");
        assertThat(body.getJsonArray("services")).hasSize(4);
        assertThat(body.getJsonArray("services").getJsonObject(0).getJsonObject("name").getString("en")).isEqualTo("KakaoTalk");
        assertThat(body.getString("at")).endsWith("+09:00");
        assertThat(WebhookSignature.verify(opened.headers().get("X-Bongsu-Signature"), opened.body().getBytes(), "secret-of-sub-hook",
                Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
        assertThat(opened.headers().get("X-Bongsu-Signature")).startsWith("t=" + opened.headers().get("X-Bongsu-Timestamp") + ",v1=");
        assertThat(opened.headers().get("Idempotency-Key")).isEqualTo("incident:g1:opened");
    }

    private static void assertMime(MimeMessage m, String subscriberId) throws Exception {
        String raw = GreenMailUtil.getWholeMessage(m);
        assertThat(m.getHeader("List-Unsubscribe", null))
                .matches("<https://status\\.example\\.com/unsubscribe\\?id=" + subscriberId + "&token=[^>\\s]+>");
        assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(m.getMessageID()).matches("<[0-9a-f]{40}\\.bongsu@status\\.example\\.com>");
        assertThat(m.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=utf-8");
        assertThat(raw).as("the Korean subject is RFC 2047-encoded on the wire").containsPattern("(?m)^Subject: =\\?(?i:utf-8)\\?");
        assertThat(raw).doesNotContain("secret-of-");
    }

    @Test
    void aSubscriberWhoUnsubscribedBeforeDeliveryGetsNothing() throws Exception {
        startSmtp(ServerSetup.PROTOCOL_SMTP);
        directory.add(DeliveryFixtures.email("stays", "stays@example.com", "en", SubscriberScope.everything()))
                .add(DeliveryFixtures.email("leaves", "leaves@example.com", "en", SubscriberScope.everything()))
                .add(DeliveryFixtures.webhook("hook-leaves", hookUrl(), "ko", SubscriberScope.everything()));
        BongsuConfig cfg = config("startTls: disabled");
        deploy(cfg, SmtpMail.config(cfg.smtp()));
        delivery.outbox().pause();

        publish(DeliveryFixtures.fire("g2"));
        await("messages stored").atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM messages") == 6);
        directory.byId.remove("leaves");
        directory.byId.remove("hook-leaves");
        delivery.outbox().resume();

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 2);
        await("the leavers' messages dropped").atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM messages WHERE status='dropped'") == 4);
        assertThat(mailsTo("leaves@example.com")).isEmpty();
        assertThat(hooks).isEmpty();
        assertThat(mailsTo("stays@example.com")).hasSize(2);
    }

    @Test
    void anSmtpServerThatIsDownIsRetriedAndTheMessageDeliveredOnceWhenItComesBack() throws Exception {
        directory.add(DeliveryFixtures.email("patient", "patient@example.com", "ko", SubscriberScope.everything()));
        BongsuConfig cfg = config("startTls: disabled");
        deploy(cfg, SmtpMail.config(cfg.smtp()));

        delivery.announce(new dev.bongsu.statuspage.subscribe.PublicNotice("maintenance:m1:scheduled", "m1", "maintenance.scheduled",
                List.of("kakaotalk"), new dev.bongsu.model.LocalizedText("카카오톡 점검 예정", "KakaoTalk maintenance"), null,
                "/maintenance/m1", DeliveryFixtures.T0)).await();
        await("failed attempts recorded").atMost(WAIT).until(() -> count("SELECT MAX(attempts) FROM messages WHERE status='pending'") >= 2);

        startSmtp(ServerSetup.PROTOCOL_SMTP);
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length >= 1);
        await("delivered once").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("카카오톡 점검 예정");
        assertThat((String) m.getContent()).contains("점검이 예정되었습니다", "https://status.example.com/maintenance/m1");
        assertThat(count("SELECT COUNT(*) FROM messages WHERE status='sent'")).isEqualTo(1);
    }

    @Test
    void overImplicitTlsTheMailIsDeliveredToo() throws Exception {
        startSmtp(ServerSetup.PROTOCOL_SMTPS);
        directory.add(DeliveryFixtures.email("tls", "tls@example.com", "en", SubscriberScope.everything()));
        BongsuConfig cfg = config("ssl: true");
        assertThat(cfg.smtp().startTls()).isEqualTo(dev.bongsu.model.config.SmtpConfig.StartTls.DISABLED);
        // GreenMail's certificate is self-signed: trusted here only.
        deploy(cfg, SmtpMail.config(cfg.smtp()).setTrustAll(true));

        publish(DeliveryFixtures.fire("g3").subList(0, 5));

        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("4");
    }

    @Test
    void aConfirmationRequestGoesOutInTheChosenLanguageByMailAndAsASignedCall() throws Exception {
        startSmtp(ServerSetup.PROTOCOL_SMTP);
        BongsuConfig cfg = config("startTls: disabled");
        deploy(cfg, SmtpMail.config(cfg.smtp()));
        Subscriber mail = new Subscriber("new-mail", Subscriber.Channel.EMAIL, "new@example.com", "ko", SubscriberScope.everything(),
                "s3cret", DeliveryFixtures.T0, null);
        Subscriber hook = new Subscriber("new-hook", Subscriber.Channel.WEBHOOK, hookUrl(), "en", SubscriberScope.everything(),
                "s3cret", DeliveryFixtures.T0, null);

        delivery.sendConfirmation(mail, "https://status.example.com/subscriptions/confirm?id=new-mail&token=c",
                "https://status.example.com/unsubscribe?id=new-mail&token=u").await();
        delivery.sendConfirmation(hook, "https://status.example.com/subscriptions/confirm?id=new-hook&token=c",
                "https://status.example.com/unsubscribe?id=new-hook&token=u").await();

        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("봉수 서비스 상태 알림 구독을 확인해 주세요");
        assertThat((String) m.getContent()).contains("구독 확인: https://status.example.com/subscriptions/confirm?id=new-mail&token=c");
        assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<https://status.example.com/unsubscribe?id=new-mail&token=u>");
        assertThat(hooks).hasSize(1);
        assertThat(hooks.get(0).json().getString("event")).isEqualTo("subscription.confirm");
        assertThat(hooks.get(0).json().getString("confirmUrl")).endsWith("id=new-hook&token=c");
        assertThat(hooks.get(0).json().getString("signingSecret")).isEqualTo("s3cret");
        assertThat(WebhookSignature.verify(hooks.get(0).headers().get("X-Bongsu-Signature"), hooks.get(0).body().getBytes(), "s3cret",
                Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
        assertThat(KAKAO).hasSize(4);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SubscriptionDelivery.FILE));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
