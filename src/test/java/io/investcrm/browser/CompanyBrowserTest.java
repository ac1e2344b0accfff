package io.investcrm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** An officer in a real browser: Keycloak login, company list, a form that refuses bad input, a saved company. */
@QuarkusTest
class CompanyBrowserTest extends BrowserTestBase {

    @BeforeAll
    static void open() {
        browser = new Browser(390, 844); // a phone screen: the office works on phones too
    }

    @Test
    void officerSignsInCreatesACompanyAndSeesItInTheList() {
        browser.signIn(baseUrl(), "/companies", Tokens.OFFICER);
        var d = browser.driver;
        // on a phone the menu is folded away: read the text, not what is visible
        assertEquals(Tokens.OFFICER, d.findElement(By.id("current-user")).getAttribute("textContent"));
        assertTrue(d.getTitle().contains("企业库"), d.getTitle());

        d.findElement(By.id("new-company")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("company-form")));
        // bad input: no name and a wrong check digit → the form comes back with the input and the messages
        d.findElement(By.id("f-creditCode")).sendKeys("91440300MA5ABCDEF1");
        d.findElement(By.id("save")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals("请至少填写中文名称或英文名称。", d.findElement(By.id("err-nameZh")).getText());
        assertTrue(d.findElement(By.id("err-creditCode")).getText().contains("校验位"));
        assertEquals("91440300MA5ABCDEF1", d.findElement(By.id("f-creditCode")).getAttribute("value"));

        String name = "福田浏览器测试科技" + TestData.next();
        WebElement code = d.findElement(By.id("f-creditCode"));
        code.clear();
        code.sendKeys(TestData.creditCode());
        d.findElement(By.id("f-nameZh")).sendKeys(name);
        d.findElement(By.id("save")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertEquals(name, d.findElement(By.id("company-name")).getText());

        d.get(baseUrl() + "/companies?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(d.findElement(By.id("company-list")).getText().contains(name));
    }

    @Test
    void languageSwitchShowsEnglish() {
        browser.signIn(baseUrl(), "/companies", Tokens.OFFICER);
        browser.driver.findElement(By.id("nav-toggle-label")).click();
        browser.driver.findElement(By.id("lang-en")).click();
        browser.waitUp().until(ExpectedConditions.titleContains("Companies"));
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains("Companies"));
        browser.driver.findElement(By.id("nav-toggle-label")).click();
        browser.driver.findElement(By.id("lang-zh")).click();
        browser.waitUp().until(ExpectedConditions.titleContains("企业库"));
    }
}
