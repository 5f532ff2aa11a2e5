package dev.bongsu.statuspage.support;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests, set up one way: the machine's own /usr/bin/chromium and
 * /usr/bin/chromedriver (Selenium's driver download cannot work offline), the flags that keep Chromium off the
 * network, a fresh profile. After a click that loads a page, find what that page shows with {@link #find}: it
 * waits for the element instead of racing the navigation (no implicit wait, which would slow every absent-element
 * check inside an Awaitility loop).
 */
public final class Browsers {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private Browsers() {
    }

    /** A headless browser with a profile under {@code dir}; {@code korean} sets its languages to ko-KR. */
    public static ChromeDriver headless(Path dir, boolean korean, String windowSize) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Chromium and chromedriver are needed at /usr/bin/chromium and /usr/bin/chromedriver: "
                    + "install them with scripts/test or 'apt-get install chromium chromium-driver'");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--window-size=" + windowSize);
        if (korean) {
            options.addArguments("--lang=ko-KR");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ko-KR,ko"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** The element once the page shows it (within 15 s): for what a click or a form submission leads to. */
    public static WebElement find(ChromeDriver browser, By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Saves a screenshot as {@code <name>.png} under {@code bongsu.screenshots} (default target/screenshots). */
    public static Path shot(ChromeDriver browser, String name) throws Exception {
        Path shots = Paths.get(System.getProperty("bongsu.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        Path file = shots.resolve(name + ".png");
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Closes a browser that may not have started. */
    public static void quit(ChromeDriver browser) {
        if (browser != null) {
            browser.quit();
        }
    }
}
