package io.tenantconfig.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.tenantconfig.server.support.TenantConfigServerTest;

/**
 * One headless Chromium per test class, driven against the real running server. Helpers speak the page's
 * language (sign in, open a view, fill a field, read a message) so that tests read as what a user does.
 */
@TenantConfigServerTest
abstract class BrowserTestSupport {

    /** Upper bound for the page to react (network round trips to a local server); never a speed assertion. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final Dimension LAPTOP = new Dimension(1280, 1000);

    protected static ChromeDriver browser;

    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        HeadlessChromium.requireInstalled();
        profile = Files.createTempDirectory("tenant-config-chromium-");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            catch (IOException ex) {
                // a leftover temporary profile does no harm
            }
        }
    }

    /** Every test starts signed out, on a blank tab of the page's origin, at laptop size. */
    @BeforeEach
    void signedOutTab() {
        browser.manage().window().setSize(LAPTOP);
        browser.get(WebPageOrigin.baseUrl() + "/ui/page-settings");
        script("sessionStorage.clear(); localStorage.clear();");
    }

    protected void open(String fragment) {
        browser.get(WebPageOrigin.pageUrl() + fragment);
        waitFor().until(driver -> script("return document.readyState").equals("complete"));
    }

    protected void signIn(String jwt) {
        WebElement input = visible(By.id("token-input"));
        input.clear();
        input.sendKeys(jwt);
        browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    }

    protected WebElement visible(By locator) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's text contains {@code text}, then returns the whole text. */
    protected String textContaining(By locator, String text) {
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return browser.findElement(locator).getText();
    }

    protected void fill(String id, String value) {
        WebElement input = visible(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    protected String valueOf(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    protected Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    protected WebDriverWait waitFor() {
        return new WebDriverWait(browser, PATIENCE);
    }

    protected void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        waitFor().until(condition);
    }

    /** Saves what the browser shows into {@code docs/screenshots/{name}.png}, for the README. */
    protected void screenshot(String name) {
        Path directory = Path.of(System.getProperty("basedir", ".")).resolve("../docs/screenshots").normalize();
        try {
            Files.createDirectories(directory);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), directory.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot save screenshot " + name, ex);
        }
    }
}
