package io.investcrm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.investcrm.core.AppClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15 on a phone (390 px): companies picked by typing in the visit, offer and merge forms; several follow-ups;
 * correcting a visit; the unread badge; and no console error (favicon included) on the main pages.
 */
@QuarkusTest
class OfficerUiBrowserTest extends BrowserTestBase {

    @Inject
    EntityManager em;

    @BeforeAll
    static void open() {
        browser = new Browser(390, 844);
    }

    void setValue(WebElement input, String value) {
        js().executeScript("arguments[0].value = arguments[1];", input, value);
    }

    /** Types into a picker and waits for an answer naming the firm. */
    WebElement typeAndWait(String pickerName, String text, String expected) {
        WebElement input = browser.driver.findElement(By.id("f-" + pickerName));
        input.clear();
        input.sendKeys(text);
        By option = By.xpath("//ul[@id='f-" + pickerName + "-options']/li[contains(., '" + expected + "')]");
        browser.waitUp().until(ExpectedConditions.visibilityOfElementLocated(option));
        return browser.driver.findElement(option);
    }

    /** Switches to Chinese on a page; the console is read from here on (the sign-in pages are Keycloak's, not ours). */
    void openInChinese(String path) {
        browser.driver.get(baseUrl() + "/lang/zh-CN?return=" + path);
        browser.consoleErrors();
    }

