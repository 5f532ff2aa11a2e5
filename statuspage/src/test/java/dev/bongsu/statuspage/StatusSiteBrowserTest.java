package dev.bongsu.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Incident;
import dev.bongsu.statuspage.support.Browsers;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The pages in headless Chromium against a real server: every service, a dc-fire, KO/EN, the incident timeline. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusSiteBrowserTest {

    @TempDir
    static Path dir;
    static SiteFixture f;
    static ChromeDriver browser;
    static Incident fire;

    @BeforeAll
    static void start() throws Exception {
        f = new SiteFixture(dir.resolve("data"));
        browser = Browsers.headless(dir, true, "1100,1400");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    @Order(1)
    void homeRendersEveryServiceOperational() throws Exception {
        browser.get(f.base() + "/?lang=en");
        assertThat(browser.findElement(By.id("banner")).getText()).isEqualTo("All services operational");
        List<WebElement> rows = browser.findElements(By.cssSelector("li.service"));
        assertThat(rows).hasSize(Fixtures.ALL.size());
        for (String id : Fixtures.ALL) {
            WebElement row = browser.findElement(By.id("svc-" + id));
            assertThat(row.getText()).contains("Operational");
            WebElement bars = row.findElement(By.cssSelector("svg.bars"));
            long days = bars.findElements(By.cssSelector("path")).stream()
                    .mapToLong(p -> p.getAttribute("d").chars().filter(c -> c == 'M').count()).sum()
                    + bars.findElements(By.cssSelector("rect")).size();
            assertThat(days).as(id).isEqualTo(90);
            assertThat(bars.getAttribute("aria-label")).contains("90");
        }
        assertThat(browser.findElement(By.id("svc-toss")).getText()).contains("Toss <script>alert(1)</script>");
        assertThat(browser.findElements(By.tagName("h3")).stream().map(WebElement::getText)).contains("kakao", "naver", "viva");
        shot("home-operational-en");
    }

    @Test
    @Order(2)
    void dcFireTurnsTheBannerAndTheKakaoServices() throws Exception {
        fire = f.dcFire();
        browser.get(f.base() + "/?lang=en");
        // a reload revalidates the cached page (max-age=5) with its ETag
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("banner")).getText()).isEqualTo("Major outage");
        });
        for (String id : Fixtures.KAKAO) {
            WebElement row = browser.findElement(By.id("svc-" + id));
            assertThat(row.getAttribute("data-state")).isEqualTo("down");
            assertThat(row.getText()).contains("Down").contains("KST");
        }
        for (String id : List.of("naver", "naverpay", "navermap", "toss")) {
            assertThat(browser.findElement(By.id("svc-" + id)).getText()).contains("Operational");
        }
        WebElement card = browser.findElement(By.cssSelector("article.incident"));
        assertThat(card.getText()).contains("4 kakao services down", "All 4 services of provider kakao are down.", "KakaoTalk");
        shot("home-dc-fire-en");
    }

    @Test
    @Order(3)
    void koreanByDefaultAndTheSwitchGoesBothWays() throws Exception {
        browser.get(f.base() + "/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ko");
        assertThat(browser.findElement(By.id("banner")).getText()).isEqualTo("대규모 장애");
        assertThat(browser.findElement(By.id("svc-kakaotalk")).getText()).contains("카카오톡", "장애");
        shot("home-dc-fire-ko");
        browser.findElement(By.id("lang-switch")).click();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("banner")).getText()).isEqualTo("Major outage");
        browser.findElement(By.id("lang-switch")).click();
        assertThat(browser.findElement(By.id("banner")).getText()).isEqualTo("대규모 장애");
    }

    @Test
    @Order(4)
    void incidentPageShowsWhatFailedTheCauseAndTheTimeline() throws Exception {
        String update = "{\"status\":\"identified\",\"text\":{\"ko\":\"판교 데이터센터 화재가 원인으로 확인되었습니다.\","
                + "\"en\":\"A fire at the Pangyo datacenter is confirmed as the cause.\"}}";
        assertThat(f.post("/api/v1/admin/incidents/" + fire.id() + "/updates", update, Fixtures.ADMIN_TOKEN).statusCode()).isEqualTo(201);
        browser.get(f.base() + "/?lang=en");
        browser.findElement(By.cssSelector("article.incident h3 a")).click();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("confirmed as the cause");
        });
        String main = browser.findElement(By.tagName("main")).getText();
        assertThat(main).contains("KakaoTalk", "KakaoBank", "KakaoPay", "KakaoMap", "seoul-kt", "busan-skb", "tokyo-aws",
                "All 4 services of provider kakao are down.", "Provider kakao: 4 of 4 services down", "Datacenter pangyo: 4 of 6 services down");
        // one merged timeline: start, detection, the team update
        List<WebElement> steps = browser.findElements(By.cssSelector("#timeline li"));
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).getText()).contains("Started", "KST");
        assertThat(steps.get(1).getText()).contains("Detected", "KST", "Detected: KakaoTalk, KakaoBank, KakaoPay, KakaoMap");
        assertThat(steps.get(2).getText()).contains("confirmed as the cause");
        shot("incident-open-en");

        f.recover(fire.startedAt());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("#timeline li.step-resolved"))).hasSize(1);
        });
        assertThat(browser.findElement(By.id("incident-state")).getText()).isEqualTo("Resolved");
        browser.get(f.base() + "/incidents/" + fire.id() + "?lang=ko");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("감지", "복구", "해결");
        shot("incident-resolved-ko");
        browser.get(f.base() + "/?lang=en");
        // the page may come from the browser's cache (max-age=5): a reload revalidates it with its ETag
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("banner")).getText()).isEqualTo("All services operational");
        });
    }

    @Test
    @Order(5)
    void servicePageDrawsTheLast24HoursAndItsIncidents() throws Exception {
        browser.get(f.base() + "/services/kakaotalk?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("KakaoTalk");
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("svg.chart polyline"))).hasSize(2);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("4 kakao services down", "Provider", "kakao");
        shot("service-kakaotalk-en");
        browser.get(f.base() + "/services/naver?lang=ko");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("네이버 성능 저하");
        shot("service-naver-ko");
    }

    @Test
    @Order(6)
    void historyFiltersByDate() throws Exception {
        browser.get(f.base() + "/history?lang=en");
        assertThat(browser.findElements(By.cssSelector("article.incident"))).hasSize(2);
        shot("history-en");
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).toString();
        browser.get(f.base() + "/history?lang=en&from=" + day + "&to=" + day);
        assertThat(browser.findElements(By.cssSelector("article.incident"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("4 kakao services down");
    }

    @Test
    @Order(7)
    void aPhoneSizedWindowStillShowsTheBanner() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(f.base() + "/?lang=ko");
        assertThat(browser.findElement(By.id("banner")).isDisplayed()).isTrue();
        shot("home-phone-ko");
    }

    @Test
    @Order(8)
    void anOperatorDeclaresAnIncidentResolvesItAndItsPermalinkKeepsTheTimelineAndPostmortem() throws Exception {
        browser.manage().window().setSize(new Dimension(1100, 1400));
        String open = "{\"title\":{\"ko\":\"결제 지연\",\"en\":\"Payments delayed\"},\"services\":[\"kakaopay\",\"naverpay\"],"
                + "\"impact\":\"partial_outage\",\"text\":{\"ko\":\"결제가 늦게 처리됩니다\",\"en\":\"Payments are processed late\"}}";
        var declared = f.post("/api/v1/admin/incidents", open, Fixtures.ADMIN_TOKEN);
        assertThat(declared.statusCode()).isEqualTo(201);
        String id = new io.vertx.core.json.JsonObject(declared.body()).getJsonObject("incident").getString("id");
        browser.get(f.base() + "/?lang=en");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("article.incident .declared-mark"))).isNotEmpty();
        });
        WebElement card = browser.findElements(By.cssSelector("article.incident")).stream()
                .filter(c -> c.getText().contains("Payments delayed")).findFirst().orElseThrow();
        assertThat(card.getText()).contains("Declared by the operator", "KakaoPay", "Naver Pay");
        assertThat(browser.findElement(By.id("svc-naverpay")).getText()).contains("Degraded");
        shot("home-declared-en");

        assertThat(f.post("/api/v1/admin/incidents/" + id + "/resolve",
                "{\"text\":{\"ko\":\"정상화되었습니다\",\"en\":\"Payments are back to normal\"}}", Fixtures.ADMIN_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(f.send("PUT", "/api/v1/admin/incidents/" + id + "/postmortem",
                "{\"text\":{\"ko\":\"PG사 인증서가 만료되었습니다.\",\"en\":\"The payment gateway's certificate expired.\\n\\nWe now check it daily.\"}}",
                Fixtures.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        browser.get(f.base() + "/incidents/" + id + "?lang=en");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("#postmortem p"))).hasSizeGreaterThanOrEqualTo(3);
        });
        assertThat(browser.findElement(By.id("incident-state")).getText()).isEqualTo("Resolved");
        assertThat(browser.findElement(By.id("declared")).getText()).contains("Declared by the operator", "Partial outage");
        List<String> steps = browser.findElements(By.cssSelector("#timeline li")).stream().map(WebElement::getText).toList();
        assertThat(steps.get(0)).contains("Declared", "KakaoPay, Naver Pay");
        assertThat(steps.get(steps.size() - 1)).contains("Resolved by the operator");
        assertThat(String.join("\n", steps)).contains("Payments are processed late", "Payments are back to normal", "Recovered: KakaoPay");
        assertThat(browser.findElement(By.id("postmortem")).getText()).contains("certificate expired.", "We now check it daily.");
        assertThat(browser.findElement(By.id("permalink")).getText()).endsWith("/incidents/" + id);
        shot("incident-declared-resolved-en");
    }

    private static void shot(String name) throws Exception {
        Browsers.shot(browser, name);
    }
}
