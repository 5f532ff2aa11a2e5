package dev.bongsu.statuspage.vantagemap;

import dev.bongsu.statuspage.support.Browsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.statuspage.SiteSettings;
import dev.bongsu.statuspage.support.SiteFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** In headless Chromium: a service failing from two of three public vantages shows the table and the verdict, KO and EN. */
class VantageMapBrowserTest {

    @TempDir
    static Path dir;
    static SiteFixture f;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        f = new SiteFixture(dir.resolve("data"), new SiteSettings(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(30)),
                VantageMapSiteTest::config);
        f.history.rollups = new PerVantage(Set.of("kakaotalk"),
                Map.of("seoul-kt", 1.0, "busan-skb", 1.0, "tokyo-aws", 0.0, VantageMapSiteTest.PRIVATE, 1.0));
        await().atMost(Duration.ofSeconds(10)).until(() -> f.text("/api/v1/services/kakaotalk/vantages").body().contains("\"fails\""));
        browser = Browsers.headless(dir, false, "1100,1400");
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
    void theServicePageShowsWhereItFailsFromInEnglish() throws Exception {
        browser.get(f.base() + "/services/kakaotalk?lang=en");

        assertThat(browser.findElement(By.id("vmap-h")).getText()).isEqualTo("Where it fails from");
        assertThat(browser.findElement(By.id("vantage-verdict")).getText()).isEqualTo("Fails from KT Seoul, SKB Busan, works from Tokyo → "
                + "not one ISP's problem: it fails inside South Korea only, so a domestic network problem or geo-blocking, "
                + "not the service's global availability");
        List<WebElement> rows = browser.findElements(By.cssSelector("#vantage-map table.vantages tbody tr"));
        assertThat(rows).extracting(r -> r.findElement(By.tagName("th")).getText()).containsExactly("KT Seoul", "SKB Busan", "Tokyo");
        assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(2).getText()).containsExactly("✖ Fails", "✖ Fails", "✔ Works");
        assertThat(rows.get(0).findElements(By.tagName("td")).get(1).getText()).isEqualTo("KT");
        assertThat(browser.getPageSource()).doesNotContain(VantageMapSiteTest.PRIVATE);
        Browsers.shot(browser, "vantage-map-en");
    }

    @Test
    void theServicePageShowsWhereItFailsFromInKorean() {
        browser.get(f.base() + "/services/kakaotalk?lang=ko");

        assertThat(browser.findElement(By.id("vmap-h")).getText()).isEqualTo("어디에서 실패하나");
        assertThat(browser.findElement(By.id("vantage-verdict")).getText())
                .startsWith("KT 서울, SKB 부산에서 실패, 도쿄에서는 정상 → 한 통신사 문제가 아님: 대한민국 안에서만 실패");
        assertThat(browser.findElements(By.cssSelector("#vantage-map tbody th"))).extracting(WebElement::getText)
                .containsExactly("KT 서울", "SKB 부산", "도쿄");
    }
}
