package org.waymark.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through chromedriver, with the flags our machines need (no
 * sandbox as root, no background network). Always closed; screenshots go under target/screenshots.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("waymark.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("waymark.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    Browser(int port) throws IOException {
        this.baseUrl = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("waymark-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Clicks something that submits or navigates, and waits until the next page has replaced this one. */
    void submit(String id) {
        var page = driver.findElement(By.tagName("html"));
        click(id);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    void type(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }

    /**
     * Automated accessibility checks on the current page: language, title, skip link, one h1 and
     * headings in order, a label for every input, and no duplicate ids. Returns the problems found.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const problems = [];
                if (!document.documentElement.lang) problems.push('html has no lang');
                if (!document.title || !document.title.trim()) problems.push('page has no title');
                const skip = document.querySelector('a.govuk-skip-link');
                if (!skip || !document.querySelector(skip.getAttribute('href'))) problems.push('no working skip link');
                const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')];
                const h1s = headings.filter(h => h.tagName === 'H1').length;
                if (h1s !== 1) problems.push('expected one h1, found ' + h1s);
                let previous = 0;
                for (const h of headings) {
                  const level = Number(h.tagName[1]);
                  if (previous === 0 && level !== 1 && !h.closest('header, nav, [role=alert], .govuk-notification-banner, footer'))
                    problems.push('first heading is ' + h.tagName);
                  if (previous > 0 && level > previous + 1) problems.push('heading jumps from h' + previous + ' to ' + h.tagName + ': ' + h.textContent.trim());
                  previous = level;
                }
                for (const field of document.querySelectorAll('input, select, textarea')) {
                  if (['hidden', 'submit', 'button'].includes(field.type)) continue;
                  const labelled = (field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]'))
                      || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby') || field.closest('label');
                  if (!labelled) problems.push('field without a label: ' + (field.name || field.id || field.outerHTML));
                }
                const seen = new Map();
                for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
                for (const [id, n] of seen) if (n > 1) problems.push('duplicate id: ' + id);
                for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('img without alt');
                const described = [...document.querySelectorAll('[aria-describedby]')]
                    .flatMap(el => el.getAttribute('aria-describedby').split(/\s+/));
                for (const message of document.querySelectorAll('.govuk-error-message')) {
                  if (!message.id || !described.includes(message.id))
                    problems.push('error message not tied to its field: ' + message.textContent.trim());
                }
                for (const id of described) if (id && !document.getElementById(id)) problems.push('aria-describedby names a missing id: ' + id);
                for (const link of document.querySelectorAll('.govuk-error-summary a')) {
                  const target = link.getAttribute('href');
                  if (!target || !target.startsWith('#') || !document.getElementById(target.substring(1)))
                    problems.push('error summary link to nowhere: ' + target);
                }
                return problems;
                """);
    }

    void assertAccessible() {
        assertThat(accessibilityProblems()).as("accessibility problems on " + path()).isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
