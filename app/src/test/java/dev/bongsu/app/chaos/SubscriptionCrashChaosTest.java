package dev.bongsu.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.bongsu.app.cluster.ClusterProcesses;
import dev.bongsu.model.scenario.Fault;
import dev.bongsu.model.scenario.Target;
import dev.bongsu.simulator.RunningFleet;
import dev.bongsu.testkit.Tools;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server while subscription messages are in flight: e-mail and webhook subscribers (subscribed
 * and confirmed through the public API, as the public would) each get exactly one message for the data-centre fire's
 * opening and one for its resolution, in their language, counted as delivered (no deduplication by Message-ID).
 * The kill comes while every resolution attempt is in flight: SMTP connections held before the server's greeting,
 * webhook calls refused with 503.
 */
class SubscriptionCrashChaosTest {
    private static final Pattern LINK = Pattern.compile("https://status\\.bongsu\\.test(/subscriptions/confirm\\?\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    private Vertx vertx;
    private GreenMail smtp;
    private final List<JsonObject> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean hookUp = true;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        smtp = new GreenMail(new ServerSetup(Tools.freeLoopbackPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        smtp.stop();
    }

    @Test
    void everySubscriberGetsTheFiresOpeningAndResolutionExactlyOnceAcrossKill9AndRestart() throws Exception {
        RunningFleet fleet = ChaosRig.startFleet(vertx);
        SmtpGate gate = new SmtpGate(vertx, smtp.getSmtp().getPort());
        int gatePort = gate.start();
        HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            if (!hookUp) {
                req.response().setStatusCode(503).end();
                return;
            }
            hooks.add(body.toJsonObject());
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").await();
        Path data = dir.resolve("data");
        Path config = dir.resolve("bongsu.yaml");
        Files.writeString(config, fleet.configYaml(Duration.ofSeconds(1), Duration.ofMillis(700)) + """
                http: {host: 127.0.0.1, port: 0}
                """ + ChaosRig.ADMIN_YAML + """
                storage: {dir: "%s"}
                detector: {failuresToDown: 2, successesToUp: 2, correlationWindow: 5s}
                alerting:
                  outbox: {initialBackoff: 200ms, maxBackoff: 1s}
                statusPage:
                  publicUrl: https://status.bongsu.test
                  subscriptions: {privateWebhooks: true, perSubscriber: {permits: 100, per: 1m, burst: 100}}
                smtp: {host: 127.0.0.1, port: %d, startTls: disabled, from: "봉수 <status@bongsu.test>", timeout: 60s}
                """.formatted(data, gatePort));
        String hookUrl = "http://127.0.0.1:" + receiver.actualPort() + "/hook";

        try (ClusterProcesses procs = new ClusterProcesses(dir)) {
            try {
                Process first = procs.start("server", Map.of(), "run", "--config", config.toString());
                int port = ChaosRig.httpPort(procs, "server", Duration.ofSeconds(90));
                await("every simulated service up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> allUp(port));
                subscribe(port, new JsonObject().put("email", "ko@example.com").put("lang", "ko"));
                subscribe(port, new JsonObject().put("email", "en@example.com").put("lang", "en").put("providers", List.of("kakao")));
                subscribe(port, new JsonObject().put("email", "naver@example.com").put("lang", "ko").put("providers", List.of("naver")));
                subscribe(port, new JsonObject().put("webhook", hookUrl).put("lang", "en"));
                await("four confirmation requests").atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 3
                        && hooks.size() == 1);
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    confirm(port, link((String) m.getContent()));
                }
                confirm(port, hooks.get(0).getString("confirmUrl").replace("https://status.bongsu.test", ""));
                hooks.clear();
                smtp.purgeEmailFromAllMailboxes();

                fleet.inject(Target.datacenter("pangyo", "kakao"), Fault.REFUSE).await();
                await("the fire's opening delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> smtp.getReceivedMessages().length >= 2 && !hooks.isEmpty());

                gate.close();
                hookUp = false;
                fleet.clearAll().await();
                await("every resolution in flight or waiting").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> gate.heldCount() >= 1 && pending(data, "incident.resolved") >= 3);
                int heldAtKill = gate.heldCount();
                first.destroyForcibly();
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
                int pendingAtKill = pending(data, "incident.resolved");

                gate.open();
                hookUp = true;
                procs.start("server-restarted", Map.of(), "run", "--config", config.toString());
                await("the resolutions delivered after the restart").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> smtp.getReceivedMessages().length >= 4 && hooks.size() >= 2);
                await("nothing delivered twice").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                        .until(() -> smtp.getReceivedMessages().length == 4 && hooks.size() == 2);

                Map<String, Integer> mails = mailCounts();
                assertThat(mails).as("one opening and one resolution per e-mail subscriber, in their language").containsOnlyKeys(
                        "ko@example.com opened", "ko@example.com resolved", "en@example.com opened", "en@example.com resolved");
                assertThat(mails.values()).containsOnly(1);
                assertThat(hooks).extracting(h -> h.getString("event")).containsExactly("incident.opened", "incident.resolved");
                assertThat(hooks.get(0).getString("title")).isEqualTo(hooks.get(0).getJsonObject("titles").getString("en"));
                System.out.printf("chaos kill-9 subscriptions: %d message(s) pending at kill -9 (%d SMTP connection(s) held), "
                        + "4 e-mails and 2 webhook calls delivered, 0 duplicates, 0 missing%n", pendingAtKill, heldAtKill);
            } catch (AssertionError | RuntimeException e) {
                System.out.println("hooks: " + hooks + "\nmails: " + mailCounts() + "\n" + procs.allOutput());
                throw e;
            }
        } finally {
            fleet.stop().await();
        }
    }

    /** E-mails by recipient and what they told (opened or resolved), counted as delivered. */
    private Map<String, Integer> mailCounts() throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String body = (String) m.getContent();
            String what = body.contains("장애가 시작되었습니다") || body.contains("It began at") ? "opened"
                    : body.contains("복구되었습니다") || body.contains("It was resolved at") ? "resolved" : "other";
            out.merge(m.getRecipients(Message.RecipientType.TO)[0] + " " + what, 1, Integer::sum);
        }
        return out;
    }

    private static String link(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a confirm link in " + body).isTrue();
        return m.group(1);
    }

    private static void subscribe(int port, JsonObject body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    private static void confirm(int port, String pathAndQuery) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Pending messages of this event in the (possibly dead) process's subscriptions-outbox.db. */
    private static int pending(Path data, String event) throws Exception {
        Path file = data.resolve("subscriptions-outbox.db");
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM messages m JOIN notices n ON n.key = m.notice_key"
                        + " WHERE m.status = 'pending' AND n.event = '" + event + "'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean allUp(int port) throws Exception {
        var services = new JsonObject(ChaosRig.get(port, "/api/v1/status")).getJsonArray("services");
        return services.size() == 8 && services.stream().map(JsonObject.class::cast).allMatch(s -> "up".equals(s.getString("state")));
    }
}
