package io.investcrm.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A manager browses the plan in a real browser: overview, a section, a zone with its candidates, the gaps, and a
 * company's explained matches — in both languages, with no missing text.
 */
@QuarkusTest
class PlanBrowserTest extends BrowserTestBase {

    @BeforeAll
    static void open() {
        browser = new Browser();
    }

    @Test
    void everyPlanPageRendersWithItsRefsAndNoMissingText() {
        Map<String, Object> body = TestData.company("华强北智能终端研发" + TestData.next() + "有限公司", "Huaqiangbei Smart Devices");
        body.put("industries", List.of("sci-tech.smart-terminals"));
        body.put("businessActivities", "智能终端，可穿戴设备");
        long id = TestData.createCompany(Tokens.OFFICER, body);

        browser.signIn(baseUrl(), "/plan", Tokens.MANAGER);
        var d = browser.driver;
        assertTrue(d.findElement(By.id("zones")).getText().contains("六(二)4"));
        assertTrue(d.findElement(By.id("indicators")).findElements(By.tagName("tr")).size() >= 16);
        for (String path : List.of("/plan", "/plan/sections/" + URLEncoder.encode("五(二)1", StandardCharsets.UTF_8),
                "/plan/zones/huaqiang-shangbu", "/plan/gaps", "/companies/" + id)) {
            d.get(baseUrl() + path);
            String text = d.findElement(By.tagName("body")).getText();
            assertFalse(text.contains("??"), path + " shows a missing message key");
            assertTrue(d.findElements(By.id("problem-detail")).isEmpty(), path + " rendered an error page: " + text);
        }
        d.get(baseUrl() + "/plan/zones/huaqiang-shangbu");
        assertTrue(d.findElement(By.id("zone-priorities")).getText().contains("集成电路设计"));
        // the panels other features add through PlanPanel: matching's best-fitting firms, offer's free space
        assertFalse(d.findElements(By.id("candidates")).isEmpty(), "the zone page shows its candidates");
        assertFalse(d.findElements(By.id("space-panel")).isEmpty(), "the zone page shows its free space");
        d.get(baseUrl() + "/plan/sections/" + URLEncoder.encode("五(二)1", StandardCharsets.UTF_8));
        assertFalse(d.findElements(By.id("candidates")).isEmpty(), "the section page shows its candidates");
        d.get(baseUrl() + "/companies/" + id);
        assertTrue(d.findElement(By.id("matches")).getText().contains("五(二)1"));

        d.get(baseUrl() + "/lang/en?return=/plan/gaps");
        assertTrue(d.findElement(By.tagName("h1")).getText().contains("Gaps"));
        assertFalse(d.findElement(By.tagName("body")).getText().contains("??"));
        d.get(baseUrl() + "/lang/zh-CN?return=/plan");
    }
}
