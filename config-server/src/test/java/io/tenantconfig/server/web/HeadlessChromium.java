package io.tenantconfig.server.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, at fixed paths so that nothing tries to download a browser (there is no
 * network here). Missing binaries fail the tests loudly; only {@code -Dbrowser.tests=off} skips them.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static final String SWITCH = "browser.tests";

    private HeadlessChromium() {
    }

    /**
     * Call before starting a browser: fails when Chromium is not installed. Switching the tests off on purpose
     * ({@code -Dbrowser.tests=off}) is a condition on the test class, so that no server starts for them.
     */
    static void requireInstalled() {
        for (Path binary : new Path[] { BROWSER, DRIVER }) {
            if (!Files.isExecutable(binary)) {
                Assertions.fail(binary + " is missing, so the web page's browser tests cannot run. Install Chromium "
                        + "with `apt-get install -y chromium chromium-driver` (.ci/run does this), or skip these "
                        + "tests deliberately with -D" + SWITCH + "=off.");
            }
        }
    }

    /** A fresh browser with its own empty profile in {@code profile}; window size as a laptop's. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
        return new ChromeDriver(service, options);
    }
}
