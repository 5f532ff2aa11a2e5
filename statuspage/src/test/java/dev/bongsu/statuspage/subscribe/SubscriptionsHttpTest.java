package dev.bongsu.statuspage.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public flow and the admin API over a real server on 127.0.0.1: form, JSON, confirm, one-click unsubscribe, export, erase. */
class SubscriptionsHttpTest {
    @TempDir
    static Path dir;
    static SubscriptionSite site;

    @BeforeAll
    static void start() {
        site = new SubscriptionSite(dir.resolve("main"), "{confirmWithin: 1h, pendingPerClientPerHour: 1000}");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theFormOffersOnlyPublicValuesByTheirNames() throws Exception {
        HttpResponse<String> r = site.get("/subscribe?lang=en");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self'");
        assertThat(r.body()).contains("<form id=\"subscribe\"", "method=\"post\"", "action=\"/subscribe?lang=en\"",
                "value=\"kakao\"> Kakao", "value=\"bank\"", "value=\"toss\"> Toss", "value=\"kakaotalk\"> KakaoTalk")
                .doesNotContain(SubscriptionSite.PRIVATE_PROVIDER).doesNotContain("zq-dc-pangyo").doesNotContain("<script");
        assertThat(site.get("/subscribe?lang=ko").body()).contains("상태 알림 구독", "카카오톡", "value=\"kakao\"> 카카오");
        assertThat(site.get("/?lang=en").body()).contains("href=\"/subscribe?lang=en\">Subscribe</a>");
    }

    @Test
    void formSubscribeConfirmsOnlyOnPostAndOneClickUnsubscribes() throws Exception {
        int before = site.sender.sent.size();
        HttpResponse<String> r = site.postForm("/subscribe?lang=en",
                "email=" + enc("Form.Reader@Example.COM") + "&lang=ko&provider=kakao&service=toss");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Check your inbox", "within 1 hour").doesNotContain("Form.Reader").doesNotContain("example.com");
        assertThat(site.sender.sent).hasSize(before + 1);
        RecordingSender.Sent sent = site.sender.last();
        assertThat(sent.subscriber().address()).isEqualTo("Form.Reader@example.com");
        assertThat(sent.subscriber().lang()).isEqualTo("ko");
        assertThat(sent.subscriber().scope().providers()).containsExactly("kakao");
        assertThat(sent.subscriber().scope().services()).containsExactly("toss");
        assertThat(sent.confirmUrl()).startsWith("https://status.example.kr/subscriptions/confirm?id=" + sent.subscriber().id() + "&token=");
        assertThat(sent.unsubscribeUrl()).startsWith("https://status.example.kr/unsubscribe?id=");
        String id = sent.subscriber().id();

        HttpResponse<String> page = site.get(site.local(sent.confirmUrl()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form id=\"sub-confirm\" method=\"post\"");
        assertThat(site.subscriptions.directory().byId(id).orElseThrow().confirmed()).as("a GET confirms nothing").isFalse();

        HttpResponse<String> confirmed = site.send("POST", site.local(sent.confirmUrl()) + "&lang=en", null, null);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("id=\"sub-confirmed\"");
        assertThat(site.subscriptions.directory().confirmed()).extracting(Subscriber::id).contains(id);

        HttpResponse<String> unsubscribePage = site.get(site.local(sent.unsubscribeUrl()));
        assertThat(unsubscribePage.body()).contains("<form id=\"sub-unsubscribe\" method=\"post\"");
        assertThat(site.subscriptions.directory().byId(id)).isPresent();

        // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the List-Unsubscribe URL
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> one = site.postForm(site.local(sent.unsubscribeUrl()), "List-Unsubscribe=One-Click");
            assertThat(one.statusCode()).isEqualTo(200);
        }
        assertThat(site.subscriptions.directory().byId(id)).isEmpty();
        assertThat(site.subscriptions.directory().confirmed()).extracting(Subscriber::id).doesNotContain(id);
    }

    @Test
    void theJsonApiAnswers202AndTheSameWhetherOrNotTheAddressIsSubscribed() throws Exception {
        HttpResponse<String> first = site.postJson("/api/v1/subscriptions",
                "{\"webhook\":\"https://hooks.example.com/bongsu\",\"lang\":\"en\",\"categories\":[\"bank\"]}");
        assertThat(first.statusCode()).isEqualTo(202);
        JsonObject body = new JsonObject(first.body());
        assertThat(body.getString("status")).isEqualTo("pending");
        assertThat(body.getBoolean("confirmationSent")).isTrue();
        Subscriber hook = site.sender.last().subscriber();
        assertThat(hook.channel()).isEqualTo(Subscriber.Channel.WEBHOOK);
        site.subscriptions.store().confirm(hook.id(), SubscriptionTokens.token(hook, SubscriptionTokens.CONFIRM), site.clock.instant()).await();

        HttpResponse<String> again = site.postJson("/api/v1/subscriptions",
                "{\"webhook\":\"https://hooks.example.com/bongsu\",\"lang\":\"en\",\"categories\":[\"bank\"]}");
        HttpResponse<String> fresh = site.postJson("/api/v1/subscriptions",
                "{\"webhook\":\"https://hooks.example.com/someone-else\",\"lang\":\"en\",\"categories\":[\"bank\"]}");
        assertThat(again.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(fresh.body());
        String formAgain = site.postForm("/subscribe?lang=ko", "webhook=" + enc("https://hooks.example.com/bongsu")).body();
        String formFresh = site.postForm("/subscribe?lang=ko", "webhook=" + enc("https://hooks.example.com/third")).body();
        assertThat(formAgain).isEqualTo(formFresh).contains("확인 요청");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            {"email":"a b@example.com"}                                     | email: the part before @
            {"email":"a@b@example.com"}                                     | email: expected one address with exactly one @
            {"email":"x@example.com\\r\\nBcc: y@example.com"}               | email:
            {"email":"x@localhost"}                                         | email: the part after @ must be a domain
            {"email":"x@example.com","webhook":"https://h.example.com/"}    | email, webhook: give only one of them
            {}                                                              | email: required
            {"webhook":"ftp://h.example.com/x"}                             | webhook: expected an absolute http:// or https:// URL
            {"webhook":"/relative/path"}                                    | webhook: expected an absolute http:// or https:// URL
            {"webhook":"http://127.0.0.1:8080/hook"}                        | webhook: the host must be a public address
            {"webhook":"http://[::1]/hook"}                                 | webhook: the host must be a public address
            {"webhook":"https://user:pw@h.example.com/"}                    | webhook: a URL without user name
            {"email":"x@example.com","lang":"fr"}                           | lang: expected ko or en
            {"email":"x@example.com","providers":["zq-viva"]}               | providers: 'zq-viva' is not a provider on this page; expected one of kakao
            {"email":"x@example.com","categories":["lunch"]}                | categories: 'lunch' is not a category on this page; expected one of messenger, bank
            {"email":"x@example.com","services":["nope"]}                   | services: 'nope' is not a service on this page; expected one of kakaotalk, kakaobank, toss
            {"email":"x@example.com","categories":"bank"}                   | categories: expected a list of strings
            {"email":7}                                                     | email: expected a string
            {"emial":"x@example.com"}                                       | emial: unknown field
            ~[1,2]~                                                         | body: not a JSON object
            not json                                                        | body: not a JSON object
            """)
    void eachBadFieldIsA400NamingIt(String json, String message) throws Exception {
        int before = site.sender.sent.size();
        HttpResponse<String> r = site.postJson("/api/v1/subscriptions", json);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message")).startsWith(message);
        assertThat(site.sender.sent).hasSize(before);
    }

    @Test
    void aBadFormFieldShowsTheFormAgainWithTheReason() throws Exception {
        HttpResponse<String> r = site.postForm("/subscribe?lang=en", "email=" + enc("x@example.com") + "&category=" + enc("<b>lunch</b>"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("id=\"sub-error\"", "categories: &apos;&lt;b&gt;lunch&lt;/b&gt;&apos; is not a category")
                .contains("<form id=\"subscribe\"").doesNotContain("<b>lunch");
    }

    @Test
    void whenTheSenderFailsTheSubscriberIsKeptPendingAndTheAnswerSaysSo() throws Exception {
        site.sender.failing = true;
        try {
            HttpResponse<String> page = site.postForm("/subscribe?lang=en", "email=" + enc("smtp-down@example.com"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"sub-notsent\"", "could not be sent").doesNotContain("smtp-down");
            HttpResponse<String> json = site.postJson("/api/v1/subscriptions", "{\"email\":\"smtp-down@example.com\"}");
            assertThat(json.statusCode()).isEqualTo(202);
            assertThat(new JsonObject(json.body()).getBoolean("confirmationSent")).isFalse();
        } finally {
            site.sender.failing = false;
        }
        assertThat(site.admin("GET", "/api/v1/admin/subscribers").body()).contains("smtp-down@example.com");
        // asked again at once, the confirmation goes out now that the sender works
        int before = site.sender.sent.size();
        assertThat(site.postForm("/subscribe?lang=en", "email=" + enc("smtp-down@example.com")).body()).contains("Check your inbox");
        assertThat(site.sender.sent).hasSize(before + 1);
    }

    @Test
    void confirmLinksThatAreWrongOrExpiredChangeNothing() throws Exception {
        site.postJson("/api/v1/subscriptions", "{\"email\":\"expiring@example.com\",\"lang\":\"en\"}");
        RecordingSender.Sent sent = site.sender.last();

        assertThat(site.send("POST", "/subscriptions/confirm?id=" + sent.subscriber().id() + "&token=AAAA&lang=en", null, null).statusCode())
                .isEqualTo(400);
        assertThat(site.send("POST", "/subscriptions/confirm?lang=en", null, null).statusCode()).isEqualTo(400);
        assertThat(site.get("/subscriptions/confirm?id=%3Cscript%3E&token=x").statusCode()).isEqualTo(400);
        assertThat(site.send("POST", "/unsubscribe?id=" + sent.subscriber().id() + "&token=AAAA", null, null).statusCode()).isEqualTo(400);
        site.clock.advance(Duration.ofHours(1));
        try {
            HttpResponse<String> late = site.send("POST", site.local(sent.confirmUrl()) + "&lang=en", null, null);
            assertThat(late.statusCode()).isEqualTo(410);
            assertThat(late.body()).contains("id=\"sub-expired\"");
        } finally {
            site.clock.advance(Duration.ofHours(-1));
        }
        assertThat(site.subscriptions.directory().byId(sent.subscriber().id()).orElseThrow().confirmed()).isFalse();
    }

    @Test
    void theAdminExportsAndErasesAndNeedsTheToken() throws Exception {
        site.postJson("/api/v1/subscriptions", "{\"email\":\"=export@example.com\",\"lang\":\"en\",\"services\":[\"toss\"]}");
        site.postJson("/api/v1/subscriptions", "{\"webhook\":\"https://hooks.example.com/export\",\"lang\":\"ko\"}");
        String id = site.sender.last().subscriber().id();

        assertThat(site.get("/api/v1/admin/subscribers").statusCode()).isEqualTo(401);
        assertThat(site.send("DELETE", "/api/v1/admin/subscribers?address=" + enc("=export@example.com"), null, null).statusCode())
                .isEqualTo(401);

        JsonObject list = new JsonObject(site.admin("GET", "/api/v1/admin/subscribers").body());
        assertThat(list.getInteger("count")).isEqualTo(list.getJsonArray("subscribers").size());
        assertThat(list.encode()).contains("=export@example.com", "https://hooks.example.com/export").doesNotContain("secret");
        for (String csvPath : java.util.List.of("/api/v1/admin/subscribers.csv", "/api/v1/admin/subscribers?format=csv")) {
            HttpResponse<String> csv = site.admin("GET", csvPath);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.body()).startsWith("id,channel,address,lang,status,providers,categories,services,created_at,confirmed_at\r\n")
                    .contains(",email,'=export@example.com,en,pending,,,toss,").contains(id + ",webhook,https://hooks.example.com/export,ko,pending");
        }
        JsonObject one = new JsonObject(site.admin("GET", "/api/v1/admin/subscribers/" + id).body()).getJsonObject("subscriber");
        assertThat(one.getString("address")).isEqualTo("https://hooks.example.com/export");
        assertThat(one.getString("status")).isEqualTo("pending");
        assertThat(one.containsKey("secret")).isFalse();

        assertThat(site.admin("DELETE", "/api/v1/admin/subscribers/" + id).statusCode()).isEqualTo(204);
        assertThat(site.admin("DELETE", "/api/v1/admin/subscribers/" + id).statusCode()).isEqualTo(404);
        assertThat(site.admin("GET", "/api/v1/admin/subscribers/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> erased = site.admin("DELETE", "/api/v1/admin/subscribers?address=" + enc("=EXPORT@example.com"));
        assertThat(new JsonObject(erased.body()).getInteger("deleted")).isEqualTo(1);
        assertThat(site.admin("GET", "/api/v1/admin/subscribers").body()).doesNotContain("export");
        HttpResponse<String> missing = site.admin("DELETE", "/api/v1/admin/subscribers");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("address: required");
    }

    @Test
    void oneClientIsCappedPerHourWith429() throws Exception {
        try (SubscriptionSite small = new SubscriptionSite(dir.resolve("per-client"), "{pendingPerClientPerHour: 2}")) {
            assertThat(small.postJson("/api/v1/subscriptions", "{\"email\":\"c1@example.com\"}").statusCode()).isEqualTo(202);
            assertThat(small.postForm("/subscribe", "email=c2%40example.com").statusCode()).isEqualTo(200);

            HttpResponse<String> json = small.postJson("/api/v1/subscriptions", "{\"email\":\"c3@example.com\"}");
            HttpResponse<String> form = small.postForm("/subscribe?lang=en", "email=c3%40example.com");
            assertThat(json.statusCode()).isEqualTo(429);
            assertThat(json.headers().firstValue("Retry-After")).contains("3600");
            assertThat(json.body()).contains("too many subscription requests from this address; at most 2 per hour");
            assertThat(form.statusCode()).isEqualTo(429);
            assertThat(form.body()).contains("Too many subscription requests from your address");
            assertThat(small.subscriptions.store().all()).hasSize(2);

            small.clock.advance(Duration.ofMinutes(61));
            assertThat(small.postJson("/api/v1/subscriptions", "{\"email\":\"c3@example.com\"}").statusCode()).isEqualTo(202);
        }
    }

    @Test
    void theGlobalCapOfPendingRowsAnswers429() throws Exception {
        try (SubscriptionSite small = new SubscriptionSite(dir.resolve("global"), "{maxPending: 2, pendingPerClientPerHour: 100}")) {
            assertThat(small.postJson("/api/v1/subscriptions", "{\"email\":\"g1@example.com\"}").statusCode()).isEqualTo(202);
            assertThat(small.postJson("/api/v1/subscriptions", "{\"email\":\"g2@example.com\"}").statusCode()).isEqualTo(202);

            HttpResponse<String> r = small.postJson("/api/v1/subscriptions", "{\"email\":\"g3@example.com\"}");

            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.body()).contains("too many subscriptions are waiting for confirmation");
            assertThat(small.sender.sent).hasSize(2);
        }
    }

    @Test
    void switchedOffThereIsNoFormNorLinkButUnsubscribeAndTheAdminApiStillWork() throws Exception {
        try (SubscriptionSite off = new SubscriptionSite(dir.resolve("off"), "{enabled: false}")) {
            assertThat(off.get("/subscribe").statusCode()).isEqualTo(404);
            assertThat(off.postForm("/subscribe", "email=x%40example.com").statusCode()).isEqualTo(404);
            assertThat(off.postJson("/api/v1/subscriptions", "{\"email\":\"x@example.com\"}").statusCode()).isEqualTo(404);
            assertThat(off.get("/?lang=en").body()).doesNotContain("/subscribe");
            assertThat(off.admin("GET", "/api/v1/admin/subscribers").statusCode()).isEqualTo(200);
            assertThat(off.postForm("/unsubscribe?id=gone&token=gone", "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
        }
    }
}
