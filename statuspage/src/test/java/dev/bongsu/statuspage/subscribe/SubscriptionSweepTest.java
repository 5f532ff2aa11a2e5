package dev.bongsu.statuspage.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribes addresses every way there is (pending, confirmed, webhook, a confirmation that could not be sent), then
 * sweeps every public answer, and every answer the subscription flow itself gave, for any of them.
 */
class SubscriptionSweepTest {
    static final List<String> ADDRESSES = List.of("zq-sweep-pending@example.com", "zq-sweep-confirmed@example.com",
            "https://zq-sweep-hook.example.com/in", "zq-sweep-unsent@example.com");
    @TempDir
    static Path dir;
    static SubscriptionSite site;
    static final List<HttpResponse<String>> flowAnswers = new ArrayList<>();

    @BeforeAll
    static void subscribe() throws Exception {
        site = new SubscriptionSite(dir, "{pendingPerClientPerHour: 100}");
        flowAnswers.add(site.postForm("/subscribe?lang=ko", "email=" + enc(ADDRESSES.get(0)) + "&provider=kakao"));
        flowAnswers.add(site.postJson("/api/v1/subscriptions", "{\"email\":\"" + ADDRESSES.get(1) + "\",\"lang\":\"en\"}"));
        confirmLast();
        flowAnswers.add(site.postJson("/api/v1/subscriptions", "{\"webhook\":\"" + ADDRESSES.get(2) + "\",\"services\":[\"toss\"]}"));
        confirmLast();
        site.sender.failing = true;
        flowAnswers.add(site.postForm("/subscribe?lang=en", "email=" + enc(ADDRESSES.get(3))));
        flowAnswers.add(site.postJson("/api/v1/subscriptions", "{\"email\":\"" + ADDRESSES.get(3) + "\"}"));
        site.sender.failing = false;
        // asking again for a confirmed address answers exactly as for a new one
        flowAnswers.add(site.postJson("/api/v1/subscriptions", "{\"email\":\"" + ADDRESSES.get(1) + "\",\"lang\":\"en\"}"));
        assertThat(site.subscriptions.store().all()).hasSize(5);
    }

    private static void confirmLast() throws Exception {
        RecordingSender.Sent s = site.sender.last();
        flowAnswers.add(site.get(site.local(s.confirmUrl())));
        flowAnswers.add(site.send("POST", site.local(s.confirmUrl()), null, null));
        flowAnswers.add(site.get(site.local(s.unsubscribeUrl())));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void noPublicAnswerNamesASubscriber() throws Exception {
        List<String> leaks = new ArrayList<>();
        int answers = 0;
        for (String path : publicPaths()) {
            for (String[] headers : List.of(new String[0], new String[] {"Accept-Language", "en"}, new String[] {"Accept", "text/csv"})) {
                HttpResponse<String> r = site.get(path, headers);
                assertThat(r.statusCode()).as("GET %s", path).isBetween(200, 299);
                answers++;
                check(path + " " + String.join(" ", headers), r, leaks);
            }
        }
        for (HttpResponse<String> r : flowAnswers) {
            answers++;
            check(r.request().method() + " " + r.uri().getPath(), r, leaks);
        }
        System.out.printf("subscription sweep: %d answers checked for %d subscriber addresses: %d found%n", answers, ADDRESSES.size(), leaks.size());
        assertThat(leaks).as("subscriber addresses in %d public answers", answers).isEmpty();
    }

    @Test
    void theAdminExportHasThemAll() throws Exception {
        String export = site.admin("GET", "/api/v1/admin/subscribers.csv").body();
        assertThat(export).contains(ADDRESSES);
    }

    private static void check(String what, HttpResponse<String> r, List<String> leaks) {
        String body = r.body().toLowerCase(Locale.ROOT) + "\n" + r.headers().map().toString().toLowerCase(Locale.ROOT);
        for (String a : ADDRESSES) {
            String local = a.startsWith("https://") ? a.substring(8, a.indexOf('.')) : a.substring(0, a.indexOf('@'));
            if (body.contains(local) || body.contains(enc(a).toLowerCase(Locale.ROOT))) {
                leaks.add(what + " names '" + a + "'");
            }
        }
    }

    private static List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/", "/?lang=en", "/?lang=ko", "/history", "/history?lang=en", "/feed.atom",
                "/api/v1/status", "/api/v1/status.csv", "/api/v1/services", "/api/v1/services.csv", "/api/v1/incidents",
                "/api/v1/incidents.csv", "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
                "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/subscribe", "/subscribe?lang=en"));
        for (String id : SubscriptionSite.SERVICES) {
            paths.addAll(List.of("/services/" + id, "/services/" + id + "?lang=en", "/badge/" + id + ".svg",
                    "/api/v1/services/" + id + "/history", "/api/v1/services/" + id + "/history.csv"));
        }
        for (RecordingSender.Sent s : site.sender.sent) {
            paths.add(site.local(s.confirmUrl()).substring(site.base().length()));
            paths.add(site.local(s.unsubscribeUrl()).substring(site.base().length()));
        }
        return paths;
    }
}
