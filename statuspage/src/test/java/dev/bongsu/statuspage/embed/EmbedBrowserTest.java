package dev.bongsu.statuspage.embed;

import dev.bongsu.statuspage.support.Browsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bongsu.statuspage.support.SiteFixture;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page on another origin frames the widget and the home page in headless Chromium: the widget renders with its
 * style, the home page is refused by the browser ({@code frame-ancestors 'none'}).
 */
class EmbedBrowserTest {

    @TempDir
    static Path dir;
    static SiteFixture f;
    static HttpServer otherSite;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        f = new SiteFixture(dir.resolve("data"));
        // a newsroom's article page: another origin (localhost, another port) that frames the status site
        String article = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>News</title></head><body>
                <h1>Outage live blog</h1>
                <iframe id="widget" title="status" src="%1$s/embed?lang=en" width="480" height="220"></iframe>
                <iframe id="service" title="kakaotalk" src="%1$s/embed/services/kakaotalk?lang=ko" width="480" height="160"></iframe>
                <iframe id="home" title="home" src="%1$s/?lang=en" width="480" height="220"></iframe>
                <img id="badge" alt="status" src="%1$s/badge/overall.svg">
                </body></html>
                """.formatted(f.base());
        otherSite = f.vertx.createHttpServer()
                .requestHandler(req -> req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(article))
                .listen(0, "127.0.0.1").await();
        browser = Browsers.headless(dir, false, "1000,900");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (otherSite != null) {
            otherSite.close().await();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void anotherSiteShowsTheWidgetButNotTheHomePage() throws Exception {
        browser.get("http://localhost:" + otherSite.actualPort() + "/article");

        await("the widget in its frame").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.switchTo().defaultContent();
            browser.switchTo().frame("widget");
            WebElement state = browser.findElement(By.id("state"));
            assertThat(state.getText()).isEqualTo("✔ All services operational");
            // the inline stylesheet ran: its hash is in the widget's policy
            assertThat(state.getCssValue("background-color")).isEqualTo("rgba(26, 127, 55, 1)");
        });
        WebElement full = browser.findElement(By.id("full"));
        assertThat(full.getAttribute("target")).isEqualTo("_blank");
        assertThat(full.getAttribute("rel")).isEqualTo("noopener");
        assertThat(full.getAttribute("href")).isEqualTo(f.base() + "/?lang=en");

        browser.switchTo().defaultContent();
        browser.switchTo().frame("service");
        assertThat(browser.findElement(By.id("state")).getText()).startsWith("✔ 정상");
        assertThat(browser.findElement(By.cssSelector("p.t")).getText()).isEqualTo("카카오톡");

        browser.switchTo().defaultContent();
        browser.switchTo().frame("home");
        assertThat(browser.findElements(By.id("banner"))).as("the home page refuses to be framed").isEmpty();
        browser.switchTo().defaultContent();

        await("the badge image loaded").atMost(Duration.ofSeconds(10)).until(() ->
                Boolean.TRUE.equals(browser.executeScript("const i = document.getElementById('badge'); return i.complete && i.naturalWidth > 0;")));
        Browsers.shot(browser, "embed-on-another-site");
    }
}
