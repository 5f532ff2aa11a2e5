package dev.bongsu.statuspage.subscribe.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.bongsu.model.codec.Codecs;
import dev.bongsu.model.config.BongsuConfig;
import dev.bongsu.model.config.ConfigLoader;
import dev.bongsu.model.web.BearerTokenHandler;
import dev.bongsu.statuspage.SiteSettings;
import dev.bongsu.statuspage.StatusSite;
import dev.bongsu.statuspage.subscribe.SubscriberStore;
import dev.bongsu.statuspage.subscribe.Subscriptions;
import dev.bongsu.statuspage.support.Browsers;
import dev.bongsu.statuspage.support.FakeHistory;
import dev.bongsu.statuspage.support.FakeIncidents;
import dev.bongsu.statuspage.support.FakeLive;
import dev.bongsu.statuspage.updates.UpdatesStore;
import dev.bongsu.testkit.Tools;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A reader's whole path in headless Chromium with the real delivery and a real SMTP server (GreenMail on loopback):
 * subscribe on the page → the confirmation e-mail arrives → confirm from its link → an operator declares an incident
 * → its e-mail arrives in the reader's language → unsubscribe from the link in that e-mail → nothing more arrives.
 */
class SubscriptionMailBrowserTest {
    private static final String TOKEN = "mail-browser-admin-token-0123456789";
    private static final String READER = "reader@newsroom.example";
    private static final Pattern LINK = Pattern.compile("https://status\\.example\\.com(/[^\\s>]+)");

    @TempDir
    Path dir;
    private Vertx vertx;
    private GreenMail smtp;
    private StatusSite site;
    private SubscriptionDelivery delivery;
    private HttpServer server;
    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx.eventBus());
        int smtpPort = Tools.freeLoopbackPort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        BongsuConfig cfg = config(smtpPort);
        Clock clock = Clock.systemUTC();
        // wired the way the app wires it: one subscriber store read by the delivery, which sends the confirmations
        SubscriberStore store = Subscriptions.store(vertx, cfg, cfg.storage().dir().resolve(Subscriptions.FILE));
        delivery = SubscriptionDelivery.create(vertx, cfg, store, clock);
        site = new StatusSite(vertx, cfg, new FakeLive(List.of()), new FakeIncidents(), new FakeHistory(Instant.now()),
                new UpdatesStore(vertx, cfg.storage().dir().resolve("updates.db")), clock,
                new SiteSettings(Duration.ofMillis(50), Duration.ofSeconds(60), Duration.ofSeconds(30)))
                .withSubscriptions(new Subscriptions(vertx, cfg, store, delivery.confirmations(), clock))
                .operatorAnnouncements(delivery.announcements());
        site.start().await();
        vertx.deployVerticle(delivery.verticle()).await();
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/api/v1/admin/*").handler(new BearerTokenHandler(TOKEN));
        site.mount(router);
        server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(router).listen(0, "127.0.0.1").await();
        browser = Browsers.headless(dir, false, "1100,1400");
    }

    @AfterEach
    void stop() {
        Browsers.quit(browser);
        site.stop().await();
        vertx.close().await();
        smtp.stop();
    }

    @Test
    void subscribeConfirmReceiveAndUnsubscribeByEmail() throws Exception {
        browser.get(base() + "/subscribe?lang=en");
        Browsers.find(browser, By.id("email")).sendKeys(READER);
        browser.findElement(By.cssSelector("input[name=lang][value=en]")).click();
        browser.findElement(By.cssSelector("#subscribe button[type=submit]")).click();
        assertThat(Browsers.find(browser, By.id("sub-pending")).getText()).contains("within 48 hours");

        MimeMessage confirmation = awaitMails(1).get(0);
        browser.get(local(link(confirmation, "/subscriptions/confirm")));
        browser.findElement(By.cssSelector("#sub-confirm button")).click();
        assertThat(Browsers.find(browser, By.id("sub-confirmed")).getText()).contains("confirmed");

        String id = declare();
        MimeMessage opened = awaitMails(2).get(1);
        assertThat(opened.getSubject()).contains("Payments delayed");
        assertThat(body(opened)).contains("/incidents/" + id, "Payments are processed late");
        assertThat(opened.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe?id=");
        Browsers.shot(browser, "subscribe-mail-confirmed-en");

        browser.get(local(link(opened, "/unsubscribe")));
        browser.findElement(By.cssSelector("#sub-unsubscribe button")).click();
        assertThat(Browsers.find(browser, By.id("sub-unsubscribed")).getText()).contains("You are unsubscribed");

        // the resolution goes to nobody: the outbox has nothing left for this reader, and no third mail came
        assertThat(send("POST", "/api/v1/admin/incidents/" + id + "/resolve", "{\"text\":{\"ko\":\"정상화\",\"en\":\"Payments are back to normal\"}}").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> pending() == 0);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private String declare() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/admin/incidents", """
                {"title":{"ko":"결제 지연","en":"Payments delayed"},"services":["kakaopay"],"impact":"partial_outage",
                 "text":{"ko":"결제가 늦게 처리됩니다","en":"Payments are processed late"}}""");
        assertThat(r.statusCode()).isEqualTo(201);
        return new JsonObject(r.body()).getJsonObject("incident").getString("id");
    }

    private long pending() {
        JsonObject counts = delivery.outbox().status().await().getJsonObject("messages");
        return counts.getLong("pending", 0L);
    }

    private List<MimeMessage> awaitMails(int n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= n);
        return List.of(smtp.getReceivedMessages());
    }

    /** The first link of a mail's body to this path of the public address. */
    private static String link(MimeMessage m, String path) throws Exception {
        String text = body(m);
        Matcher l = LINK.matcher(text);
        while (l.find()) {
            if (l.group(1).startsWith(path)) {
                return l.group(1);
            }
        }
        throw new AssertionError("no link to " + path + " in:\n" + text);
    }

    /** The decoded text of a mail. */
    private static String body(MimeMessage m) throws Exception {
        return String.valueOf(m.getContent());
    }

    private String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private String local(String path) {
        return base() + path;
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private BongsuConfig config(int smtpPort) {
        String yaml = """
                http: {host: 127.0.0.1, port: 0}
                admin: {token: "%s"}
                storage: {dir: "%s"}
                smtp: {host: 127.0.0.1, port: %d, startTls: disabled, from: "Status <status@status.example.com>", timeout: 5s}
                statusPage:
                  publicUrl: https://status.example.com
                  valueNames: {provider: {kakao: {ko: 카카오, en: Kakao}}}
                  subscriptions: {perSubscriber: {permits: 100, per: 1m, burst: 100}}
                alerting:
                  outbox: {initialBackoff: 100ms, maxBackoff: 300ms}
                services:
                  - {id: kakaotalk, name: {ko: 카카오톡, en: KakaoTalk}, provider: kakao, category: messenger, public: [provider, category],
                     checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                  - {id: kakaopay, name: {ko: 카카오페이, en: KakaoPay}, provider: kakao, category: pay, public: [provider, category],
                     checks: [{type: tcp, host: 127.0.0.1, port: 1}]}
                """.formatted(TOKEN, dir.toString().replace("\\", "/"), smtpPort);
        return new ConfigLoader(Map.of()).parse("mail-browser.yaml", yaml);
    }
}
