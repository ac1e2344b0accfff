package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A page form whose CSRF token is well formed but does not match the cookie (a form left open in one tab while
 * another page was loaded in a second tab) is refused with 400 and a readable answer, never a blank page (issue 13).
 */
@QuarkusTest
class CsrfRefusalTest {

    static final String FORM = "application/x-www-form-urlencoded";

    /** Sixteen bytes, url-safe base64 as Quarkus writes its tokens: well formed, but no cookie ever signed it. */
    static final String WELL_FORMED_BUT_WRONG = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);

    @TestHTTPResource("/")
    URI base;

    String base() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static String company(String token) {
        return PageSession.form(Map.of("csrf-token", token, "nameZh", "过期表单企业" + TestData.next(), "entityRole", "HQ"));
    }

    @Test
    void aFormLeftOpenWhileAnotherPageWasLoadedIsRefusedWithAReadablePageAndTheWayBack() {
        PageSession page = PageSession.signIn(base(), Tokens.MANAGER);
        String tabA = page.csrfToken("/companies/new");
        // the second tab: Quarkus signs its tokens (token-signature-key), so every page it renders issues a new one
        String tabB = page.csrfToken("/companies/new");
        assertNotEquals(tabA, tabB, "a new token with every page (see SECURITY.md)");

        HttpResponse<String> stale = page.postWithHeaders("/companies", Map.of("Content-Type", FORM,
                "Accept", "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Language", "zh-CN,zh;q=0.9",
                "Referer", base() + "/companies/new"), company(tabA));
        assertEquals(400, stale.statusCode(), stale.body());
        assertTrue(stale.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), stale.headers().toString());
        assertTrue(stale.body().contains("表单已过期"), stale.body());
        assertTrue(stale.body().contains("href=\"/companies/new\""), "a link back to the form: " + stale.body());
        assertFalse(stale.body().contains("??"), "no missing message: " + stale.body());

        // the way back gives a fresh form, and its token is accepted
        HttpResponse<String> created = page.postNoRedirect("/companies", FORM, company(page.csrfToken("/companies/new")));
        assertTrue(created.statusCode() == 303 || created.statusCode() == 422, "form post " + created.statusCode());
    }

    @Test
    void aWrongTokenInEnglishLinksOnlyBackIntoTheApplication() {
        PageSession page = PageSession.signIn(base(), Tokens.MANAGER);
        page.csrfToken("/companies/new");
        HttpResponse<String> wrong = page.postWithHeaders("/companies", Map.of("Content-Type", FORM, "Accept", "text/html",
                "Accept-Language", "en", "Referer", base() + "/companies/new?from=list"), company(WELL_FORMED_BUT_WRONG));
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("The form has expired"), wrong.body());
        assertTrue(wrong.body().contains("Open the form again"), wrong.body());
        assertTrue(wrong.body().contains("href=\"/companies/new?from=list\""), wrong.body());
        assertTrue(wrong.body().contains("lang=\"en\""), wrong.body());

        HttpResponse<String> foreign = page.postWithHeaders("/companies", Map.of("Content-Type", FORM, "Accept", "text/html",
                "Accept-Language", "en", "Referer", "http://evil.example/companies/new"), company(WELL_FORMED_BUT_WRONG));
        assertEquals(400, foreign.statusCode());
        assertTrue(foreign.body().contains("href=\"/\""), "another site's address is never the way back: " + foreign.body());
        assertFalse(foreign.body().contains("evil.example"), foreign.body());

        // no token at all is the same refusal, with the same readable answer
        HttpResponse<String> missing = page.postWithHeaders("/companies", Map.of("Content-Type", FORM, "Accept-Language", "en"),
                "nameZh=x");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("The form has expired"), missing.body());
    }

    @Test
    void aCallerThatAsksForJsonGetsProblemJsonWithTheCode() throws Exception {
        PageSession page = PageSession.signIn(base(), Tokens.MANAGER);
        page.csrfToken("/companies/new");
        // as script clients ask (axios' default; a problem+json caller that takes anything). A caller that accepts
        // only JSON meets the page's content negotiation first: 406, before any CSRF check, whatever its token.
        for (String accept : new String[] { "application/json, text/plain, */*", "application/problem+json, */*;q=0.8" }) {
            HttpResponse<String> wrong = page.postWithHeaders("/companies", Map.of("Content-Type", FORM, "Accept", accept,
                    "Accept-Language", "zh-CN"), company(WELL_FORMED_BUT_WRONG));
            assertEquals(400, wrong.statusCode(), wrong.body());
            assertTrue(wrong.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    wrong.headers().toString());
            JsonNode json = new ObjectMapper().readTree(wrong.body());
            assertEquals("csrf.invalid", json.path("code").asText());
            assertEquals(400, json.path("status").asInt());
            assertTrue(json.path("detail").asText().contains("表单已过期"), json.toString());
        }
        HttpResponse<String> onlyJson = page.postWithHeaders("/companies", Map.of("Content-Type", FORM, "Accept",
                "application/json"), company(WELL_FORMED_BUT_WRONG));
        assertEquals(406, onlyJson.statusCode(), onlyJson.body());
        assertFalse(onlyJson.body().isBlank(), "never an empty body");
    }
}