    /** Waits for the saved page; a refused form fails the test with the page's messages. */
    void awaitSaved() {
        try {
            browser.waitUp().until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")),
                    ExpectedConditions.presenceOfElementLocated(By.id("form-errors")),
                    ExpectedConditions.presenceOfElementLocated(By.id("problem-detail"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not saved: " + browser.driver.getCurrentUrl() + " " + browser.consoleErrors() + " "
                    + browser.driver.findElement(By.tagName("body")).getText(), e);
        }
        if (browser.driver.findElements(By.id("saved-notice")).isEmpty()) {
            throw new AssertionError("refused: " + browser.driver.findElement(By.tagName("main")).getText());
        }
    }

    @Test
    void anOfficerPicksFirmsByTypingLogsTwoFollowUpsAndCorrectsTheVisit() {
        int n = TestData.next();
        String first = "福田拾光" + n + "科技有限公司";
        String second = "深圳鹏域" + n + "数据服务有限公司";
        long firstId = TestData.createCompany(Tokens.OFFICER, TestData.company(first, "Shiguang " + n + " Tech"));
        Map<String, Object> secondBody = TestData.company(second, "Pengyu " + n + " Data");
        String secondCode = (String) secondBody.get("creditCode");
        long secondId = TestData.createCompany(Tokens.OFFICER, secondBody);
        TestData.startProspect(Tokens.OFFICER, firstId, Map.of());
        TestData.startProspect(Tokens.OFFICER, secondId, Map.of());

        browser.signIn(baseUrl(), "/activities/new", Tokens.OFFICER);
        var d = browser.driver;
        openInChinese("/activities/new");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        assertTrue(fitsThePhone(), "the visit form must not scroll sideways on a phone");

        // a name fragment, chosen with the keyboard
        typeAndWait("companyIds", "拾光" + n, first);
        WebElement input = d.findElement(By.id("f-companyIds"));
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("true", d.findElement(By.id("f-companyIds-options")).findElement(By.cssSelector("[role=option]"))
                .getAttribute("aria-selected"));
        input.sendKeys(Keys.ENTER);
        browser.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-companyIds-chosen"), first));
        // the first characters of a credit code, chosen by touch
        typeAndWait("companyIds", secondCode.substring(0, 15), second).click();
        browser.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-companyIds-chosen"), second));
        assertEquals(2, d.findElements(By.cssSelector("#f-companyIds-chosen input[name=companyIds]")).size());
        assertTrue(fitsThePhone(), "the chosen firms must not widen the page");

        d.findElement(By.id("f-summary")).sendKeys("两家企业联合拜访，讨论设立研发中心");
        // two follow-ups: the second row is added on the page
        String today = LocalDate.now(AppClock.OFFICE_ZONE).toString();
        d.findElement(By.id("f-followUpTitle-0")).sendKeys("寄送人才政策");
        setValue(d.findElement(By.id("f-followUpDue-0")), LocalDate.parse(today).plusDays(2).toString());
        d.findElement(By.id("add-follow-up")).click();
        d.findElement(By.id("f-followUpTitle-1")).sendKeys("安排园区考察");
        setValue(d.findElement(By.id("f-followUpDue-1")), LocalDate.parse(today).plusDays(9).toString());
        d.findElement(By.id("save-visit")).click();
        awaitSaved();
        String tasks = d.findElement(By.id("activity-follow-ups")).getText();
        assertTrue(tasks.contains("寄送人才政策") && tasks.contains("安排园区考察"), tasks);
        String facts = d.findElement(By.id("activity-facts")).getText();
        assertTrue(facts.contains(first) && facts.contains(second), facts);

        // correct the summary; the change shows in the entry's history
        d.findElement(By.id("edit-activity")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        assertTrue(d.findElement(By.id("f-companyIds-chosen")).getText().contains(second));
        WebElement summary = d.findElement(By.id("f-summary"));
        summary.clear();
        summary.sendKeys("两家企业联合拜访，讨论设立区域研发中心");
        d.findElement(By.id("save-visit")).click();
        awaitSaved();
        assertEquals("两家企业联合拜访，讨论设立区域研发中心", d.findElement(By.id("activity-summary")).getText());
        assertTrue(d.findElement(By.id("activity-history")).getText().contains("更正"));
        assertTrue(d.findElement(By.id("delete-activity")).isDisplayed());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aManagerPicksTheRecordToMergeAndTheOfferFormsCompanyByTyping() {
        int n = TestData.next();
        String keep = "福田合并保留" + n + "有限公司";
        String gone = "福田合并注销" + n + "有限公司";
        long keepId = TestData.createCompany(Tokens.MANAGER, TestData.company(keep, null));
        TestData.createCompany(Tokens.MANAGER, TestData.company(gone, null));
        browser.signIn(baseUrl(), "/merge?survivor=" + keepId, Tokens.MANAGER);
        var d = browser.driver;
        openInChinese("/merge?survivor=" + keepId);
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("merge-pick-form")));
        assertTrue(d.findElement(By.id("f-survivor-chosen")).getText().contains(keep));
        assertTrue(fitsThePhone(), "the merge picker must not scroll sideways on a phone");
        typeAndWait("loser", "注销" + n, gone).click();
        d.findElement(By.id("merge-pick-submit")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("merge-loser")));
        assertTrue(d.findElement(By.id("merge-loser")).getText().contains(gone));
        assertTrue(d.findElement(By.id("merge-survivor")).getText().contains(keep));

        // the offer form: opened for one firm, switched to another by typing
        d.get(baseUrl() + "/offers/new?companyId=" + keepId);
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("offer-form")));
        assertTrue(d.findElement(By.id("f-companyId-chosen")).getText().contains(keep));
        typeAndWait("companyId", "注销" + n, gone).click();
        browser.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-companyId-chosen"), gone));
        assertEquals(1, d.findElements(By.cssSelector("#f-companyId-chosen input[name=companyId]")).size());
        assertFalse(d.findElement(By.id("f-companyId-chosen")).getText().contains(keep));
        assertTrue(fitsThePhone(), "the offer form must not scroll sideways on a phone");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theMainPagesLogNoConsoleErrorTheBadgeCountsUnreadAndTheBoardSaysWhatItShows() {
        long company = TestData.createCompany(Tokens.MANAGER, TestData.company());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO notification (recipient, kind, message_key, "
                + "args, link, created_at) VALUES (?1, 'REMINDER', 'activity.tasks.title', NULL, '/tasks', ?2)")
                .setParameter(1, Tokens.MANAGER).setParameter(2, LocalDateTime.now()).executeUpdate());
        browser.signIn(baseUrl(), "/tasks", Tokens.MANAGER);
        var d = browser.driver;
        openInChinese("/");
        for (String path : List.of("/", "/pipeline", "/pipeline?all=1", "/pipeline/list", "/tasks", "/companies",
                "/companies/" + company, "/companies/" + company + "/timeline", "/activities/new", "/offers", "/merge",
                "/rankings", "/imports", "/verification", "/plan", "/plan/gaps")) {
            d.get(baseUrl() + path);
            browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            assertEquals(List.of(), browser.consoleErrors(), "console errors on " + path);
            assertTrue(fitsThePhone(), path + " must not scroll sideways on a phone");
        }
        Object favicon = js().executeAsyncScript("var done = arguments[0]; fetch('/favicon.ico').then(r => done(r.status));");
        assertEquals(200L, ((Number) favicon).longValue());

        // "show all" says so in its title
        d.get(baseUrl() + "/pipeline?all=1");
        assertEquals("全部招商项目", d.findElement(By.id("board-title")).getText());
        d.get(baseUrl() + "/pipeline");
        assertEquals("我的招商项目", d.findElement(By.id("board-title")).getText());

        // the unread badge, and reading them all clears it
        // on a phone the menu is folded: the badge sits on the menu button too
        assertTrue(Integer.parseInt(d.findElement(By.id("unread-badge")).getAttribute("textContent").trim()) >= 1);
        assertTrue(d.findElement(By.cssSelector("#nav-toggle-label .badge")).isDisplayed());
        d.get(baseUrl() + "/tasks");
        d.findElement(By.id("mark-read")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertTrue(d.findElements(By.id("unread-badge")).isEmpty());

        // the alias form on the company page keeps its fields on the phone's width
        d.get(baseUrl() + "/companies/" + company);
        WebElement alias = d.findElement(By.cssSelector("#alias-form input[name=name]"));
        assertTrue(alias.getSize().getWidth() >= 150, "alias input is " + alias.getSize().getWidth() + " px wide");
        assertTrue(fitsThePhone());
    }
}
