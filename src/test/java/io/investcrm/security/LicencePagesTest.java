package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Recording a licence or certificate from the company page (issue 10, 专栏1 #10/#11) with a real sign-in: the page's
 * link, the form with its CSRF token, POST-redirect-GET, the form again with the input and the error on a duplicate
 * number or a bad date, and no form for an officer.
 */
@QuarkusTest
class LicencePagesTest {

    @TestHTTPResource("/")
    URI base;

    String base() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Test
    void aManagerRecordsALicenceFromTheCompanyPageAndADuplicateComesBackWithItsError() {
        TestData.signIn(Tokens.MANAGER);
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        PageSession s = PageSession.signIn(base(), Tokens.MANAGER);
        assertTrue(s.get("/companies/" + company).body().contains("/goals/licences?companyId=" + company));
        String page = "/goals/licences?companyId=" + company;
        String number = "B0002H" + TestData.next();
        Map<String, String> form = new HashMap<>(Map.of("csrf-token", s.csrfToken(page), "companyId", String.valueOf(company),
                "type", "FINANCIAL_LICENCE", "number", number, "issuer", "国家金融监督管理总局深圳监管局", "validFrom", "2024-01-01",
                "validTo", "2029-12-31"));

        // POST-redirect-GET: back on the company's licences, the new one listed
        HttpResponse<String> saved = s.postForm("/goals/licences", form);
        assertEquals(200, saved.statusCode());
        assertTrue(saved.uri().toString().endsWith(page), saved.uri().toString());
        assertTrue(saved.body().contains(number));

        // the same number again: the form comes back with the input and the message, nothing recorded twice
        form.put("csrf-token", s.csrfToken(page));
        HttpResponse<String> duplicate = s.postForm("/goals/licences", form);
        assertEquals(409, duplicate.statusCode());
        assertTrue(duplicate.body().contains("id=\"form-errors\""));
        assertTrue(duplicate.body().contains("value=\"" + number + "\""));

        form.put("csrf-token", s.csrfToken(page));
        form.put("number", number + "X");
        form.put("validTo", "31.12.2029");
        HttpResponse<String> badDate = s.postForm("/goals/licences", form);
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("id=\"err-validTo\""));

        // without its CSRF token the form is refused
        form.remove("csrf-token");
        form.put("validTo", "2029-12-31");
        assertTrue(s.postForm("/goals/licences", form).statusCode() >= 400);
        assertFalse(s.get(page).body().contains(number + "X"));
    }

    @Test
    void anOfficerGetsNeitherTheLinkNorTheForm() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        PageSession s = PageSession.signIn(base(), Tokens.OFFICER);
        assertFalse(s.get("/companies/" + company).body().contains("/goals/licences"));
        assertEquals(403, s.get("/goals/licences?companyId=" + company).statusCode());
    }
}
