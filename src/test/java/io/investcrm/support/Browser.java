package io.investcrm.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium, with the flags this closed network needs; signs in through Keycloak. */
public final class Browser implements AutoCloseable {

    public final WebDriver driver;
    private final Path profile;

    public Browser(int width, int height) {
        try {
            profile = Files.createTempDirectory("investcrm-chrome-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("investcrm.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        // headless Chromium asks for en-US whatever --lang says: ask for Chinese first, as the office's browsers do
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh,en"));
        // keep the console's messages, so that a test can assert a page logs no error (issue 15: no favicon 404)
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("investcrm.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public Browser() {
        this(1280, 900);
    }

    public WebDriverWait waitUp() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * Waits until an element has left the page (a reload replaced it). While the page is being replaced, Chromium
     * answers a question about the old node either as stale or with "Node with given id does not belong to the
     * document" (an unhandled inspector error); both mean it is gone. Selenium's {@code stalenessOf} takes only the
     * first and failed the wait on the second (CI, 2026-12-02).
     */
    public void waitGone(WebElement element) {
        waitUp().until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Opens a protected page and signs in on Keycloak's own login form (signing out a previous user first). */
    public void signIn(String baseUrl, String path, String username) {
        // Keycloak's session cookies live under its realm path: forget them there, and the app's here
        driver.get(KeycloakTestResource.REALM_URL + "/");
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/");
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + path);
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        // managers, approvers and admins give their second factor (the demo users' TOTP, see Totp)
        waitUp().until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("current-user")),
                ExpectedConditions.presenceOfElementLocated(By.id("otp"))));
        if (!driver.findElements(By.id("otp")).isEmpty()) {
            driver.findElement(By.id("otp")).sendKeys(Totp.now());
            driver.findElement(By.id("kc-login")).click();
        }
        waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    }

    /** The console's errors since the last call (a failed request, a script error), as text. */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
