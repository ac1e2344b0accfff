package io.investcrm.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Stored XSS (issue 13): every payload of {@code security/xss-payloads.txt} (109) is saved in the text fields of
 * companies, aliases and contacts, then every page that shows them is rendered in headless Chromium as a manager (who
 * sees names in full). Before each page loads, a hook records any call of {@code __xss}/{@code alert} and any CSP
 * violation; afterwards the DOM is searched for an injected element or handler. Nothing may run, nothing may be injected.
 */
@QuarkusTest
class StoredXssBrowserTest extends BrowserTestBase {

    static final String HOOK = "window.__fired = []; window.__xss = n => window.__fired.push('xss ' + n);"
            + "window.alert = m => window.__fired.push('alert ' + m); window.confirm = window.alert; window.prompt = window.alert;"
            + "document.addEventListener('securitypolicyviolation', e => window.__fired.push('csp ' + e.violatedDirective + ' '"
            + " + e.sample));";
    /** Elements or attributes a stored payload would have created, had it not been escaped. */
    static final String INJECTED = "const hits = [];"
            + "for (const el of document.querySelectorAll('*')) {"
            + "  for (const a of el.attributes) {"
            + "    const v = a.value || '';"
            + "    if ((a.name.startsWith('on') && v.includes('__xss(')) || (/^(href|src|action|data|formaction|srcdoc|background)$/.test(a.name)"
            + "        && /^\\s*javascript:|__xss\\(/i.test(v))) { hits.push(el.tagName + ' ' + a.name + '=' + v); }"
            + "  }"
            + "  if (el.tagName === 'SCRIPT' && (el.textContent || '').includes('__xss(')) { hits.push('script ' + el.textContent); }"
            + "  if (/^(IFRAME|OBJECT|EMBED|BASE|META|PORTAL|FRAMESET)$/.test(el.tagName) && el.outerHTML.includes('__xss(')) {"
            + "    hits.push(el.outerHTML); }"
            + "}"
            + "return hits.concat(window.__fired || []);";

    static final List<String> PAYLOADS = payloads();
    static final List<Long> companies = new ArrayList<>();
    static final List<Long> contacts = new ArrayList<>();
    static int stored;

    static List<String> payloads() {
        try (var in = Objects.requireNonNull(StoredXssBrowserTest.class.getResourceAsStream("/security/xss-payloads.txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void open() {
        browser = new Browser();
        ((HasCdp) browser.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
    }

    void store() {
        if (!companies.isEmpty()) {
            return;
        }
        int i = 0;
        while (i < PAYLOADS.size()) {
            Map<String, Object> body = TestData.company();
            body.put("nameZh", PAYLOADS.get(i++ % PAYLOADS.size()));
            body.put("nameEn", PAYLOADS.get(i++ % PAYLOADS.size()));
            body.put("nameTc", PAYLOADS.get(i++ % PAYLOADS.size()));
            body.put("hqCity", PAYLOADS.get(i++ % PAYLOADS.size()));
            body.put("businessActivities", PAYLOADS.get(i++ % PAYLOADS.size()));
            long company = TestData.createCompany(Tokens.OFFICER, body);
            stored += 5;
            given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType(ContentType.JSON)
                    .body(Map.of("kind", "ALIAS", "name", PAYLOADS.get(i++ % PAYLOADS.size())))
                    .post("/api/companies/" + company + "/aliases").then().statusCode(201);
            stored++;
            Map<String, Object> contact = TestData.contact(PAYLOADS.get(i++ % PAYLOADS.size()), TestData.mobile(), null);
            contact.put("title", PAYLOADS.get(i++ % PAYLOADS.size()));
            contact.put("consentNote", PAYLOADS.get(i++ % PAYLOADS.size()));
            contacts.add(TestData.createContact(Tokens.OFFICER, company, contact));
            stored += 3;
            companies.add(company);
        }
    }

    @Test
    void noStoredPayloadRunsOnAnyPage() {
        store();
        assertTrue(stored >= 100 && PAYLOADS.size() >= 100, "stored " + stored + " of " + PAYLOADS.size());
        browser.signIn(baseUrl(), "/companies", Tokens.MANAGER);
        List<String> pages = new ArrayList<>(List.of("/companies", "/companies?q=__xss", "/pipeline", "/"));
        for (int k = 0; k < companies.size(); k++) {
            long c = companies.get(k);
            pages.add("/companies/" + c);
            pages.add("/companies/" + c + "/edit");
            pages.add("/contacts/" + contacts.get(k) + "/edit");
            pages.add("/companies/new?parent=" + c);
        }
        List<String> findings = new ArrayList<>();
        for (String page : pages) {
            browser.driver.get(baseUrl() + page);
            @SuppressWarnings("unchecked")
            List<Object> hits = (List<Object>) ((JavascriptExecutor) browser.driver).executeScript(INJECTED);
            for (Object h : hits) {
                findings.add(page + ": " + h);
            }
        }
        assertEquals(List.of(), findings);
        // the payloads are there, as text
        browser.driver.get(baseUrl() + "/companies/" + companies.get(0));
        assertTrue(browser.driver.getPageSource().contains("&lt;script&gt;__xss(1)&lt;/script&gt;")
                || browser.driver.getPageSource().contains("&lt;script>__xss(1)&lt;/script>"), "payload 1 shown as text");
    }
}
