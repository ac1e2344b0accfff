package io.investcrm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A manager signs in on a phone and lands on the dashboard: ECharts (served by the app) draws the charts from the
 * tables with no console error, in Chinese and English, without sideways scrolling; the goal pages render too.
 */
@QuarkusTest
class DashboardBrowserTest extends BrowserTestBase {

    @BeforeAll
    static void open() {
        browser = new Browser(390, 844);
    }

    List<LogEntry> severe() {
        return browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    void chartsDrawnWithoutErrors(String lang) {
        var d = browser.driver;
        browser.waitUp().until(ExpectedConditions.attributeToBe(By.id("chart-funnel"), "data-rendered", "true"));
        assertFalse(d.findElements(By.cssSelector("#chart-funnel canvas")).isEmpty(), lang + ": the funnel is drawn");
        assertEquals(List.of(), severe(), lang + ": console errors");
        String text = d.findElement(By.tagName("body")).getText();
        assertFalse(text.contains("??"), lang + ": a missing message key");
        assertTrue((Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;"), lang + ": no sideways scrolling");
    }

    @Test
    void managersLandOnTheDashboardWhoseChartsRenderInBothLanguagesOnAPhone() {
        TestData.newProspect(Tokens.OFFICER);
        // "/" needs no sign-in: sign in on a protected page, then open the start page
        browser.signIn(baseUrl(), "/goals", Tokens.MANAGER);
        var d = browser.driver;
        d.get(baseUrl() + "/");
        assertTrue(d.getCurrentUrl().endsWith("/dashboard"), d.getCurrentUrl());
        // the console log is read for real: an error written now is seen, then the page is loaded afresh
        ((JavascriptExecutor) d).executeScript("console.error('probe')");
        assertFalse(severe().isEmpty(), "browser console errors are collected");
        d.get(baseUrl() + "/dashboard");
        chartsDrawnWithoutErrors("zh");
        assertTrue(d.findElement(By.tagName("h1")).getText().contains("招商驾驶舱"));
        d.findElement(By.id("stage-LEAD")).click();
        assertTrue(d.findElement(By.id("rows-count")).getText().contains("共"));

        d.get(baseUrl() + "/lang/en?return=/dashboard");
        chartsDrawnWithoutErrors("en");
        assertTrue(d.findElement(By.tagName("h1")).getText().contains("Promotion dashboard"));
        for (String path : List.of("/goals", "/goals/coverage", "/goals/targets", "/dashboard/rows?figure=offers")) {
            d.get(baseUrl() + path);
            String text = d.findElement(By.tagName("body")).getText();
            assertFalse(text.contains("??"), path + " shows a missing message key");
            assertTrue(d.findElements(By.id("problem-detail")).isEmpty(), path + " rendered an error page: " + text);
        }
        d.get(baseUrl() + "/lang/zh-CN?return=/goals");
        assertTrue(d.findElement(By.id("target-top-professional-firms-50")).getText().contains("专栏9"));
    }

    @Test
    void officersLandOnTheirDay() {
        browser.signIn(baseUrl(), "/tasks", Tokens.OFFICER);
        var d = browser.driver;
        d.get(baseUrl() + "/");
        assertTrue(d.getCurrentUrl().endsWith("/day"), d.getCurrentUrl());
        assertTrue(d.findElements(By.id("day-overdue")).size() == 1);
        assertFalse(d.findElement(By.tagName("body")).getText().contains("??"));
    }
}
