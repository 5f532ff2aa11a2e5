package dev.bongsu.statuspage.subscribe;

import dev.bongsu.statuspage.support.Browsers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Subscribe → confirm → unsubscribe in headless Chromium against a real server, the confirm link taken from a recording sender. */
class SubscriptionBrowserTest {

    @TempDir
    static Path dir;
    static SubscriptionSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        site = new SubscriptionSite(dir.resolve("data"), "{}");
        browser = Browsers.headless(dir, true, "1100,1400");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void subscribeConfirmAndUnsubscribeWithoutJavaScript() throws Exception {
        browser.get(site.base() + "/?lang=en");
        browser.findElement(By.id("subscribe-link")).click();
        Browsers.find(browser, By.id("email")).sendKeys("browser.reader@example.com");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Subscribe to status updates");
        browser.findElement(By.cssSelector("input[name=lang][value=ko]")).click();
        browser.findElement(By.cssSelector("input[name=provider][value=kakao]")).click();
        browser.findElement(By.cssSelector("input[name=service][value=toss]")).click();
        shot("subscribe-form-en");
        browser.findElement(By.cssSelector("#subscribe button[type=submit]")).click();

        assertThat(Browsers.find(browser, By.id("sub-pending")).getText()).contains("within 48 hours");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your inbox");
        assertThat(site.sender.sent).hasSize(1);
        RecordingSender.Sent sent = site.sender.last();
        assertThat(sent.subscriber().lang()).isEqualTo("ko");
        assertThat(sent.subscriber().scope().providers()).containsExactly("kakao");
        assertThat(sent.subscriber().scope().services()).containsExactly("toss");

        // the link from the message, opened in the browser (its language follows the browser: Korean)
        browser.get(site.local(sent.confirmUrl()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("구독 확인");
        assertThat(site.subscriptions.directory().confirmed()).isEmpty();
        shot("subscribe-confirm-ko");
        browser.findElement(By.cssSelector("#sub-confirm button")).click();
        assertThat(Browsers.find(browser, By.id("sub-confirmed")).getText()).contains("구독이 확인되었습니다");
        assertThat(site.subscriptions.directory().confirmed()).extracting(Subscriber::address).containsExactly("browser.reader@example.com");

        browser.get(site.local(sent.unsubscribeUrl()) + "&lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Unsubscribe");
        browser.findElement(By.cssSelector("#sub-unsubscribe button")).click();
        assertThat(Browsers.find(browser, By.id("sub-unsubscribed")).getText()).contains("You are unsubscribed");
        shot("subscribe-unsubscribed-en");
        assertThat(site.subscriptions.directory().confirmed()).isEmpty();
        assertThat(site.subscriptions.store().all()).isEmpty();
    }

    private static void shot(String name) throws Exception {
        Browsers.shot(browser, name);
    }
}
