package io.investcrm.support;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.JavascriptExecutor;

import io.quarkus.test.common.http.TestHTTPResource;

/** What every browser test shares: the app's URL and one Chromium per test class, closed after it. */
public abstract class BrowserTestBase {

    @TestHTTPResource("/")
    URL base;

    protected static Browser browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The app's base URL without the trailing slash. */
    protected String baseUrl() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    protected JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver;
    }

    /** Whether the page fits the window's width (no horizontal scrolling on a phone). */
    protected boolean fitsThePhone() {
        return Boolean.TRUE.equals(js().executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"));
    }
}
