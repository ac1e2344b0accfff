package io.investcrm.browser;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.investcrm.company.words.CodedWords;
import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.investcrm.web.Messages;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15 on a phone (390 px): the company form takes the office's words — 香港, 区域总部, 集成电路设计, 六(二)4 — saves
 * their codes and shows them as labels; a word that fits several values asks which one was meant; and a new offer
 * opened without a company picks it on the form.
 */
@QuarkusTest
class OfficeWordsBrowserTest extends BrowserTestBase {

    @Inject
    CodedWords words;

    @BeforeAll
    static void open() {
        browser = new Browser(390, 844);
    }

    void openInChinese(String path, String awaitId) {
        browser.driver.get(baseUrl() + "/lang/zh-CN?return=" + path);
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id(awaitId)));
        browser.consoleErrors();
    }

    void type(String field, String text) {
        WebElement input = browser.driver.findElement(By.id("f-" + field));
        input.clear();
        input.sendKeys(text);
    }

    void awaitSaved() {
        try {
            browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not saved: " + browser.driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    /** A refused form answers 422: the console names that answer and nothing else. */
    void assertRefusedOnly() {
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.stream().allMatch(e -> e.contains("422")), errors.toString());
    }

    @Test
    void theCompanyFormTakesTheOfficesWordsShowsLabelsAndAsksWhichOneWasMeant() {
        String name = "福田词语表单" + TestData.next() + "有限公司";
        browser.signIn(baseUrl(), "/companies/new", Tokens.OFFICER);
        openInChinese("/companies/new", "f-nameZh");
        var d = browser.driver;
        type("nameZh", name);
        type("hqCountry", "香港");
        type("presenceSought", "区域总部");
        type("industries", "集成电路设计；机器人");
        type("preferredZone", "六(二)4");
        assertTrue(fitsThePhone(), "the company form must not scroll sideways on a phone");
        d.findElement(By.id("save")).click();
        awaitSaved();

        // saved as codes …
        long id = Long.parseLong(d.getCurrentUrl().replaceAll(".*/companies/(\\d+).*", "$1"));
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).when().get("/api/companies/" + id).then()
                .statusCode(200).body("hqCountry", equalTo("HK")).body("presenceSought", equalTo("REGIONAL_HQ"))
                .body("preferredZone", equalTo("huaqiang-shangbu"))
                .body("industries", containsInAnyOrder("sci-tech.semiconductor.ic-design", "sci-tech.robotics"));
        // … and shown as the labels people read, not as codes
        String ic = words.industryLabel("sci-tech.semiconductor.ic-design", Messages.ZH);
        assertEquals(words.countryLabel("HK", Messages.ZH), d.findElement(By.id("company-country")).getText());
        assertEquals("区域总部", d.findElement(By.id("company-presence")).getText());
        assertEquals(words.zoneLabel("huaqiang-shangbu", Messages.ZH), d.findElement(By.id("company-zone")).getText());
        assertTrue(d.findElement(By.id("company-zone")).getText().contains("华强"));
        String industries = d.findElement(By.id("company-industries")).getText();
        assertTrue(industries.contains(ic) && industries.contains(words.industryLabel("sci-tech.robotics", Messages.ZH)),
                industries);
        String page = d.findElement(By.tagName("main")).getText();
        assertTrue(!page.contains("huaqiang-shangbu") && !page.contains("sci-tech.") && !page.contains("REGIONAL_HQ"), page);

        // the edit form shows words too, and a word several industries share asks which one was meant
        d.get(baseUrl() + "/companies/" + id + "/edit");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("f-industries")));
        assertTrue(d.findElement(By.id("f-industries")).getAttribute("value").contains(ic));
        assertEquals("区域总部", d.findElement(By.id("f-presenceSought")).getAttribute("value"));
        type("industries", "跨境电商");
        type("preferredZone", "华强-上步片区");
        d.findElement(By.id("save")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("err-industries")));
        String which = d.findElement(By.id("err-industries")).getText();
        String ecommerce = words.industryLabel("sci-tech.software-it.e-commerce", Messages.ZH);
        String crossBorder = words.industryLabel("trade-exhibition.cross-border-logistics", Messages.ZH);
        assertTrue(which.contains("跨境电商") && which.contains("请写明") && which.contains(ecommerce) && which.contains(crossBorder),
                which);
        assertRefusedOnly();
        // the person's words come back in the form, and the answer is one of the offered labels
        assertEquals("跨境电商", d.findElement(By.id("f-industries")).getAttribute("value"));
        type("industries", crossBorder);
        d.findElement(By.id("save")).click();
        awaitSaved();
        assertEquals(crossBorder, d.findElement(By.id("company-industries")).getText().strip());
        assertEquals(words.zoneLabel("huaqiang-shangbu", Messages.ZH), d.findElement(By.id("company-zone")).getText());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aNewOfferWithoutACompanyPicksItOnTheForm() {
        String name = "福田无企业方案" + TestData.next() + "有限公司";
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company(name, null));
        TestData.startProspect(Tokens.OFFICER, company, Map.of());
        browser.signIn(baseUrl(), "/offers", Tokens.OFFICER);
        openInChinese("/offers", "new-offer");
        var d = browser.driver;
        d.findElement(By.id("new-offer")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("offer-form")));
        assertTrue(d.findElements(By.cssSelector("#f-companyId-chosen input[name=companyId]")).isEmpty());
        assertTrue(fitsThePhone(), "the offer form must not scroll sideways on a phone");
        new Select(d.findElement(By.id("f-kind"))).selectByValue("SPACE");
        type("title", "华强北研发楼层");
        new Select(d.findElement(By.id("f-zoneCode"))).selectByValue("huaqiang-shangbu");
        type("building", "华强北 赛格广场 30 层");
        type("floorAreaSqm", "800");
        type("rentPerSqmMonth", "120");
        type("termMonths", "36");

        // sent without a company (the picker's own check bypassed), the form comes back asking for one
        js().executeScript("document.getElementById('offer-form').submit();");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("err-companyId")));
        assertTrue(d.findElement(By.id("err-companyId")).getText().contains("选定一家企业"));
        assertEquals("华强北研发楼层", d.findElement(By.id("f-title")).getAttribute("value"));
        assertRefusedOnly();

        WebElement input = d.findElement(By.id("f-companyId"));
        input.sendKeys(name.substring(2, 9));
        By option = By.xpath("//ul[@id='f-companyId-options']/li[contains(., '" + name + "')]");
        browser.waitUp().until(ExpectedConditions.visibilityOfElementLocated(option));
        d.findElement(option).click();
        browser.waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-companyId-chosen"), name));
        d.findElement(By.id("offer-save")).click();
        awaitSaved();
        assertTrue(d.getCurrentUrl().matches(".*/offers/\\d+\\?saved=1"), d.getCurrentUrl());
        long offer = Long.parseLong(d.getCurrentUrl().replaceAll(".*/offers/(\\d+).*", "$1"));
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).when().get("/api/offers/" + offer).then()
                .statusCode(200).body("companyId", equalTo((int) company)).body("status", equalTo("DRAFT"));
        assertEquals(List.of(), browser.consoleErrors());
    }
}
