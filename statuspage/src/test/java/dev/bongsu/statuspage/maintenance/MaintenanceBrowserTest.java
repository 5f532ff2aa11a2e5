package dev.bongsu.statuspage.maintenance;

import dev.bongsu.statuspage.support.Browsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** In headless Chromium: a maintenance shown in advance on the home page and its permalink, then, the clock moved, as "점검 중". */
class MaintenanceBrowserTest {
    private static final Instant START = Instant.parse("2026-11-30T17:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shownInAdvanceThenDuring() throws Exception {
        ChromeDriver browser = Browsers.headless(dir, false, "1100,1400");
        try (MaintenanceSite s = new MaintenanceSite(dir.resolve("data"))) {
            s.windows.set(MaintenanceSite.window("mnt-browser", START, START.plus(Duration.ofHours(2)), "kakaotalk"));
            await().atMost(Duration.ofSeconds(30)).until(() -> s.get("/?lang=ko").contains("mnt-browser"));

            browser.get(s.base() + "/?lang=ko");
            String section = browser.findElement(By.id("maintenance")).getText();
            assertThat(section).contains("예정된 점검", "카카오 정기 점검", "2026-12-01 02:00 KST", "2026-12-01 04:00 KST", "카카오톡");
            browser.findElement(By.cssSelector("#maint-mnt-browser h3 a")).click();
            assertThat(browser.getCurrentUrl()).contains("/maintenance/mnt-browser");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("카카오 정기 점검");

            s.down("kakaotalk");
            s.at(START.plusSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> s.get("/?lang=ko").contains("data-state=\"maintenance\""));
            browser.get(s.base() + "/?lang=ko");
            browser.navigate().refresh(); // the page seen before may be in the browser's short cache
            assertThat(browser.findElement(By.id("banner")).getText()).isEqualTo("점검 중인 서비스가 있습니다");
            assertThat(browser.findElement(By.cssSelector("#svc-kakaotalk .state")).getText()).contains("점검 중");
            assertThat(browser.findElement(By.cssSelector("#svc-kakaotalk")).getText()).doesNotContain("장애");
            browser.get(s.base() + "/services/kakaotalk?lang=en");
            assertThat(browser.findElement(By.id("service-state")).getText()).contains("Under maintenance");
        } finally {
            browser.quit();
        }
    }
}
