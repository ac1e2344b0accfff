package io.investcrm.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 15, "no console error on any page": every page of the app, as each role opens it (officer, manager, approver,
 * admin), in Chromium at a phone's width, answers 200 and logs nothing to the console (no failed request — the
 * favicon, a script, a style — and no script error). Downloads (exports, PDFs) are not pages and are left out.
 */
@QuarkusTest
class EveryPageBrowserTest extends BrowserTestBase {

    @BeforeAll
    static void open() {
        browser = new Browser(390, 844);
    }

    /** The records the pages show, made through the API as people would. */
    record Records(long company, long prospect, long activity, long contact, long ranking, long importJob, long draft,
            long submitted, long other) {
    }

    static Records records() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company("福田全页面" + TestData.next() + "有限公司", "Every Page Co"));
        long prospect = TestData.startProspect(Tokens.OFFICER, company, Map.of());
        String location = given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType(ContentType.JSON)
                .body(Map.of("kind", "VISIT", "companyIds", List.of(company), "summary", "全页面检查：拜访"))
                .when().post("/api/activities").then().statusCode(201).extract().header("Location");
        long activity = Long.parseLong(location.replaceAll(".*/", ""));
        long contact = TestData.createContact(Tokens.OFFICER, company, TestData.contact("王全页", TestData.mobile(), null));
        Number ranking = given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).contentType(ContentType.JSON)
                .body(Map.of("code", "every-page-" + TestData.next(), "year", 2024, "nameZh", "全页面检查榜", "nameEn",
                        "Every page list", "scope", "MAINLAND"))
                .when().post("/api/rankings").then().statusCode(201).extract().path("id");
        Number job = given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType("text/csv")
                .queryParam("kind", "COMPANY").queryParam("fileName", "every-page.csv")
                .body(("企业名称,总部所在地\n全页面导入" + TestData.next() + "有限公司,香港\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/imports").then().statusCode(201).extract().path("id");
        long draft = TestData.createOffer(Tokens.OFFICER, TestData.spaceOffer(company, "300"));
        long pursued = TestData.pursuedCompany(Tokens.OFFICER);
        long submitted = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(pursued, "200000"));
        long other = TestData.createCompany(Tokens.MANAGER, TestData.company());
        return new Records(company, prospect, activity, contact, ranking.longValue(), job.longValue(), draft, submitted, other);
    }

    static List<String> officerPages(Records r) {
        String section = URLEncoder.encode("五(二)1", StandardCharsets.UTF_8);
        return List.of("/", "/day", "/pipeline", "/pipeline?all=1", "/pipeline/list", "/pipeline/prospects/" + r.prospect(),
                "/activities/new", "/activities/" + r.activity(), "/activities/" + r.activity() + "/edit", "/tasks",
                "/companies", "/companies?q=" + URLEncoder.encode("全页面", StandardCharsets.UTF_8), "/companies/new",
                "/companies/" + r.company(), "/companies/" + r.company() + "/edit", "/companies/" + r.company() + "/timeline",
                "/contacts/new?company=" + r.company(), "/contacts/" + r.contact() + "/edit", "/rankings",
                "/rankings/" + r.ranking(), "/imports", "/imports/" + r.importJob(), "/offers", "/offers/new",
                "/offers/new?companyId=" + r.company(), "/offers?companyId=" + r.company(), "/offers/" + r.draft(),
                "/offers/" + r.draft() + "/edit", "/offers/" + r.submitted(), "/space", "/budgets", "/plan",
                "/plan/sections/" + section, "/plan/zones/huaqiang-shangbu", "/plan/gaps");
    }

    /** What managers open beyond an officer's pages (the import run is its uploader's page). */
    static List<String> managerPages(Records r) {
        List<String> pages = new ArrayList<>(officerPages(r));
        pages.remove("/imports/" + r.importJob());
        pages.addAll(List.of("/verification", "/merge", "/merge?survivor=" + r.company(),
                "/merge?survivor=" + r.company() + "&loser=" + r.other(), "/delegations", "/dashboard",
                "/dashboard/rows?figure=stage&value=LEAD", "/goals", "/goals/coverage", "/goals/targets",
                "/goals/licences?companyId=" + r.company()));
        return pages;
    }

    static List<String> approverPages(Records r) {
        String section = URLEncoder.encode("五(二)1", StandardCharsets.UTF_8);
        return List.of("/", "/offers", "/offers/" + r.submitted(), "/space", "/budgets", "/delegations", "/plan",
                "/plan/sections/" + section, "/plan/zones/huaqiang-shangbu");
    }

    /** Visits each page; returns what went wrong (status other than 200, console errors), page by page. */
    List<String> visit(String user, List<String> pages) {
        browser.signIn(baseUrl(), "/plan", user);
        browser.driver.get(baseUrl() + "/lang/zh-CN?return=/");
        browser.consoleErrors();
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            browser.driver.get(baseUrl() + page);
            browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            Object status = ((JavascriptExecutor) browser.driver).executeScript(
                    "var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null;");
            if (status != null && ((Number) status).intValue() != 200) {
                problems.add(user + " " + page + ": HTTP " + status);
            }
            List<String> errors = browser.consoleErrors();
            if (!errors.isEmpty()) {
                problems.add(user + " " + page + ": " + errors);
            }
        }
        return problems;
    }

    @Test
    void everyPageOpensWithoutAConsoleErrorForEveryRole() {
        Records r = records();
        TestData.signIn(Tokens.APPROVER);
        TestData.signIn(Tokens.ADMIN);
        List<String> problems = new ArrayList<>();
        problems.addAll(visit(Tokens.OFFICER, officerPages(r)));
        problems.addAll(visit(Tokens.MANAGER, managerPages(r)));
        problems.addAll(visit(Tokens.APPROVER, approverPages(r)));
        // admins see what managers see, but never a person's data in full (the personal-data page is a manager's)
        problems.addAll(visit(Tokens.ADMIN, managerPages(r)));
        List<String> managerOnly = List.of("/contacts/" + r.contact() + "/personal-data");
        problems.addAll(visit(Tokens.MANAGER, managerOnly));
        assertEquals(List.of(), problems);
    }

    @Test
    void theConsoleIsReallyRead() {
        // a page that fails is seen: an error logged by a script and a request that answers 404
        browser.signIn(baseUrl(), "/plan", Tokens.OFFICER);
        browser.driver.get(baseUrl() + "/plan");
        browser.consoleErrors();
        ((JavascriptExecutor) browser.driver).executeScript("console.error('probe');");
        browser.driver.get(baseUrl() + "/companies/987654321");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
        List<String> errors = browser.consoleErrors();
        assertEquals(true, errors.stream().anyMatch(e -> e.contains("probe")), errors.toString());
        assertEquals(true, errors.stream().anyMatch(e -> e.contains("404")), errors.toString());
    }
}
