package io.investcrm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.investcrm.core.AppClock;
import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** An officer on a phone: starts a pursuit, logs a visit with a follow-up, sees the task, moves the prospect. */
@QuarkusTest
class PipelineBrowserTest extends BrowserTestBase {

    @BeforeAll
    static void open() {
        browser = new Browser(390, 844);
    }

    void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    @Test
    void officerLogsAVisitWithAFollowUpOnAPhoneAndMovesTheProspect() {
        String name = "福田手机拜访测试" + TestData.next();
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company(name, "Phone Visit Co"));
        browser.signIn(baseUrl(), "/companies/" + company + "/timeline", Tokens.OFFICER);
        var d = browser.driver;
        // the office works in Chinese; headless Chromium may announce English, so choose the language explicitly
        d.get(baseUrl() + "/lang/zh-CN?return=/companies/" + company + "/timeline");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline-company")));
        assertEquals(name, d.findElement(By.id("timeline-company")).getText());

        // start the pursuit from the company's timeline
        d.findElement(By.id("start-submit")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertTrue(d.findElement(By.id("prospect-stage")).getText().contains("线索"));
        String prospectUrl = d.getCurrentUrl().replaceAll("\\?.*$", "");

        // the quick visit form, on a 390 px screen
        d.findElement(By.id("log-visit")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        assertTrue(fitsThePhone(), "the visit form must not scroll sideways on a phone");
        assertTrue(d.findElement(By.id("f-companyIds-chosen")).getText().contains(name));
        String task = "寄送人才政策 " + TestData.next();
        d.findElement(By.id("f-place")).sendKeys("卓越时代广场");
        d.findElement(By.id("f-summary")).sendKeys("拜访财务总监，了解区域总部设立计划");
        d.findElement(By.id("f-followUpTitle-0")).sendKeys(task);
        // a follow-up without its due date: refused by the server, the input comes back with the message
        d.findElement(By.id("save-visit")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals("请填写截止日期。", d.findElement(By.id("err-followUps")).getText());
        assertEquals("拜访财务总监，了解区域总部设立计划", d.findElement(By.id("f-summary")).getAttribute("value"));
        assertEquals(task, d.findElement(By.id("f-followUpTitle-0")).getAttribute("value"));
        setValue(d.findElement(By.id("f-followUpDue-0")), LocalDate.now(AppClock.OFFICE_ZONE).plusDays(2).toString());
        d.findElement(By.id("save-visit")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertTrue(d.findElement(By.id("activity-follow-ups")).getText().contains(task));

        // the follow-up is in my tasks this week
        d.get(baseUrl() + "/tasks");
        assertTrue(d.findElement(By.id("tasks-week")).getText().contains(task));

        // the visit shows on the timeline
        d.get(baseUrl() + "/companies/" + company + "/timeline");
        assertTrue(d.findElement(By.id("timeline")).getText().contains("拜访财务总监"));

        // move the prospect; the signed gate refuses without its facts and keeps the stage
        d.get(prospectUrl);
        new Select(d.findElement(By.id("f-stage"))).selectByValue("VISITED");
        d.findElement(By.id("move-submit")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertTrue(d.findElement(By.id("prospect-stage")).getText().contains("考察"));
        new Select(d.findElement(By.id("f-stage"))).selectByValue("SIGNED");
        d.findElement(By.id("move-submit")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals("进入签约阶段须填写签约日期。", d.findElement(By.id("err-signedOn")).getText());
        assertTrue(d.findElement(By.id("prospect-stage")).getText().contains("考察"));
        assertTrue(d.findElement(By.id("prospect-history")).getText().contains("阶段变更"));

        // my board and my list show it in its new stage, with its traffic light
        d.get(baseUrl() + "/pipeline");
        assertTrue(d.findElement(By.id("column-VISITED")).getText().contains(name));
        d.get(baseUrl() + "/pipeline/list");
        WebElement row = d.findElement(By.id("prospect-list")).findElement(By.xpath(".//tr[td/a[text()='" + name + "']]"));
        assertTrue(row.findElement(By.className("light-green")).isDisplayed());
    }

    @Test
    void aManagerSeesTheVerificationQueue() {
        browser.signIn(baseUrl(), "/verification", Tokens.MANAGER);
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("落地核验"));
    }
}
