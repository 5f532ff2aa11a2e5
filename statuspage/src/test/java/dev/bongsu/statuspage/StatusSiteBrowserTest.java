package dev.bongsu.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.bongsu.model.Incident;
import dev.bongsu.statuspage.support.Fixtures;
import dev.bongsu.statuspage.support.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The pages in headless Chromium against a real server: every service, a dc-fire, KO/EN, the incident timeline. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusSiteBrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static SiteFixture f;
    static ChromeDriver browser;
    static Path shots;
    static Incident fire;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Chromium and chromedriver are needed at /usr/bin/chromium and /usr/bin/chromedriver: "
                    + "install them with scripts/test or 'apt-get install chromium chromium-driver'");
        }
        shots = Paths.get(System.getProperty("bongsu.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        f = new SiteFixture(dir.resolve("data"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--lang=ko-KR",
                "--window-size=1100,1400");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ko-KR,ko"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
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
        assertThat(card.getText()).contains("4 kakao services down together", "All 4 services of provider kakao are down.", "KakaoTalk");
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
        List<WebElement> steps = browser.findElements(By.cssSelector("#timeline li"));
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).getText()).contains("Opened", "KST", "Failing: KakaoTalk, KakaoBank, KakaoPay, KakaoMap");
        shot("incident-open-en");

        f.recover(fire.startedAt());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.cssSelector("#timeline li"))).hasSize(2);
        });
        assertThat(browser.findElement(By.id("incident-state")).getText()).isEqualTo("Resolved");
        browser.get(f.base() + "/incidents/" + fire.id() + "?lang=ko");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("발생", "해결");
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
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("4 kakao services down together", "Provider", "kakao");
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
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("4 kakao services down together");
    }

    @Test
    @Order(7)
    void aPhoneSizedWindowStillShowsTheBanner() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(f.base() + "/?lang=ko");
        assertThat(browser.findElement(By.id("banner")).isDisplayed()).isTrue();
        shot("home-phone-ko");
    }

    private static void shot(String name) throws Exception {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(shots.resolve(name + ".png"), png);
    }
}
