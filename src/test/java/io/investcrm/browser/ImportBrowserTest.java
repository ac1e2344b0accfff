package io.investcrm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** In a real browser: upload a file, read the dry run's report, import skipping the bad row; reveal a contact's phone. */
@QuarkusTest
class ImportBrowserTest extends BrowserTestBase {

    @BeforeAll
    static void open() {
        browser = new Browser();
    }

    @Test
    void uploadPreviewAndImportSkippingTheBadRow() throws IOException {
        String token = "浏览器导入" + TestData.next();
        Path file = Files.createTempFile("firms-", ".csv");
        Files.writeString(file, "中文名称,统一社会信用代码\n" + token + "甲有限公司," + TestData.creditCode() + "\n"
                + token + "乙有限公司,91440300MA5ABCDEF1\n" + token + "丙有限公司," + TestData.creditCode() + "\n",
                StandardCharsets.UTF_8);
        browser.signIn(baseUrl(), "/imports", Tokens.OFFICER);
        var d = browser.driver;
        new Select(d.findElement(By.id("f-kind"))).selectByValue("COMPANY");
        d.findElement(By.id("f-file")).sendKeys(file.toAbsolutePath().toString());
        d.findElement(By.id("upload")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("import-report")));
        assertEquals("3", d.findElement(By.id("import-total")).getText());
        assertEquals("1", d.findElement(By.id("import-error-rows")).getText());
        assertTrue(d.findElement(By.id("row-3")).getText().contains("校验位"), d.findElement(By.id("row-3")).getText());
        assertTrue(d.findElement(By.id("skip-3")).isSelected(), "a row with an error is ticked to be skipped");
        assertTrue(d.findElement(By.id("mode-skip")).isSelected());
        d.findElement(By.id("confirm-import")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        assertEquals("2", d.findElement(By.id("import-imported")).getText());
        d.get(baseUrl() + "/companies?q=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
        String list = d.findElement(By.id("company-list")).getText();
        assertTrue(list.contains(token + "甲") && list.contains(token + "丙") && !list.contains(token + "乙"), list);
        Files.deleteIfExists(file);
    }

    @Test
    void theOwnerRevealsAPhoneNumberOnTheCompanyPage() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        String phone = TestData.mobile();
        long contact = TestData.createContact(Tokens.OFFICER, company, TestData.contact("欧阳修", phone, null));
        browser.signIn(baseUrl(), "/companies/" + company, Tokens.OFFICER);
        var d = browser.driver;
        By phoneCell = By.id("contact-" + contact + "-PHONE");
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), d.findElement(phoneCell).getText());
        assertEquals("欧**", d.findElement(By.id("contact-" + contact + "-NAME")).getText());
        new Select(d.findElement(By.cssSelector("#contact-" + contact + " select[name=field]"))).selectByValue("PHONE");
        d.findElement(By.id("reveal-" + contact)).click();
        browser.waitUp().until(ExpectedConditions.textToBe(phoneCell, phone));
        assertEquals("欧**", d.findElement(By.id("contact-" + contact + "-NAME")).getText(), "only the chosen field is shown");
    }
}
