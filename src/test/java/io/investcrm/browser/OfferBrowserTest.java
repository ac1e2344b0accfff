package io.investcrm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Offers on a phone, in Chinese: an officer makes and submits one; an approver finds it waiting and decides it. */
@QuarkusTest
class OfferBrowserTest extends BrowserTestBase {

    @BeforeAll
    static void open() {
        browser = new Browser(390, 844);
    }

    void inChinese(String path, String waitForId) {
        browser.driver.get(baseUrl() + "/lang/zh-CN?return=" + path);
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id(waitForId)));
    }

    @Test
    void anApproverApprovesAnOfferWaitingForThem() {
        for (String u : new String[] { Tokens.OFFICER, Tokens.APPROVER }) {
            TestData.signIn(u);
        }
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        var body = TestData.spaceOffer(company, "1200");
        String title = (String) body.get("title");
        TestData.submittedOffer(Tokens.OFFICER, body);

        browser.signIn(baseUrl(), "/offers", Tokens.APPROVER);
        inChinese("/offers", "awaiting");
        var d = browser.driver;
        assertTrue(d.findElement(By.tagName("h2")).getText().contains("待我审批"));
        d.findElement(By.id("offers-awaiting")).findElement(By.linkText(title)).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("decide-form")));
        assertTrue(fitsThePhone(), "the offer page must not scroll sideways on a phone");
        assertTrue(d.findElement(By.id("offer-status")).getText().contains("审批中"));
        assertTrue(d.findElement(By.id("offer-zone")).getText().contains("华强"));

        // a rejection without a reason is refused; nothing is decided
        d.findElement(By.id("offer-reject")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals("请填写理由。", d.findElement(By.id("err-reason")).getText());
        assertTrue(d.findElement(By.id("step-1-1")).getText().contains("待审批"));

        d.findElement(By.id("f-reason")).sendKeys("租金符合片区指导价");
        d.findElement(By.id("offer-approve")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertTrue(d.findElement(By.id("offer-status")).getText().contains("已批准"));
        String step = d.findElement(By.id("step-1-1")).getText();
        assertTrue(step.contains("批准") && step.contains(Tokens.APPROVER) && step.contains("租金符合片区指导价"), step);
        assertTrue(d.findElement(By.id("offer-history")).getText().contains("审批通过"));

        // it left the queue
        d.get(baseUrl() + "/offers");
        assertTrue(d.findElements(By.linkText(title)).isEmpty());
        // the company's offers are listed for the approver, who may not open the company itself
        d.get(baseUrl() + "/offers?companyId=" + company);
        assertTrue(d.findElement(By.id("company-offers")).getText().contains(title));
        assertTrue(d.findElement(By.id("company-offers")).findElements(By.cssSelector("h2 a")).isEmpty());
    }

    @Test
    void anOfficerMakesAnOfferFromTheCompanyPageAndSubmitsIt() {
        String name = "福田方案测试" + TestData.next();
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company(name, "Offer Page Co"));
        TestData.startProspect(Tokens.OFFICER, company, java.util.Map.of());
        browser.signIn(baseUrl(), "/companies/" + company, Tokens.OFFICER);
        inChinese("/companies/" + company, "company-make-offer");
        var d = browser.driver;
        d.findElement(By.id("company-make-offer")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("offer-form")));
        assertTrue(fitsThePhone(), "the offer form must not scroll sideways on a phone");
        new Select(d.findElement(By.id("f-kind"))).selectByValue("SPACE");
        d.findElement(By.id("f-title")).sendKeys("香蜜湖金融总部楼层");
        new Select(d.findElement(By.id("f-zoneCode"))).selectByValue("xiangmihu");
        d.findElement(By.id("f-floorAreaSqm")).sendKeys("2600");
        d.findElement(By.id("f-rentPerSqmMonth")).sendKeys("150");
        d.findElement(By.id("f-termMonths")).sendKeys("36");
        // without the building: refused, the input comes back with the message
        d.findElement(By.id("offer-save")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals("必填。", d.findElement(By.id("err-building")).getText());
        assertEquals("香蜜湖金融总部楼层", d.findElement(By.id("f-title")).getAttribute("value"));
        assertEquals("xiangmihu", new Select(d.findElement(By.id("f-zoneCode"))).getFirstSelectedOption().getAttribute("value"));
        d.findElement(By.id("f-building")).sendKeys("香蜜湖片区 国际金融中心 20 层");
        d.findElement(By.id("offer-save")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertTrue(d.findElement(By.id("offer-status")).getText().contains("草稿"));

        // the draft page also shows a saved notice: wait for it to go before looking for the next one
        WebElement draftStatus = d.findElement(By.id("offer-status"));
        d.findElement(By.id("offer-submit")).click();
        browser.waitGone(draftStatus);
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        WebElement status = d.findElement(By.id("offer-status"));
        assertTrue(status.getText().contains("审批中") && status.getText().contains("审批人"), status.getText());
        // above 2 000 m²: the manager decides after the approver
        assertTrue(d.findElement(By.id("step-1-2")).getText().contains("招商经理"));
        // the company's timeline shows it
        d.get(baseUrl() + "/companies/" + company + "/timeline");
        assertTrue(d.findElement(By.id("timeline")).getText().contains("提交审批"));
    }

    @Test
    void anAdminAddsABuildingAndAnApproverReturnsAnOfferInEnglish() {
        for (String u : new String[] { Tokens.OFFICER, Tokens.APPROVER, Tokens.ADMIN }) {
            TestData.signIn(u);
        }
        var d = browser.driver;
        String name = "福田载体测试楼 " + TestData.next();
        browser.signIn(baseUrl(), "/space", Tokens.ADMIN);
        inChinese("/space", "space-form");
        assertTrue(d.findElement(By.tagName("h1")).getText().contains("载体空间库"));
        new Select(d.findElement(By.id("f-zoneCode"))).selectByValue("futian-cbd");
        d.findElement(By.id("f-name")).sendKeys(name);
        d.findElement(By.id("f-totalAreaSqm")).sendKeys("8000");
        d.findElement(By.id("f-vacantAreaSqm")).sendKeys("9000");
        d.findElement(By.id("space-save")).click();
        // more vacant than total: refused with the input kept
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals("可招商面积不能大于总面积。", d.findElement(By.id("err-vacantAreaSqm")).getText());
        assertEquals(name, d.findElement(By.id("f-name")).getAttribute("value"));
        d.findElement(By.id("f-vacantAreaSqm")).clear();
        d.findElement(By.id("f-vacantAreaSqm")).sendKeys("2500");
        d.findElement(By.id("space-save")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("space-buildings")));
        assertTrue(d.findElement(By.id("space-buildings")).getText().contains(name));
        assertTrue(fitsThePhone(), "the inventory must not scroll sideways on a phone");

        long company = TestData.pursuedCompany(Tokens.OFFICER);
        var body = TestData.spaceOffer(company, "800");
        String title = (String) body.get("title");
        long id = TestData.submittedOffer(Tokens.OFFICER, body);
        browser.signIn(baseUrl(), "/offers/" + id, Tokens.APPROVER);
        d.get(baseUrl() + "/lang/en?return=/offers/" + id);
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("decide-form")));
        assertTrue(d.findElement(By.id("offer-status")).getText().contains("step 1 of 1"),
                d.findElement(By.id("offer-status")).getText());
        d.findElement(By.id("f-reason")).sendKeys("Please add the start date");
        d.findElement(By.id("offer-return")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertTrue(d.findElement(By.id("offer-status")).getText().contains("Returned for revision"));
        assertTrue(d.findElement(By.id("offer-history")).getText().contains("Returned for revision"));
        assertTrue(fitsThePhone(), "the offer page must not scroll sideways on a phone");
        assertTrue(d.findElement(By.id("offer-title")).getText().contains(title));
    }

    @Test
    void anAdminKeepsABudgetAnApproverLendsTheirRoleAndSeesWhatRemains() {
        for (String u : new String[] { Tokens.OFFICER, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN }) {
            TestData.signIn(u);
        }
        var d = browser.driver;
        String policy = "人才安居补贴 " + TestData.next();
        browser.signIn(baseUrl(), "/budgets", Tokens.ADMIN);
        inChinese("/budgets", "budget-form");
        d.findElement(By.id("f-code")).sendKeys("TAL-" + TestData.next());
        d.findElement(By.id("f-name")).sendKeys(policy);
        d.findElement(By.id("f-budgetYear")).clear();
        d.findElement(By.id("f-budgetYear")).sendKeys("2026");
        d.findElement(By.id("f-budgetCny")).sendKeys("-5");
        d.findElement(By.id("budget-save")).click();
        // a negative budget is refused with the input kept
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("err-budgetCny")));
        assertEquals(policy, d.findElement(By.id("f-name")).getAttribute("value"));
        d.findElement(By.id("f-budgetCny")).clear();
        d.findElement(By.id("f-budgetCny")).sendKeys("3000000");
        d.findElement(By.id("budget-save")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        assertTrue(d.findElement(By.id("budgets")).getText().contains(policy));
        assertTrue(fitsThePhone(), "the budgets must not scroll sideways on a phone");

        browser.signIn(baseUrl(), "/delegations", Tokens.APPROVER);
        inChinese("/delegations", "delegation-form");
        d.findElement(By.id("f-delegate")).sendKeys(Tokens.MANAGER);
        d.findElement(By.id("delegation-save")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        WebElement row = d.findElement(By.id("delegations")).findElements(By.cssSelector("tbody tr")).get(0);
        assertTrue(row.getText().contains(Tokens.MANAGER) && row.getText().contains("生效中"), row.getText());
        assertTrue(fitsThePhone(), "the delegations must not scroll sideways on a phone");
        row.findElement(By.tagName("button")).click();
        // the notice of the save above is still on the page until the reload: wait for the old row to go first
        browser.waitGone(row);
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("saved-notice")));
        row = d.findElement(By.id("delegations")).findElements(By.cssSelector("tbody tr")).get(0);
        assertTrue(row.getText().contains("已收回"), row.getText());

        // the approver sees what remains, not the budget form nor the amounts only admins keep
        d.get(baseUrl() + "/lang/en?return=/budgets");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("budgets")));
        assertTrue(d.findElement(By.id("budgets")).getText().contains(policy));
        assertTrue(d.findElement(By.id("budgets")).getText().contains("Remaining"));
        assertTrue(d.findElements(By.id("budget-form")).isEmpty());
        assertTrue(d.findElements(By.cssSelector("#budgets form")).isEmpty());

        // an officer lends nothing: the delegations page is refused (403), the budgets page shows what remains
        browser.signIn(baseUrl(), "/budgets", Tokens.OFFICER);
        assertTrue(d.findElement(By.id("budgets")).getText().contains(policy));
        assertTrue(d.findElements(By.id("budget-form")).isEmpty());
        d.get(baseUrl() + "/delegations");
        assertTrue(d.findElements(By.id("delegation-form")).isEmpty());
        assertTrue(d.findElements(By.id("delegations")).isEmpty());
    }
}
