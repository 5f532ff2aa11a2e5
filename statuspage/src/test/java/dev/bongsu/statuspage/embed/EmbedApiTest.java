package dev.bongsu.statuspage.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The widget and the group badges over HTTP: content, languages, and that only the widget may be framed. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbedApiTest {
    @TempDir
    static Path dir;
    static SiteFixture f;

    @BeforeAll
    static void start() {
        f = new SiteFixture(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void theWidgetMayBeFramedByAnySiteAndAllowsOnlyItsOwnInlineStyle() throws Exception {
        for (String p : List.of("/embed", "/embed?lang=en", "/embed?provider=kakao", "/embed/services/kakaotalk?lang=en")) {
            HttpResponse<String> r = f.text(p);
            assertThat(r.statusCode()).as(p).isEqualTo(200);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).as(p).contains("frame-ancestors *", "default-src 'none'", "form-action 'none'").doesNotContain("'none'; frame-ancestors 'none'");
            assertThat(csp).as(p).contains("style-src " + hashOfInlineStyle(r.body()));
            assertThat(r.headers().firstValue("X-Frame-Options")).as(p).isEmpty();
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(p).hasValue("nosniff");
            assertThat(r.body()).as(p).doesNotContain("<script").contains("target=\"_blank\" rel=\"noopener\"");
            for (String secret : Fixtures.SECRETS) {
                assertThat(r.body()).as(p).doesNotContain(secret);
            }
        }
    }

    @Test
    void everyOtherPageKeepsFrameAncestorsNone() throws Exception {
        for (String p : List.of("/", "/?lang=en", "/services/kakaotalk", "/history", "/badge/kakaotalk.svg", "/badge/overall.svg",
                "/api/v1/status", "/api/v1/reports", "/embed/services/nope", "/feed.atom")) {
            HttpResponse<String> r = f.text(p);
            if (p.startsWith("/embed")) {
                // a missing widget is not a page anyone frames on purpose; it still comes with the widget's policy
                assertThat(r.statusCode()).isEqualTo(404);
                continue;
            }
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(p)
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'").doesNotContain("frame-ancestors *"));
            assertThat(r.headers().firstValue("X-Frame-Options")).as(p).hasValue("DENY");
        }
    }

    @Test
    void theWidgetSpeaksBothLanguagesAndShowsOneServiceOrOneProvider() throws Exception {
        assertThat(f.text("/embed?lang=en").body()).contains("All services operational", "Full status page", "href=\"/?lang=en\"");
        assertThat(f.text("/embed?lang=ko").body()).contains("모든 서비스 정상", "전체 상태 페이지 보기");
        assertThat(f.text("/embed", "Accept-Language", "en-US,en;q=0.9").body()).contains("All services operational");
        String service = f.text("/embed/services/kakaotalk?lang=ko").body();
        assertThat(service).contains("카카오톡", "정상", "href=\"/services/kakaotalk?lang=ko\"").doesNotContain("카카오페이");
        String provider = f.text("/embed?provider=naver&lang=en").body();
        assertThat(provider).contains("NAVER", "Naver Pay", "Naver Map").doesNotContain("KakaoTalk");
        String toss = f.text("/embed/services/toss?lang=en").body();
        assertThat(toss).contains("Toss &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the others expect every service up
    void aWidgetForADownServiceSaysSoAndListsTheIncident() throws Exception {
        f.dcFire();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            String body = f.text("/embed?lang=en").body();
            assertThat(body).contains("Major outage", "/incidents/inc-dcfire-1?lang=en");
            assertThat(f.text("/embed/services/kakaotalk?lang=en").body()).contains("data-state=\"down\"", "Down");
            assertThat(f.text("/badge/overall.svg").body()).contains("Major outage");
            assertThat(f.text("/badge/provider/kakao.svg").body()).contains("Major outage");
            assertThat(f.text("/badge/provider/naver.svg").body()).contains("All services operational");
        });
    }

    @Test
    void unknownWidgetsAndBadgesAre404AndBadParametersAre400() throws Exception {
        assertThat(f.text("/embed?provider=nope").statusCode()).isEqualTo(404);
        assertThat(f.text("/embed/services/nope").statusCode()).isEqualTo(404);
        assertThat(f.text("/badge/provider/nope.svg").statusCode()).isEqualTo(404);
        assertThat(f.text("/badge/provider/kakao.png").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = f.text("/embed?lang=fr");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("parameter 'lang'");
        assertThat(f.text("/badge/overall.svg?lang=xx").statusCode()).isEqualTo(400);
    }

    @Test
    void badgesAreSvgInEitherLanguage() throws Exception {
        HttpResponse<String> en = f.text("/badge/overall.svg");
        assertThat(en.headers().firstValue("Content-Type")).hasValue("image/svg+xml; charset=utf-8");
        assertThat(en.body()).startsWith("<svg").contains("status");
        assertThat(f.text("/badge/overall.svg?lang=ko").body()).contains("서비스 상태");
        assertThat(f.text("/badge/kakaotalk.svg").statusCode()).as("service badges still work").isEqualTo(200);
    }

    private static String hashOfInlineStyle(String html) throws Exception {
        String css = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
        return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8))) + "'";
    }
}
